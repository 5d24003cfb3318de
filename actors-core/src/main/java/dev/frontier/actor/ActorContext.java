package dev.frontier.actor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * What an actor's code sees of the world: its own mailbox ({@code receive}), its name, the sender
 * of the message in hand, and sending and spawning.
 *
 * <p>Must only be called from the actor's own code while it runs (its body, or its handler during
 * a delivery). In the deque scheduler that is the scheduler thread; in thread-per-actor mode it is
 * the actor's thread.
 *
 * @param <M> the type of messages this actor accepts
 */
public interface ActorContext<M> {

    /** This actor's reference. */
    ActorRef<M> self();

    /** This actor's name. */
    default String name() {
        return self().name();
    }

    /**
     * Suspends this generator actor until the next message arrives and returns it: the seed's
     * {@code msg = yield}. Local variables live across the wait.
     *
     * @throws IllegalStateException when called by a handler actor, which has no continuation
     */
    M receive();

    /**
     * Selective receive: waits for the first message that is an instance of {@code type}. Messages
     * of other types are kept, in order, for later receives (Erlang-style).
     */
    <T extends M> T receive(Class<T> type);

    /**
     * Selective receive: waits for the first message {@code matcher} accepts. Skipped messages are
     * kept, in order, for later receives.
     */
    M receive(Predicate<? super M> matcher);

    /**
     * Waits for the next message for at most {@code timeout}; empty if none came. Timers follow the
     * system's clock (a test clock in tests).
     */
    Optional<M> receive(Duration timeout);

    /**
     * Selective receive with a timeout: waits at most {@code timeout} for the first message that is
     * an instance of {@code type}; empty if none came. Skipped messages are kept, in order.
     */
    default <T extends M> Optional<T> receive(Class<T> type, Duration timeout) {
        throw new UnsupportedOperationException("receive(Class, Duration) is not supported by " + getClass().getName());
    }

    /**
     * Selective receive with a timeout: waits at most {@code timeout} for the first message
     * {@code matcher} accepts; empty if none came. Skipped messages are kept, in order.
     */
    default Optional<M> receive(Predicate<? super M> matcher, Duration timeout) {
        throw new UnsupportedOperationException("receive(Predicate, Duration) is not supported by " + getClass().getName());
    }

    /**
     * Suspends this generator actor until {@code stage} completes, and returns its value or throws
     * its failure (unwrapped from {@code CompletionException}). While it waits, the actor's mailbox
     * keeps accepting messages, delivered when it next receives, and other actors keep running.
     * The body resumes on the actor's host thread (the scheduler thread, or its own thread), never
     * on the thread that completed {@code stage}. An already completed stage does not suspend.
     *
     * @throws IllegalStateException when called by a handler actor
     */
    <T> T await(CompletionStage<T> stage) throws Exception;

    /** Suspends this generator actor for {@code delay} (by the system's clock); messages wait. */
    void sleep(Duration delay);

    /**
     * Sends {@code message} to {@code target} after {@code delay}, with this actor as the sender,
     * unless cancelled first.
     */
    <T> Cancellable sendAfter(Duration delay, ActorRef<T> target, T message);

    /**
     * The actor that sent the message being handled (the last one received). When it came from
     * outside any actor this is a reference named {@code "outside"} that is never alive: a reply to
     * it is a dead letter, not an exception. Never null.
     */
    ActorRef<Object> sender();

    /**
     * Watches {@code actor}: when it ends for good, this actor receives one {@link Terminated}
     * message naming it and how it ended, also if it had already ended. Its name is free by then.
     * A supervised actor that is restarted has not ended. Watching twice is the same as once.
     *
     * @throws IllegalStateException this actor's message type does not accept {@link Terminated}:
     *     use {@link #watchWith}
     * @throws IllegalArgumentException {@code actor} is not an actor of this system, or is this actor
     */
    default void watch(ActorRef<?> actor) {
        throw new UnsupportedOperationException("watch is not supported by " + getClass().getName());
    }

    /**
     * Watches {@code actor} as {@link #watch} does, but receives {@code message} instead of
     * {@link Terminated} when it ends (Akka's {@code watchWith}): for actors with a message type.
     */
    default void watchWith(ActorRef<?> actor, M message) {
        throw new UnsupportedOperationException("watchWith is not supported by " + getClass().getName());
    }

    /**
     * Stops watching {@code actor}. A {@link Terminated} already sent (the actor ended before this
     * call) may still arrive.
     */
    default void unwatch(ActorRef<?> actor) {
        throw new UnsupportedOperationException("unwatch is not supported by " + getClass().getName());
    }

    /**
     * Links this actor and {@code actor}, both ways (Erlang's {@code link}): when either fails, the
     * other fails too, with a {@link LinkedActorFailedException} naming its partner, unless it
     * {@link #trapExits traps exits}; then it receives an {@link Exit} message instead (also when
     * its partner returns or is stopped). Linking to an actor that has already ended acts at once.
     * A link lasts until either side ends (a restart ends an incarnation, so it unlinks).
     *
     * @throws IllegalArgumentException {@code actor} is not an actor of this system, or is this actor
     */
    default void link(ActorRef<?> actor) {
        throw new UnsupportedOperationException("link is not supported by " + getClass().getName());
    }

    /** Removes the link with {@code actor}, both ways. */
    default void unlink(ActorRef<?> actor) {
        throw new UnsupportedOperationException("unlink is not supported by " + getClass().getName());
    }

    /**
     * Whether a linked actor's end reaches this actor as an {@link Exit} message (true) or, when it
     * failed, fails this actor too (false, the default). Erlang's {@code trap_exit}.
     *
     * @throws IllegalStateException this actor's message type does not accept {@link Exit}
     */
    default void trapExits(boolean trap) {
        throw new UnsupportedOperationException("trapExits is not supported by " + getClass().getName());
    }

    /** Sends {@code message} to the actor named {@code name}; an unknown name is a dead letter. */
    void send(String name, Object message);

    /** Sends {@code message} to {@code target}, with this actor as the sender. */
    <T> void send(ActorRef<T> target, T message);

    /**
     * An executor that runs commands on this actor's host thread (the scheduler thread, or the
     * actor's own thread), as this actor, after what is already queued there. Start a task with it
     * ({@code Task.start(ctx.executor(), body)}) and every step of the task runs where the actor
     * runs, never on the thread that completed a future. Any thread may use it.
     */
    java.util.concurrent.Executor executor();

    /** The system this actor lives in, to spawn or look up other actors. */
    ActorSystem system();

    /**
     * A logger for this actor's code (named after its class), with this actor's name and the number
     * of the message in hand in the SLF4J MDC ({@code actor}, {@code msgSeq}) from now until the
     * actor stops handling this message. Asking for it is what puts them there: a message that logs
     * nothing costs nothing for logging.
     */
    org.slf4j.Logger log();
}
