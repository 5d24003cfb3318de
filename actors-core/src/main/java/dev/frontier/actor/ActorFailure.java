package dev.frontier.actor;

/**
 * An exception that escaped an actor and ended it.
 *
 * @param actor the failed actor's name
 * @param message the message being handled when it failed, or {@code null} if it failed while
 *     starting (before its first receive) or while being stopped
 * @param sender the sender of that message, or {@code "outside"}
 * @param cause what was thrown
 */
public record ActorFailure(String actor, Object message, String sender, Throwable cause) {

    /**
     * {@return one line naming the actor, the message and its sender (or "while starting or
     * stopping" when there was none), and the cause} The stack trace is not included.
     */
    public String describe() {
        String during = message == null ? "while starting or stopping" : "handling " + message + " from " + sender;
        return "actor '" + actor + "' failed " + during + ": " + cause;
    }
}
