package dev.frontier.actor;

/**
 * A generator actor: a body that loops on {@code msg = ctx.receive()}, keeping its state in local
 * variables across receives. The Java counterpart of the seed's {@code @actor} generator:
 *
 * <pre>{@code
 * system.spawn("printer", (ActorContext<Integer> ctx) -> {
 *     while (true) {
 *         int msg = ctx.receive();
 *         System.out.println("printer: " + msg);
 *     }
 * });
 * }</pre>
 *
 * The body returning ends the actor. An exception escaping it ends the actor and goes to the
 * system's {@link ActorErrorHandler}; the other actors keep running.
 *
 * @param <M> the type of messages the actor accepts
 */
@FunctionalInterface
public interface GeneratorActor<M> {
    /**
     * The actor's body, run once on a generator; each {@code ctx.receive()} suspends it until a
     * message comes. Returning ends the actor.
     *
     * @param ctx this actor's context: its mailbox, its name, sending and spawning
     * @throws Exception anything: it ends the actor and goes to the system's error handler (or to the
     *     actor's supervisor)
     */
    void run(ActorContext<M> ctx) throws Exception;
}
