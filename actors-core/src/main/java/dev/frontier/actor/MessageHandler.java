package dev.frontier.actor;

/**
 * A handler actor: the common shape {@code while (true) handle(receive())} written as a plain
 * callback. It needs no continuation, so it runs at close to the raw dispatch cost. Its state
 * lives in fields of the handler object (or captured holders), not in locals.
 *
 * <p>A handler cannot {@link ActorContext#receive() receive}: it is handed each message.
 *
 * @param <M> the type of messages the actor accepts
 */
@FunctionalInterface
public interface MessageHandler<M> {
    /**
     * Handles one message, on the thread the system runs this actor on; never two messages at once.
     *
     * @param ctx this actor's context: its name, the sender of {@code message}, sending and spawning
     * @param message the message delivered; never null
     * @throws Exception anything: it ends the actor (or hands it to its supervisor) and goes to the
     *     system's error handler
     */
    void handle(ActorContext<M> ctx, M message) throws Exception;
}
