package dev.frontier.scheduler;

/**
 * The scheduler's deque: the seed's {@code _msg_queue = deque()}, holding (target, sender,
 * message) triples in one growable circular array so that a send allocates nothing.
 *
 * <p><b>Note:</b> this class is not threadsafe; only the scheduler thread touches it.
 */
final class EnvelopeQueue {
    private Object[] slots = new Object[3 * 64];
    private int head;
    private int tail;
    private int size;

    void add(Object target, Object sender, Object message) {
        if (size * 3 == slots.length) {
            grow();
        }
        Object[] s = slots;
        int t = tail;
        s[t] = target;
        s[t + 1] = sender;
        s[t + 2] = message;
        t += 3;
        tail = t == s.length ? 0 : t;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The head triple's fields; call {@link #removeHead()} after reading all three. */
    Object headTarget() {
        return slots[head];
    }

    Object headSender() {
        return slots[head + 1];
    }

    Object headMessage() {
        return slots[head + 2];
    }

    void removeHead() {
        Object[] s = slots;
        int h = head;
        s[h] = null;
        s[h + 1] = null;
        s[h + 2] = null;
        h += 3;
        head = h == s.length ? 0 : h;
        size--;
    }

    private void grow() {
        Object[] old = slots;
        Object[] bigger = new Object[old.length * 2];
        int firstPart = old.length - head;
        System.arraycopy(old, head, bigger, 0, firstPart);
        System.arraycopy(old, 0, bigger, firstPart, head);
        slots = bigger;
        head = 0;
        tail = old.length;
    }
}
