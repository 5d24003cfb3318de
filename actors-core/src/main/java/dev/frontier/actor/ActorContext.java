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

    /** {@return this actor's reference, the same one others send to} */
    ActorRef<M> self();

    /** {@return this actor's name, unique among the live actors of its system} */
    default String name() {
        return self().name();
    }

    /**
     * Suspends this generator actor until the next message arrives and returns it: the seed's
     * {@code msg = yield}. Local variables live across the wait.
     *
     * @return the next message (a message kept back by a selective receive first); never null
     * @throws IllegalStateException when called by a handler actor, which has no continuation
     */
    M receive();

    /**
     * Selective receive: waits for the first message that is an instance of {@code type}. Messages
     * of other types are kept, in order, for later receives (Erlang-style).
     *
     * @param <T> the type waited for
     * @param type the class the message must be an instance of; must not be null
     * @return the first message of that type, oldest first
     * @throws IllegalStateException when called by a handler actor
     */
    <T extends M> T receive(Class<T> type);

    /**
     * Selective receive: waits for the first message {@code matcher} accepts. Skipped messages are
     * kept, in order, for later receives.
     *
     * @param matcher tests each message, oldest first, on this actor's thread; must not be null
     * @return the first message {@code matcher} accepts
     * @throws IllegalStateException when called by a handler actor
     */
    M receive(Predicate<? super M> matcher);

    /**
     * Waits for the next message for at most {@code timeout}; empty if none came. Timers follow the
     * system's clock (a test clock in tests).
     *
     * @param timeout the longest wait; must not be null
     * @return the next message, or empty if none came within {@code timeout}
     * @throws IllegalStateException when called by a handler actor
     */
    Optional<M> receive(Duration timeout);

    /**
     * Selective receive with a timeout: waits at most {@code timeout} for the first message that is
     * an instance of {@code type}; empty if none came. Skipped messages are kept, in order.
     *
     * @param <T> the type waited for
     * @param type the class the message must be an instance of; must not be null
     * @param timeout the longest wait; must not be null
     * @return the first message of that type, or empty if none came within {@code timeout}
     * @throws IllegalStateException when called by a handler actor
     */
    default <T extends M> Optional<T> receive(Class<T> type, Duration timeout) {
        throw new UnsupportedOperationException("receive(Class, Duration) is not supported by " + getClass().getName());
    }

    /**
     * Selective receive with a timeout: waits at most {@code timeout} for the first message
     * {@code matcher} accepts; empty if none came. Skipped messages are kept, in order.
     *
     * @param matcher tests each message, oldest first, on this actor's thread; must not be null
     * @param timeout the longest wait; must not be null
     * @return the first message {@code matcher} accepts, or empty if none came within {@code timeout}
     * @throws IllegalStateException when called by a handler actor
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
     * @param <T> the stage's value type
     * @param stage what to wait for; must not be null
     * @return the value {@code stage} completed with (null if it completed with null)
     * @throws Exception the failure {@code stage} completed with, unwrapped
     * @throws IllegalStateException when called by a handler actor
     */
    <T> T await(CompletionStage<T> stage) throws Exception;

    /**
     * Suspends this generator actor for {@code delay} (by the system's clock); messages wait.
     *
     * @param delay how long to sleep; must not be null
     * @throws IllegalStateException when called by a handler actor
     */
    void sleep(Duration delay);

    /**
     * Sends {@code message} to {@code target} after {@code delay}, with this actor as the sender,
     * unless cancelled first. If {@code target} has ended by then, or the system shuts down first,
     * the message is a dead letter.
     *
     * @param <T> the type of messages {@code target} accepts
     * @param delay how long to wait, by the system's clock; must not be null
     * @param target the recipient; must not be null
     * @param message the message; must not be null
     * @return a handle that calls the send off
     */
    <T> Cancellable sendAfter(Duration delay, ActorRef<T> target, T message);

    /**
     * The actor that sent the message being handled (the last one received). When it came from
     * outside any actor this is a reference named {@code "outside"} that is never alive: a reply to
     * it is a dead letter, not an exception.
     *
     * @return the sender of the message in hand; never null
     */
    ActorRef<Object> sender();

    /**
     * Watches {@code actor}: when it ends for good, this actor receives one {@link Terminated}
     * message naming it and how it ended, also if it had already ended. Its name is free by then.
     * A supervised actor that is restarted has not ended. Watching twice is the same as once.
     *
     * @throws IllegalStateException this actor's message type does not accept {@link Terminated}:
     *     use {@link #watchWith}
     * @param actor the actor to watch
     * @throws IllegalArgumentException {@code actor} is not an actor of this system, or is this actor
     */
    default void watch(ActorRef<?> actor) {
        throw new UnsupportedOperationException("watch is not supported by " + getClass().getName());
    }

    /**
     * Watches {@code actor} as {@link #watch} does, but receives {@code message} instead of
     * {@link Terminated} when it ends (Akka's {@code watchWith}): for actors with a message type.
     *
     * @param actor the actor to watch
     * @param message what this actor receives when {@code actor} ends; must not be null
     * @throws IllegalArgumentException {@code actor} is not an actor of this system, or is this actor
     */
    default void watchWith(ActorRef<?> actor, M message) {
        throw new UnsupportedOperationException("watchWith is not supported by " + getClass().getName());
    }

    /**
     * Stops watching {@code actor}. A {@link Terminated} already sent (the actor ended before this
     * call) may still arrive. Unwatching an actor not watched does nothing.
     *
     * @param actor the actor to stop watching
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
     * @param actor the actor to link to
     * @throws IllegalArgumentException {@code actor} is not an actor of this system, or is this actor
     */
    default void link(ActorRef<?> actor) {
        throw new UnsupportedOperationException("link is not supported by " + getClass().getName());
    }

    /**
     * Removes the link with {@code actor}, both ways.
     *
     * @param actor the linked actor
     */
    default void unlink(ActorRef<?> actor) {
        throw new UnsupportedOperationException("unlink is not supported by " + getClass().getName());
    }

    /**
     * Whether a linked actor's end reaches this actor as an {@link Exit} message (true) or, when it
     * failed, fails this actor too (false, the default). Erlang's {@code trap_exit}.
     *
     * @param trap true to receive {@link Exit} messages, false to fail with a linked actor
     * @throws IllegalStateException this actor's message type does not accept {@link Exit}
     */
    default void trapExits(boolean trap) {
        throw new UnsupportedOperationException("trapExits is not supported by " + getClass().getName());
    }

    /**
     * Sends {@code message} to the actor named {@code name}, with this actor as the sender; an
     * unknown name is a dead letter.
     *
     * @param name the recipient's name; must not be null
     * @param message the message; must not be null
     * @throws MailboxFullException the recipient's bounded mailbox is full and its
     *     {@linkplain ActorOptions.Overflow overflow rule} fails the send
     */
    void send(String name, Object message);

    /**
     * Sends {@code message} to {@code target}, with this actor as the sender.
     *
     * @param <T> the type of messages {@code target} accepts
     * @param target the recipient; must not be null
     * @param message the message; must not be null
     * @throws MailboxFullException the recipient's bounded mailbox is full and its
     *     {@linkplain ActorOptions.Overflow overflow rule} fails the send
     */
    <T> void send(ActorRef<T> target, T message);

    /**
     * An executor that runs commands on this actor's host thread (the scheduler thread, or the
     * actor's own thread), as this actor, after what is already queued there. Start a task with it
     * ({@code Task.start(ctx.executor(), body)}) and every step of the task runs where the actor
     * runs, never on the thread that completed a future. Any thread may use it.
     *
     * @return an executor onto this actor's host thread
     */
    java.util.concurrent.Executor executor();

    /** {@return the system this actor lives in, to spawn or look up other actors} */
    ActorSystem system();

    /**
     * A logger for this actor's code (named after its class), with this actor's name and the number
     * of the message in hand in the SLF4J MDC ({@code actor}, {@code msgSeq}) from now until the
     * actor stops handling this message. Asking for it is what puts them there: a message that logs
     * nothing costs nothing for logging.
     *
     * @return the SLF4J logger named after this actor's class
     */
    org.slf4j.Logger log();
}
