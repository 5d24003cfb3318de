package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;

/**
 * One actor's waiting messages on the deque scheduler: (sender, message) pairs in one growable
 * circular array, oldest first, so that queueing a message allocates nothing. The scheduler's run
 * queue holds the actors whose mailbox has work, not the messages.
 *
 * <p><b>Note:</b> this class is not threadsafe; only the scheduler thread touches it. Messages
 * from other threads reach it through the scheduler's {@link Inbox}.
 */
final class Mailbox {

    private static final int INITIAL_PAIRS = 4;

    private Object[] slots = new Object[2 * INITIAL_PAIRS];
    private int head;
    private int size;
    /** The sender of the message {@link #poll()} returned last. */
    private ActorRef<?> polledSender;

    void add(ActorRef<?> sender, Object message) {
        Object[] s = slots;
        if (size << 1 == s.length) {
            s = grow();
        }
        int t = (head + (size << 1)) & (s.length - 1);
        s[t] = sender;
        s[t + 1] = message;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Removes and returns the oldest message (its sender: {@link #polledSender()}), or null if none. */
    Object poll() {
        if (size == 0) {
            return null;
        }
        Object[] s = slots;
        int h = head;
        polledSender = (ActorRef<?>) s[h];
        Object m = s[h + 1];
        s[h] = null;
        s[h + 1] = null;
        head = (h + 2) & (s.length - 1);
        size--;
        return m;
    }

    ActorRef<?> polledSender() {
        return polledSender;
    }

    private Object[] grow() {
        Object[] old = slots;
        Object[] bigger = new Object[old.length << 1];
        int firstPart = old.length - head;
        System.arraycopy(old, head, bigger, 0, firstPart);
        System.arraycopy(old, 0, bigger, firstPart, head);
        slots = bigger;
        head = 0;
        return bigger;
    }
}
