package dev.frontier.scheduler;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import dev.frontier.core.StopIteration;
import dev.frontier.core.Yielder;
import dev.frontier.actor.Cancellable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor at run time, the same in every execution mode: its generator (or handler), the
 * messages its selective receive skipped, the sender of the message in hand, and its lifecycle.
 * The modes differ only in which thread calls {@link #start}, {@link #deliver} and {@link #stop}.
 *
 * <p>Must only be called from the actor's host thread (the scheduler thread, or the actor's own
 * thread), except {@link #send}, {@link #isAlive}, {@link #name} and {@link #termination}.
 *
 * <p>A generator actor's generator yields {@link #RECEIVE} when its body waits for a message.
 */
final class ActorCell<M> implements ActorRef<M>, ActorContext<M>, GeneratorFunction<Object, Object, Void> {

    /** What a generator actor yields when it waits in {@code receive}. */
    static final Object RECEIVE = new Object() {
        @Override
        public String toString() {
            return "receive";
        }
    };

    /** What a generator actor's {@code receive(timeout)} is resumed with when the time is up. */
    static final Object TIMED_OUT = new Object() {
        @Override
        public String toString() {
            return "receive timed out";
        }
    };

    /** What a generator actor yields when it waits in {@code await}. */
    record Awaiting(CompletionStage<?> stage) {
    }

    final String name;
    final AbstractActorSystem system;
    /** Null for a generator actor. */
    private final MessageHandler<M> handler;
    /** Null for a handler actor. */
    private final GeneratorActor<M> body;
    private final Generator<Object, Object, Void> generator;
    private Yielder<Object, Object> yielder;
    /** A message kept for a later receive, with its sender (null: from outside any actor). */
    record Kept(ActorCell<?> sender, Object message) {
    }

    /** Messages skipped by a selective receive, or that arrived while the body was not receiving. */
    private ArrayDeque<Kept> stash;
    private ActorCell<?> sender;
    private boolean waitingForMessage;
    /** Counts receives, so a timeout set for an earlier receive cannot end a later one. */
    private int receiveEpoch;
    /** Counts awaits, so a completion is only taken by the await that registered it. */
    int awaitEpoch;
    /** Delivery count: the message sequence number in the MDC and the tracer. */
    long sequence;
    private Logger traceLogger;
    /** Made on first request: most actors are never asked, and a million idle actors add up. */
    private CompletableFuture<Void> termination;
    /** What ended the actor, once it has ended with a failure. Guarded by {@code this}. */
    private Throwable failure;
    private volatile boolean alive = true;
    /** The host is done with the ended actor. Guarded by {@code this}. */
    private boolean finished;
    /** Per-mode data: the thread-per-actor mode keeps the actor's mailbox and thread here. */
    Object host;

    private ActorCell(AbstractActorSystem system, String name, MessageHandler<M> handler, GeneratorActor<M> body) {
        this.system = system;
        this.name = name;
        this.handler = handler;
        this.body = body;
        this.generator = body == null ? null : Generator.of(this);
    }

    /**
     * The generator actor's generator body: the user's body, given this cell as its context. The
     * cell is its own generator function, so no extra object per actor (a million idle actors
     * add up; see docs/benchmarks.md).
     */
    @Override
    public Void apply(Yielder<Object, Object> y) throws Exception {
        yielder = y;
        body.run(this);
        return null;
    }

    static <M> ActorCell<M> generator(AbstractActorSystem system, String name, GeneratorActor<M> body) {
        return new ActorCell<>(system, name, null, Objects.requireNonNull(body, "body"));
    }

    static <M> ActorCell<M> handler(AbstractActorSystem system, String name, MessageHandler<M> handler) {
        return new ActorCell<>(system, name, Objects.requireNonNull(handler, "handler"), null);
    }

    // ------------------------------------------------------------------ host side

    /**
     * Runs a generator actor's body to its first receive. Returns {@code false} if the body has
     * already returned. Must only be called from the actor's host thread.
     */
    boolean start() throws Exception {
        if (generator == null || generator.state() != Generator.State.CREATED) {
            return true;
        }
        try {
            afterYield(generator.next());
            return true;
        } catch (StopIteration end) {
            return false;
        }
    }

    /**
     * Hands one message to the actor. Returns {@code false} if the actor's body returned (the
     * actor has ended); throws whatever escaped the actor. Must only be called from the actor's
     * host thread.
     */
    @SuppressWarnings("unchecked")
    boolean deliver(ActorCell<?> from, Object message) throws Exception {
        if (handler != null) {
            sender = from;
            handler.handle(this, (M) message);
            return true;
        }
        if (generator.state() == Generator.State.CREATED && !start()) {
            return false;
        }
        if (!waitingForMessage) {
            keep(from, message);
            return true;
        }
        sender = from;
        waitingForMessage = false;
        try {
            afterYield(generator.send(message));
            return true;
        } catch (StopIteration end) {
            return false;
        }
    }

    private void afterYield(Object yielded) {
        if (yielded == RECEIVE) {
            waitingForMessage = true;
        } else if (yielded instanceof Awaiting a) {
            system.awaitOnHost(this, a.stage(), ++awaitEpoch);
        } else {
            throw new IllegalStateException("actor '" + name + "' yielded " + yielded
                    + "; an actor body waits only through receive() and await()");
        }
    }

    /**
     * Resumes a body suspended in {@code await} with the stage's outcome. Returns {@code false}
     * if the body then returned. Must only be called from the actor's host thread.
     */
    boolean resumeAwait(Object value, Throwable failure) {
        try {
            afterYield(failure == null ? generator.send(value) : generator.throwIn(failure));
            return true;
        } catch (StopIteration end) {
            return false;
        }
    }

    /** Whether the body is suspended in the receive numbered {@code epoch}. */
    boolean isWaitingInReceive(int epoch) {
        return waitingForMessage && receiveEpoch == epoch && alive;
    }

    /** Whether the body is suspended in the await numbered {@code epoch}. */
    boolean isWaitingInAwait(int epoch) {
        return !waitingForMessage && awaitEpoch == epoch && alive
                && generator != null && generator.state() == Generator.State.SUSPENDED;
    }

    /** Whether the actor's generator is running right now (on some thread's stack). */
    boolean isExecuting() {
        return generator != null && generator.state() == Generator.State.RUNNING;
    }

    /**
     * Closes the actor's generator so its {@code finally} blocks run. Throws what the body threw
     * while closing. Must only be called from the actor's host thread.
     */
    void stop() {
        if (generator != null) {
            generator.close();
        }
    }

    /** Marks the actor ended and completes its termination future. Idempotent. */
    synchronized void ended(Throwable cause) {
        alive = false;
        failure = cause;
    }

    /**
     * Completes the termination future, once the host is done with the actor (its leftover
     * messages already dead letters). Idempotent.
     */
    synchronized void finished() {
        finished = true;
        if (termination != null) {
            complete(termination);
        }
    }

    private void complete(CompletableFuture<Void> f) {
        if (failure == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(failure);
        }
    }

    /** Messages kept for a later receive that will now never come, oldest first. */
    ArrayDeque<Kept> takeStash() {
        ArrayDeque<Kept> s = stash;
        stash = null;
        return s;
    }

    Logger traceLogger() {
        Logger l = traceLogger;
        if (l == null) {
            l = traceLogger = LoggerFactory.getLogger("dev.frontier.trace." + name);
        }
        return l;
    }

    private void keep(ActorCell<?> from, Object message) {
        if (stash == null) {
            stash = new ArrayDeque<>();
        }
        stash.addLast(new Kept(from, message));
    }

    // ------------------------------------------------------------------ ActorContext

    @Override
    @SuppressWarnings("unchecked")
    public M receive() {
        Yielder<Object, Object> y = yielder("receive()");
        receiveEpoch++;
        Kept k = takeKept(null);
        return k != null ? (M) k.message() : (M) y.yield(RECEIVE);
    }

    /**
     * Takes the oldest kept message {@code matcher} accepts (any, for null) and makes its sender
     * the current one; null if there is none.
     */
    @SuppressWarnings("unchecked")
    private Kept takeKept(Predicate<? super M> matcher) {
        if (stash == null) {
            return null;
        }
        for (Iterator<Kept> it = stash.iterator(); it.hasNext(); ) {
            Kept k = it.next();
            if (matcher == null || matcher.test((M) k.message())) {
                it.remove();
                sender = k.sender();
                return k;
            }
        }
        return null;
    }

    @Override
    public <T extends M> T receive(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.cast(receive((Predicate<? super M>) type::isInstance));
    }

    private Yielder<Object, Object> yielder(String operation) {
        Yielder<Object, Object> y = yielder;
        if (y == null) {
            throw new IllegalStateException("actor '" + name + "' is a handler actor; " + operation
                    + " is only for generator actors");
        }
        return y;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<M> receive(Duration timeout) {
        Yielder<Object, Object> y = yielder("receive(timeout)");
        Kept k = takeKept(null);
        if (k != null) {
            return Optional.of((M) k.message());
        }
        int epoch = ++receiveEpoch;
        Cancellable timer = system.schedule(timeout, () -> system.receiveTimedOut(this, epoch));
        Object m = y.yield(RECEIVE);
        if (m == TIMED_OUT) {
            return Optional.empty();
        }
        timer.cancel();
        return Optional.of((M) m);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T await(CompletionStage<T> stage) throws Exception {
        Objects.requireNonNull(stage, "stage");
        Yielder<Object, Object> y = yielder("await()");
        if (stage instanceof java.util.concurrent.Future<?> f && f.isDone()) {
            return (T) doneValue(f);
        }
        return (T) y.yield(new Awaiting(stage));
    }

    private static Object doneValue(java.util.concurrent.Future<?> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** The failure a waiting body sees: the original cause, not its completion wrapper. */
    static Exception unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return (Exception) cause;
    }

    @Override
    public void sleep(Duration delay) {
        yielder("sleep()");
        try {
            await(system.sleep(delay));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public <T> Cancellable sendAfter(Duration delay, ActorRef<T> target, T message) {
        return system.schedule(delay, () -> send(target, message));
    }

    @Override
    @SuppressWarnings("unchecked")
    public M receive(Predicate<? super M> matcher) {
        Yielder<Object, Object> y = yielder("receive()");
        receiveEpoch++;
        Kept k = takeKept(matcher);
        if (k != null) {
            return (M) k.message();
        }
        for (;;) {
            M m = (M) y.yield(RECEIVE);
            if (matcher == null || matcher.test(m)) {
                return m;
            }
            keep(sender, m);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public ActorRef<Object> sender() {
        return (ActorRef<Object>) sender;
    }

    @Override
    public void send(String target, Object message) {
        system.sendFrom(this, target, message);
    }

    @Override
    public <T> void send(ActorRef<T> target, T message) {
        if (target instanceof ActorCell<?> cell && cell.system == system) {
            system.post(cell, this, message);
        } else {
            target.send(message);
        }
    }

    @Override
    public ActorSystem system() {
        return system;
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return command -> system.runOnHost(this, command);
    }

    @Override
    public ActorRef<M> self() {
        return this;
    }

    // ------------------------------------------------------------------ ActorRef

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(M message) {
        system.post(this, system.currentActor(), message);
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public synchronized CompletableFuture<Void> termination() {
        if (termination == null) {
            termination = new CompletableFuture<>();
            if (finished) {
                complete(termination);
            }
        }
        return termination;
    }

    @Override
    public String toString() {
        return "actor '" + name + "'";
    }
}
