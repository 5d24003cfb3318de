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
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param body the actor's code; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    default <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return spawn(name, ActorOptions.defaults(), body);
    }

    /**
     * Registers and starts a generator actor under {@code name} with per-actor options (a bounded
     * mailbox, for instance).
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param options the actor's mailbox and message type; must not be null
     * @param body the actor's code; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    <M> ActorRef<M> spawn(String name, ActorOptions options, GeneratorActor<M> body);

    /**
     * Registers and starts a generator actor that accepts only messages of {@code type}: a send of
     * anything else becomes a dead letter logged at WARN, and never reaches the body.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param type the class every message must be an instance of; must not be null
     * @param body the actor's code; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    default <M> ActorRef<M> spawn(String name, Class<M> type, GeneratorActor<M> body) {
        return spawn(name, ActorOptions.defaults().withMessageType(type), body);
    }

    /**
     * Registers a handler actor that accepts only messages of {@code type} (see {@link #spawn(String, Class, GeneratorActor)}).
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param type the class every message must be an instance of; must not be null
     * @param handler called with each message; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    default <M> ActorRef<M> spawnHandler(String name, Class<M> type, MessageHandler<M> handler) {
        return spawnHandler(name, ActorOptions.defaults().withMessageType(type), handler);
    }

    /**
     * Starts a supervisor named {@code name} and, through it, the children of {@code spec} in order
     * (Erlang's {@code supervisor:start_link}). The returned reference accepts no messages; watch it,
     * wait for its {@code termination()}, or stop it (its children stop first, latest started first).
     *
     * @param name the supervisor's name, unique among the live actors of this system; not null or empty
     * @param spec its strategy, limits and children; must not be null
     * @return the supervisor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws UnsupportedOperationException the system cannot supervise (direct mode)
     */
    default ActorRef<Void> spawnSupervisor(String name, SupervisorSpec spec) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot supervise actors");
    }

    /**
     * Typed request/reply to {@code target}: see {@link ActorRef#ask}. The request is built from a
     * reply-to reference, so javac checks the reply's type.
     *
     * @param <M> the type of messages {@code target} accepts
     * @param <R> the reply's type
     * @param target the actor to ask; must not be null
     * @param request makes the request from the reply-to reference; called once, on the calling thread
     * @param timeout how long to wait for the reply, by the system's clock; must not be null
     * @return a future completed by the first reply, or failed ({@link AskTimeoutException}, or the
     *     actor has ended, or the system shut down)
     */
    default <M, R> CompletableFuture<R> ask(ActorRef<M> target, java.util.function.Function<ActorRef<R>, ? extends M> request,
                                            Duration timeout) {
        return target.ask(request, timeout);
    }

    /**
     * Registers a handler actor under {@code name}.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param handler called with each message; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    default <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return spawnHandler(name, ActorOptions.defaults(), handler);
    }

    /**
     * Registers a handler actor under {@code name} with per-actor options.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among the live actors of this system; not null or empty
     * @param options the actor's mailbox and message type; must not be null
     * @param handler called with each message; must not be null
     * @return the new actor's reference
     * @throws DuplicateActorNameException a live actor already has this name
     * @throws IllegalStateException the system is shut down
     */
    <M> ActorRef<M> spawnHandler(String name, ActorOptions options, MessageHandler<M> handler);

    /**
     * Sends {@code message} to the actor named {@code name}. An unknown or finished actor makes it a
     * dead letter: counted and logged, never thrown at the sender. The sender is the actor running
     * on the calling thread, if any.
     *
     * @param name the recipient's name; must not be null
     * @param message the message; must not be null
     * @throws MailboxFullException the recipient's bounded mailbox is full and its
     *     {@linkplain ActorOptions.Overflow overflow rule} fails the send
     */
    void send(String name, Object message);

    /**
     * Sends {@code message} to the actor named {@code name} after {@code delay}, by this system's
     * clock, unless cancelled first. The name is looked up when the timer fires; if no live actor
     * has it then, or the system shuts down first, the message is a dead letter.
     *
     * @param delay how long to wait; must not be null
     * @param name the recipient's name; must not be null
     * @param message the message; must not be null
     * @return a handle that calls the send off
     */
    Cancellable sendAfter(Duration delay, String name, Object message);

    /**
     * An awaitable sleep: a future completed after {@code delay} by this system's timers (on the
     * deque scheduler: by its clock, on its thread). Await it from a task or an actor.
     *
     * @param delay how long to sleep; must not be null
     * @return a future completed with null after {@code delay}, or failed if the system shuts down first
     */
    CompletableFuture<Void> sleep(Duration delay);

    /**
     * Request/reply: sends {@code message} to the actor named {@code name} from a temporary actor
     * whose first message completes the returned future. Without a reply within {@code timeout}
     * the future fails with {@link AskTimeoutException}; a reply arriving later is a dead letter.
     * An unknown name fails the future at once (and the message is a dead letter).
     *
     * @param <R> the reply's type, unchecked: a reply of another type surfaces as a
     *     {@code ClassCastException} where the value is used as an {@code R}
     * @param name the name of the actor to ask; must not be null
     * @param message the request; must not be null
     * @param timeout how long to wait for the reply, by the system's clock; must not be null
     * @return a future completed by the first reply, or failed ({@link AskTimeoutException}, an
     *     unknown name, or the system shut down)
     */
    <R> CompletableFuture<R> ask(String name, Object message, Duration timeout);

    /**
     * {@return the live actor registered under {@code name}, or empty if there is none}
     *
     * @param <M> the type of messages the actor accepts, unchecked
     * @param name the actor's name; must not be null
     */
    <M> Optional<ActorRef<M>> lookup(String name);

    /**
     * Stops the named actor: its generator is closed so its {@code finally} blocks run, and its
     * name is freed.
     *
     * @param name the actor's name; must not be null
     * @return {@code true} if this call stopped it; {@code false} if no such actor is alive
     */
    boolean stop(String name);

    /** {@return a live view of the messages that found no live recipient} */
    DeadLetters deadLetters();

    /**
     * {@return how many failures this system has reported to its error handler, 0 if none} Each
     * exception that escapes an actor counts, including each failed incarnation of a supervised
     * actor, as does one thrown by a timer's action.
     */
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
     *
     * @param timeout the longest wait; must not be null
     * @return {@code true} if the system has terminated, {@code false} if {@code timeout} passed first
     * @throws InterruptedException the calling thread was interrupted while waiting
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /** {@link #shutdown()}. */
    @Override
    default void close() {
        shutdown();
    }
}
