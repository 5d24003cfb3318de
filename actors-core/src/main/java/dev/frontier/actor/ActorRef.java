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

    /** {@return the actor's name, unique among the live actors of its system} */
    String name();

    /**
     * Sends {@code message} to this actor. The sender is the actor running on the calling thread,
     * if any. Messages from one sender to one receiver arrive in the order sent.
     *
     * @param message the message; must not be null
     * @throws MailboxFullException the actor's bounded mailbox is full and its
     *     {@linkplain ActorOptions.Overflow overflow rule} fails the send
     */
    void send(M message);

    /**
     * Messages waiting for the actor to take them (a snapshot). For a bounded mailbox it counts
     * every message sent and not yet taken; otherwise messages still on their way from another
     * thread may not be counted yet.
     *
     * @return the number of messages waiting, 0 if none (or if this reference cannot tell)
     */
    default int mailboxSize() {
        return 0;
    }

    /**
     * Typed request/reply (Akka typed's {@code ask}): builds the request from a reply-to reference
     * and sends it; the first message sent to that reference completes the returned future. javac
     * checks that the request carries a reference of the reply's type:
     * <pre>{@code
     * record GetBalance(ActorRef<Balance> replyTo) implements AccountMsg {}
     * CompletableFuture<Balance> b = account.ask(GetBalance::new, Duration.ofSeconds(1));
     * }</pre>
     * Without a reply within {@code timeout} the future fails with {@link AskTimeoutException}; a
     * reply after that is a dead letter. An actor that has ended fails the future at once.
     *
     * @param <R> the reply's type
     * @param request makes the request from the reply-to reference; called once, on the calling thread
     * @param timeout how long to wait for the reply, by the system's clock; must not be null
     * @return a future completed by the first reply, or failed ({@link AskTimeoutException}, or the
     *     actor has ended, or the system shut down)
     */
    default <R> java.util.concurrent.CompletableFuture<R> ask(java.util.function.Function<ActorRef<R>, ? extends M> request,
                                                           java.time.Duration timeout) {
        throw new UnsupportedOperationException(this + " cannot be asked");
    }

    /** {@return whether the actor is still running (a snapshot, stale as soon as it is returned)} */
    boolean isAlive();

    /**
     * Completes when the actor ends: normally (its body returned, or it was stopped) or
     * exceptionally with the failure that ended it.
     *
     * @return a future that completes when the actor has ended; already complete if it has
     */
    java.util.concurrent.CompletableFuture<Void> termination();
}
