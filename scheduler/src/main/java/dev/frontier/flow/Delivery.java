package dev.frontier.flow;

import java.util.Objects;

/**
 * One recorded message: who sent it to whom, which delivery's handling sent it, and what became of
 * it. Erlang's {@code seq_trace} serial {@code {Previous, Current}} is ({@link #cause}, {@link #id}):
 * follow {@code cause} back to the delivery whose handling sent this message.
 *
 * <p>Times are {@link System#nanoTime()} readings: comparable with each other within one JVM, not
 * wall-clock times. A time the delivery has not reached yet (a message still in a mailbox has not
 * started) is {@link #NOT_YET}.
 *
 * @param id this delivery's number in its recorder, from 1, in the order the messages were sent
 * @param cause the {@code id} of the delivery whose handling sent this message; 0 when it was sent
 *     from outside any recorded delivery (from {@code main}, from an actor's start-up code, or by an
 *     actor whose own message was not recorded)
 * @param kind a plain message, an ask's request or reply, a timer's send, or a receive's time-out
 * @param sender the sending actor's name, {@code "outside"} for a thread that is no actor
 * @param receiver the name the message was sent to
 * @param message the message itself (kept by reference: it is what the actor got)
 * @param sentNanos when it was sent
 * @param startedNanos when the receiver took it, or {@link #NOT_YET}
 * @param endedNanos when the receiver was done with it (asked for its next message, returned,
 *     failed), or {@link #NOT_YET}; a delivery whose handling awaited a future ends after the await
 * @param turn the deque scheduler's turn in which the receiver took it (turns are numbered from 1
 *     across the scheduler: deliveries with the same turn ran in one go); 0 in other modes
 * @param sequence the receiver's number for this message: its {@code msgSeq} in the log's MDC; 0 if
 *     not taken
 * @param outcome what became of it
 * @param failure for {@link Outcome#FAILED} (and {@link Outcome#RESTARTED}), what the handling
 *     threw, as {@code Throwable.toString()}; otherwise null
 */
public record Delivery(long id, long cause, Kind kind, String sender, String receiver, Object message,
                       long sentNanos, long startedNanos, long endedNanos, long turn, long sequence,
                       Outcome outcome, String failure) {

    /** A time not reached. */
    public static final long NOT_YET = Long.MIN_VALUE;

    /** How the message came to be sent. */
    public enum Kind {
        /** An ordinary send ({@code send}, {@code ref.send}). */
        MESSAGE,
        /** The request of an {@code ask}: the sender is the actor (or outside) that asked. */
        ASK,
        /** The reply to an {@code ask}: completes the asker's future; the receiver is the asker. */
        REPLY,
        /** A delayed send ({@code sendAfter}) that fired; its cause is the delivery that set the timer. */
        TIMER,
        /**
         * A {@code receive(timeout)} that timed out: not a message but the actor resuming, recorded so
         * that what it does next has a cause (the delivery in hand when it began to wait).
         */
        TIMEOUT
    }

    /** What became of a message. */
    public enum Outcome {
        /** Sent, not yet taken by the receiver. */
        IN_FLIGHT,
        /** Taken; the receiver is still handling it. */
        IN_PROGRESS,
        /** Handled: the receiver went on to its next message, or ended normally. */
        HANDLED,
        /** The receiver threw while handling it and ended. */
        FAILED,
        /** No live receiver took it. */
        DEAD_LETTER,
        /** The receiver threw while handling it and its supervisor took it over (to restart it, or to give up). */
        RESTARTED
    }

    /**
     * Checks the components that are never null.
     *
     * @throws NullPointerException {@code kind}, {@code sender}, {@code receiver} or {@code outcome} is null
     */
    public Delivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** {@return whether the receiver took it: {@code startedNanos} is not {@link #NOT_YET}} */
    public boolean started() {
        return startedNanos != NOT_YET;
    }

    /** {@return whether the receiver is done with it: {@code endedNanos} is not {@link #NOT_YET}} */
    public boolean ended() {
        return endedNanos != NOT_YET;
    }

    /** {@return the time in the receiver's hands, in nanoseconds; 0 if not started or not ended} */
    public long handlingNanos() {
        return started() && ended() ? endedNanos - startedNanos : 0;
    }

    /**
     * {@return the message as text, for diagrams: its {@code toString()}, or, if that threw, the
     * message's class and what it threw} Never throws.
     */
    public String messageText() {
        try {
            return String.valueOf(message);
        } catch (RuntimeException e) {
            return "(" + message.getClass().getName() + ": toString() threw " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "#" + id + (cause != 0 ? " (from #" + cause + ")" : "") + " " + sender + " -> " + receiver + ": "
                + messageText() + " [" + kind + ", " + outcome + (failure != null ? ": " + failure : "") + "]";
    }
}
