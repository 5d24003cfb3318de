package dev.frontier.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The one way into a thread that Frontier owns: a JCTools MPSC queue that any thread offers to and
 * one consumer thread takes from, with a de-duplicated wake-up and a close that loses nothing.
 * The deque scheduler's thread has one; in thread-per-actor mode each actor's thread has one.
 *
 * <h2>Wake-up</h2>
 * The consumer announces that it is about to park ({@link #prepareToPark()}), re-checks the queue,
 * and parks; a producer that sees the announcement after its offer unparks it. Both sides write
 * then read volatile state, so either the consumer sees the entry or the producer sees the
 * announcement: no wake-up is lost. Only the producer that wins the flag unparks.
 *
 * <h2>Close</h2>
 * {@link #close} marks the inbox closed and then drains it, under a lock. A producer offers and
 * then reads the mark: if it was too late for the closing drain, it drains the queue itself, under
 * the same lock, handing each entry to the leftover handler. When {@link #offer} returns, its entry
 * has been taken by the consumer, the closing drain or a leftover drain; an entry that must know
 * which (a command: run, or rejected) records it itself. Either the closing
 * drain runs after the offer, or the producer sees the mark; so every entry is taken exactly once,
 * by the consumer or by a drain, and none is stranded. (After the close, the lock makes the
 * drainers the queue's one consumer at a time.)
 *
 * <p>Uses JCTools' {@code atomic} queue variant, which needs no {@code sun.misc.Unsafe}.
 */
final class Inbox {

    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(Inbox.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MpscUnboundedAtomicArrayQueue<Object> queue;
    /** Takes what arrives after the close, on whichever thread drains it. */
    private final Consumer<Object> leftover;
    private volatile Thread consumer;
    private volatile boolean parked;
    private volatile boolean closed;

    /** {@code leftover} takes each entry that arrives after the close; it must not throw. */
    Inbox(int chunkSize, Consumer<Object> leftover) {
        this.queue = new MpscUnboundedAtomicArrayQueue<>(chunkSize);
        this.leftover = leftover;
    }

    /** Sets the thread that takes from this inbox (and is woken for it). */
    void consumer(Thread t) {
        consumer = t;
    }

    /**
     * Offers {@code entry} and wakes the consumer if it parked. Returns {@code false} if the inbox
     * was closed by the time the entry was in: then this thread has handed every entry still left
     * to the leftover handler, but {@code entry} itself may already have been taken by the consumer
     * or the closing drain (jcstress's InboxOfferVsCloseTest sees all three). An entry that must know
     * which records it itself, as {@link Command} does. Any thread.
     */
    boolean offer(Object entry) {
        queue.offer(entry);
        if (closed) {
            drainClosed();
            return false;
        }
        if (parked && PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** The next entry, or null. Must only be called from the consumer thread. */
    Object poll() {
        return queue.relaxedPoll();
    }

    /** Whether there is no entry (a snapshot). */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Entries waiting (a snapshot). */
    int size() {
        return queue.size();
    }

    /**
     * Announces that the consumer is about to park; it must re-check its work after this and before
     * parking, then call {@link #unparked()}. Must only be called from the consumer thread.
     */
    void prepareToPark() {
        parked = true;
    }

    /** The consumer is awake again. Must only be called from the consumer thread. */
    void unparked() {
        parked = false;
    }

    /** Wakes the consumer whether or not it announced a park (shutdown, stop). Any thread. */
    void wake() {
        parked = false;
        Thread t = consumer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Closes the inbox: every entry still in it goes to {@code drain}, every later one to the
     * leftover handler. Must only be called from the consumer thread, or once it no longer takes.
     */
    synchronized void close(Consumer<Object> drain) {
        closed = true;
        // poll(), not relaxedPoll(): a producer mid-offer must not end the drain early
        for (Object e; (e = queue.poll()) != null; ) {
            drain.accept(e);
        }
    }

    private synchronized void drainClosed() {
        // poll(), not relaxedPoll(): a producer mid-offer must not end the drain early
        for (Object e; (e = queue.poll()) != null; ) {
            leftover.accept(e);
        }
    }
}
