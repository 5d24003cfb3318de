package dev.frontier.actor;

/**
 * A handle on a named actor that sends to it without a registry lookup.
 *
 * <p>{@link #send} may be called from any thread. A message to an actor that has ended is a
 * dead letter (counted and logged, see {@link DeadLetters}), never an exception for the sender.
 *
 * @param <M> the type of messages the actor accepts
 */
public interface ActorRef<M> {

    /** The actor's unique name in its system. */
    String name();

    /**
     * Sends {@code message} to this actor. The sender is the actor running on the calling thread,
     * if any. Messages from one sender to one receiver arrive in the order sent.
     */
    void send(M message);

    /**
     * Messages waiting for the actor to take them (a snapshot). For a bounded mailbox it counts
     * every message sent and not yet taken; otherwise messages still on their way from another
     * thread may not be counted yet.
     */
    default int mailboxSize() {
        return 0;
    }

    /** Whether the actor is still running (a snapshot). */
    boolean isAlive();

    /**
     * Completes when the actor ends: normally (its body returned, or it was stopped) or
     * exceptionally with the failure that ended it.
     */
    java.util.concurrent.CompletableFuture<Void> termination();
}
