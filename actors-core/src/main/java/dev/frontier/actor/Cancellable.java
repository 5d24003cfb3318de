package dev.frontier.actor;

/** A scheduled action (a timer, a delayed send) that may still be called off. Any thread. */
@FunctionalInterface
public interface Cancellable {

    /**
     * Calls the action off. Cancelling twice, or after the action ran, does nothing.
     *
     * @return {@code true} if it had not run yet and now never will; {@code false} if it already ran
     *     or was already cancelled
     */
    boolean cancel();
}
