package dev.frontier.actor;

/** A scheduled action (a timer, a delayed send) that may still be called off. Any thread. */
@FunctionalInterface
public interface Cancellable {

    /** Calls the action off; {@code true} if it had not run yet and now never will. */
    boolean cancel();
}
