package dev.frontier.actor;

import java.time.Duration;

/**
 * What a supervisor did, told to its {@link SupervisorSpec#withListener listener} and logged on
 * {@code dev.frontier.supervision} (restarts at INFO, giving up at WARN). Each one names the
 * supervisor and the child.
 */
public sealed interface SupervisionEvent {

    /** {@return the supervisor's name} */
    String supervisor();

    /** {@return the child's name} */
    String child();

    /**
     * A child's incarnation ended and the supervisor is deciding what to do. The failure itself (with
     * the message in hand, which is not delivered again) went to the error handler.
     *
     * @param supervisor the supervisor's name
     * @param child the child's name
     * @param reason how the incarnation ended: returned or failed
     */
    record ChildExited(String supervisor, String child, ExitReason reason) implements SupervisionEvent {
        @Override
        public String toString() {
            return "supervisor '" + supervisor + "': child '" + child + "' " + reason;
        }
    }

    /**
     * A child was restarted: its incarnation number {@code incarnation} (2 after the first restart) runs now.
     *
     * @param supervisor the supervisor's name
     * @param child the child's name
     * @param incarnation the number of the incarnation now running, 2 or more
     * @param delay how long the restart waited ({@link Backoff}); zero for an immediate restart
     */
    record ChildRestarted(String supervisor, String child, int incarnation, Duration delay) implements SupervisionEvent {
        @Override
        public String toString() {
            return "supervisor '" + supervisor + "': restarted child '" + child + "' (incarnation " + incarnation + ")"
                    + (delay.isZero() ? "" : " after " + delay.toMillis() + " ms");
        }
    }

    /**
     * A child ended for good under this supervisor: not restarted by its type, or stopped with the supervisor.
     *
     * @param supervisor the supervisor's name
     * @param child the child's name
     * @param reason how it ended: {@link ExitReason#STOPPED} if the supervisor stopped it
     */
    record ChildStopped(String supervisor, String child, ExitReason reason) implements SupervisionEvent {
        @Override
        public String toString() {
            return "supervisor '" + supervisor + "': child '" + child + "' ended for good (" + reason + ")";
        }
    }

    /**
     * Too many restarts: the supervisor stops every child and fails, escalating to its own supervisor.
     *
     * @param supervisor the supervisor's name
     * @param child the name of the child that needed one restart too many
     * @param limit the limit it passed, in words (the intensity, or the backoff's restarts in a row)
     * @param cause what ended the child last, or null if its body returned
     */
    record GaveUp(String supervisor, String child, String limit, Throwable cause) implements SupervisionEvent {
        @Override
        public String toString() {
            return "supervisor '" + supervisor + "' gives up: child '" + child + "' needs a restart beyond " + limit;
        }
    }
}
