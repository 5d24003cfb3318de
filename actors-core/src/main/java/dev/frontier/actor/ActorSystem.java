package dev.frontier.actor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A registry of named actors and the machinery that delivers their messages. Implementations (in
 * the {@code scheduler} module) differ only in <em>how</em> messages are delivered: directly
 * (the seed's broken Attempt 1), through a single-threaded deque scheduler, or on a thread per
 * actor. The same actor code runs on each.
 *
 * <p>{@code spawn}, {@code send}, {@code lookup}, {@code stop} and {@code shutdown} may be called
 * from any thread unless an implementation says otherwise.
 */
public interface ActorSystem extends AutoCloseable {

    /**
     * Registers and starts a generator actor under {@code name}. The body runs to its first
     * {@code receive} before any message is delivered.
     *
     * @throws DuplicateActorNameException a live actor already has this name
     */
    default <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return spawn(name, ActorOptions.defaults(), body);
    }

    /**
     * Registers and starts a generator actor under {@code name} with per-actor options (a bounded
     * mailbox, for instance).
     *
     * @throws DuplicateActorNameException a live actor already has this name
     */
    <M> ActorRef<M> spawn(String name, ActorOptions options, GeneratorActor<M> body);

    /**
     * Registers and starts a generator actor that accepts only messages of {@code type}: a send of
     * anything else becomes a dead letter logged at WARN, and never reaches the body.
     *
     * @throws DuplicateActorNameException a live actor already has this name
     */
    default <M> ActorRef<M> spawn(String name, Class<M> type, GeneratorActor<M> body) {
        return spawn(name, ActorOptions.defaults().withMessageType(type), body);
    }

    /** Registers a handler actor that accepts only messages of {@code type} (see {@link #spawn(String, Class, GeneratorActor)}). */
    default <M> ActorRef<M> spawnHandler(String name, Class<M> type, MessageHandler<M> handler) {
        return spawnHandler(name, ActorOptions.defaults().withMessageType(type), handler);
    }

    /**
     * Starts a supervisor named {@code name} and, through it, the children of {@code spec} in order
     * (Erlang's {@code supervisor:start_link}). The returned reference accepts no messages; watch it,
     * wait for its {@code termination()}, or stop it (its children stop first, latest started first).
     *
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws UnsupportedOperationException the system cannot supervise (direct mode)
     */
    default ActorRef<Void> spawnSupervisor(String name, SupervisorSpec spec) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot supervise actors");
    }

    /**
     * Typed request/reply to {@code target}: see {@link ActorRef#ask}. The request is built from a
     * reply-to reference, so javac checks the reply's type.
     */
    default <M, R> CompletableFuture<R> ask(ActorRef<M> target, java.util.function.Function<ActorRef<R>, ? extends M> request,
                                            Duration timeout) {
        return target.ask(request, timeout);
    }

    /**
     * Registers a handler actor under {@code name}.
     *
     * @throws DuplicateActorNameException a live actor already has this name
     */
    default <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return spawnHandler(name, ActorOptions.defaults(), handler);
    }

    /**
     * Registers a handler actor under {@code name} with per-actor options.
     *
     * @throws DuplicateActorNameException a live actor already has this name
     */
    <M> ActorRef<M> spawnHandler(String name, ActorOptions options, MessageHandler<M> handler);

    /**
     * Sends {@code message} to the actor named {@code name}. An unknown or finished actor makes it a
     * dead letter: counted and logged, never thrown at the sender.
     */
    void send(String name, Object message);

    /**
     * Sends {@code message} to the actor named {@code name} after {@code delay}, by this system's
     * clock, unless cancelled first. The name is looked up when the timer fires.
     */
    Cancellable sendAfter(Duration delay, String name, Object message);

    /**
     * An awaitable sleep: a future completed after {@code delay} by this system's timers (on the
     * deque scheduler: by its clock, on its thread). Await it from a task or an actor.
     */
    CompletableFuture<Void> sleep(Duration delay);

    /**
     * Request/reply: sends {@code message} to the actor named {@code name} from a temporary actor
     * whose first message completes the returned future. Without a reply within {@code timeout}
     * the future fails with {@link AskTimeoutException}; a reply arriving later is a dead letter.
     * An unknown name fails the future at once (and the message is a dead letter).
     */
    <R> CompletableFuture<R> ask(String name, Object message, Duration timeout);

    /** The live actor registered under {@code name}, if any. */
    <M> Optional<ActorRef<M>> lookup(String name);

    /**
     * Stops the named actor: its generator is closed so its {@code finally} blocks run, and its
     * name is freed. Returns {@code false} if no such actor is alive.
     */
    boolean stop(String name);

    /** Messages that found no live recipient. */
    DeadLetters deadLetters();

    /** How many actors have ended with an exception. */
    long failureCount();

    /**
     * Closes every actor (their {@code finally} blocks run) and stops every thread this system
     * started. Idempotent.
     */
    void shutdown();

    /**
     * Waits until the system has terminated after {@link #shutdown()}: every actor closed, every
     * thread it started ended, every future it handed out completed. Returns {@code false} if
     * {@code timeout} passed first. Any thread.
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** {@link #shutdown()}. */
    @Override
    default void close() {
        shutdown();
    }
}
