package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The messages an actor's selective receive kept back, oldest first, with what is known about
 * them: the first {@code rejected} of them were all refused by the matcher {@code rejectedBy}.
 * A later receive with the same matcher starts after them, so a loop such as
 * {@code while (true) handle(ctx.receive(Reply.class))} amid many kept messages does not rescan
 * the ones it already refused: each receive costs what is new, not what is kept. A receive with a
 * different matcher (a fresh lambda, say) must look at every kept message once: Erlang's bound.
 * {@code receive(Class)} uses one matcher per class, so it always benefits.
 *
 * <p><b>Note:</b> this class is not threadsafe; only the actor's host thread touches it.
 */
final class Stash {

    /** A message kept for a later receive, with its sender (null: from outside any actor). */
    record Kept(ActorRef<?> sender, Object message) {
    }

    private Kept[] items = new Kept[8];
    private int head;
    private int size;
    private Object rejectedBy;
    private int rejected;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * Keeps a message that {@code refusedBy} (null: no matcher) did not accept; it starts the
     * refused run in an empty stash, and extends it if the whole stash is known refused by that
     * matcher, so a body waiting in one receive while others' messages pile up never rescans them.
     */
    void add(ActorRef<?> sender, Object message, Object refusedBy) {
        if (head + size == items.length) {
            if (head > items.length >> 1) {
                System.arraycopy(items, head, items, 0, size);
                Arrays.fill(items, size, head + size, null);
                head = 0;
            } else {
                items = Arrays.copyOf(items, items.length << 1);
            }
        }
        items[head + size] = new Kept(sender, message);
        if (refusedBy != null && rejected == size) {
            if (size == 0) {
                rejectedBy = refusedBy; // an empty stash: this refusal starts the run
            }
            if (refusedBy == rejectedBy) {
                rejected++;
            }
        }
        size++;
    }

    /**
     * Removes and returns the oldest message {@code accepts} allows (null: any), skipping the run
     * already known refused by the same matcher; null if none. {@code cell} runs the matcher, so a
     * matcher that throws is reported with the message it was looking at.
     */
    Kept take(Predicate<Object> accepts, ActorCell<?> cell) {
        int start = accepts != null && accepts == rejectedBy ? rejected : 0;
        for (int i = start; i < size; i++) {
            Kept k = items[head + i];
            if (accepts == null || cell.matches(accepts, k.sender(), k.message())) {
                remove(i);
                return k;
            }
        }
        if (accepts != null) {
            rejectedBy = accepts;
            rejected = size;
        }
        return null;
    }

    private void remove(int i) {
        if (i < rejected) {
            rejected--;
        }
        if (i == 0) {
            items[head++] = null;
        } else {
            System.arraycopy(items, head + i + 1, items, head + i, size - i - 1);
            items[head + size - 1] = null;
        }
        size--;
        if (size == 0) {
            head = 0;
        }
    }

    /** Removes every message, oldest first, into {@code out}. */
    void drainTo(ArrayDeque<Kept> out) {
        for (int i = 0; i < size; i++) {
            out.addLast(items[head + i]);
        }
        Arrays.fill(items, null);
        head = 0;
        size = 0;
        rejected = 0;
        rejectedBy = null;
    }
}
