package dev.frontier.testkit;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.DeadLetters;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor run synchronously, on the test's thread, with everything it does recorded as an
 * {@link Effect} instead of done (Akka's {@code BehaviorTestKit}): feed it a message with
 * {@link #run}, and it has handled it when {@code run} returns; then look at what it sent, spawned,
 * stopped or scheduled, and whether it is still alive. Nothing else runs: no scheduler, no other
 * actors (spawned children are recorded, not started), virtual time that moves only with
 * {@link #advance}.
 *
 * <pre>{@code
 * BehaviorTestKit<Object> kit = BehaviorTestKit.create("counter", counterBody);
 * kit.run(new Increment(), "client");
 * kit.run(new Get(), "client");
 * assertEquals(new Effect.Sent("client", 1), kit.retrieveEffect());
 * }</pre>
 *
 * <p>A generator body runs as a real generator, so {@code receive}, selective receive (other messages
 * wait, in order, for a later receive), {@code receive(timeout)}, {@code sleep} and {@code await}
 * behave as in a system: a timeout or sleep ends when {@link #advance} passes it; an awaited future
 * the test completes resumes the body at the next kit call ({@link #runPending()}). A handler is
 * called once per message. What the actor throws is rethrown from the kit call that ran it, and the
 * actor has ended ({@link #failure()}).
 *
 * <p><b>Note:</b> this class is not threadsafe; use it from one thread.
 *
 * @param <M> the type of messages the actor accepts
 */
public final class BehaviorTestKit<M> {

    private static final Object TIMED_OUT = new Object();

    /** A message waiting for the actor, and who sent it. */
    private record Envelope(ActorRef<Object> sender, Object message) {
    }

    private record TimerEntry(long deadline, long seq, Runnable action) {
    }

    private final String name;
    private final Object behaviour;
    private final MessageHandler<M> handler;
    private final Generator<Object, Object, Void> generator;
    private final Context context = new Context();
    private final StubSystem system = new StubSystem();
    private final Ref<M> self;
    private final List<Effect> effects = new ArrayList<>();
    private final Map<String, List<Object>> inboxes = new LinkedHashMap<>();
    private final ArrayDeque<Envelope> pending = new ArrayDeque<>();
    private final ArrayDeque<Runnable> resumptions = new ArrayDeque<>();
    private final List<TimerEntry> timers = new ArrayList<>();
    private final Map<String, Ref<Object>> refs = new LinkedHashMap<>();
    /** The sender of a message from outside any actor (never alive: a reply to it is recorded, and goes nowhere). */
    private final Ref<Object> outside = new Ref<>("outside");
    private dev.frontier.core.Yielder<Object, Object> yielder;
    private long now;
    private long timerSeq;
    /** What the body waits for while suspended: a receive (with its matcher), or a resumption. */
    private boolean receiving;
    private Predicate<Object> matcher;
    private int epoch;
    private ActorRef<Object> sender;
    private boolean alive = true;
    private boolean stopRequested;
    private Throwable failure;
    private boolean running;

    private BehaviorTestKit(String name, Object behaviour, MessageHandler<M> handler, GeneratorActor<M> body) {
        this.name = Objects.requireNonNull(name, "name");
        this.behaviour = behaviour;
        this.handler = handler;
        this.self = new Ref<>(name);
        this.generator = body == null ? null : Generator.of(y -> {
            yielder = y;
            body.run(context);
            return null;
        });
    }

    /**
     * {@return a kit running the generator actor {@code body} under {@code name}; the body runs to
     * its first wait now}
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name (what {@code ctx.name()} returns); must not be null
     * @param body the actor's code; must not be null
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    public static <M> BehaviorTestKit<M> create(String name, GeneratorActor<M> body) {
        BehaviorTestKit<M> kit = new BehaviorTestKit<>(name, Objects.requireNonNull(body, "body"), null, body);
        kit.step(() -> kit.generator.next());
        return kit;
    }

    /**
     * {@return a kit running the handler actor {@code handler} under {@code name}}
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name (what {@code ctx.name()} returns); must not be null
     * @param handler called once per message run; must not be null
     */
    public static <M> BehaviorTestKit<M> createHandler(String name, MessageHandler<M> handler) {
        return new BehaviorTestKit<>(name, Objects.requireNonNull(handler, "handler"), handler, null);
    }

    // ------------------------------------------------------------------ driving it

    /**
     * Hands the actor {@code message} from outside any actor; returns when it has handled it (or,
     * for a generator body waiting for another message, kept it for later).
     *
     * @param message the message; must not be null
     * @return this kit
     * @throws IllegalStateException the actor has ended
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    public BehaviorTestKit<M> run(M message) {
        return deliver(outside, message);
    }

    /**
     * Hands the actor {@code message} from an actor named {@code sender} (what it sends to
     * {@code ctx.sender()} is recorded as sent to that name).
     *
     * @param message the message; must not be null
     * @param sender the sending actor's name; must not be null
     * @return this kit
     * @throws IllegalStateException the actor has ended
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    public BehaviorTestKit<M> run(M message, String sender) {
        return deliver(ref(Objects.requireNonNull(sender, "sender")), message);
    }

    /**
     * Delivers the oldest message the actor sent to itself (its self inbox).
     *
     * @return this kit
     * @throws AssertionError the actor has sent itself nothing not yet run
     * @throws IllegalStateException the actor has ended
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    @SuppressWarnings("unchecked")
    public BehaviorTestKit<M> runSelfMessage() {
        List<Object> mine = inbox(name);
        if (mine.isEmpty()) {
            throw new AssertionError("actor '" + name + "' has sent itself nothing to run");
        }
        return deliver(self.asObject(), (M) inboxes.get(name).remove(0));
    }

    /**
     * Runs what is waiting: resumptions after awaited futures completed, commands on its executor.
     *
     * @return this kit
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    public BehaviorTestKit<M> runPending() {
        for (Runnable r; (r = resumptions.pollFirst()) != null; ) {
            r.run();
        }
        return this;
    }

    /**
     * Moves virtual time forward by {@code d}: timers fire at their deadlines, in order (a delayed
     * send becomes a {@link Effect.Sent}; a sleep or a receive timeout resumes the body).
     *
     * @param d how far to move, zero or positive; must not be null
     * @return this kit
     * @throws IllegalArgumentException {@code d} is negative
     * @throws RuntimeException what the actor threw, as thrown (a checked exception wrapped in an
     *     {@code IllegalStateException}); the actor has then ended
     */
    public BehaviorTestKit<M> advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + d);
        }
        long until = now + d.toNanos();
        runPending();
        while (true) {
            TimerEntry next = null;
            for (TimerEntry t : timers) {
                if (t.deadline() <= until && (next == null || t.deadline() < next.deadline()
                        || t.deadline() == next.deadline() && t.seq() < next.seq())) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            timers.remove(next);
            now = Math.max(now, next.deadline());
            next.action().run();
            runPending();
        }
        now = until;
        return this;
    }

    /** {@return the virtual time passed since the kit was made} */
    public Duration now() {
        return Duration.ofNanos(now);
    }

    private BehaviorTestKit<M> deliver(ActorRef<Object> from, Object message) {
        Objects.requireNonNull(message, "message");
        runPending();
        if (!alive) {
            throw new IllegalStateException("actor '" + name + "' has ended" + (failure == null ? "" : " (" + failure + ")")
                    + "; it cannot take " + message);
        }
        if (handler != null) {
            step(() -> {
                sender = from;
                @SuppressWarnings("unchecked")
                M m = (M) message;
                try {
                    handler.handle(context, m);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        } else {
            pending.addLast(new Envelope(from, message));
            if (receiving && (matcher == null || matcher.test(message))) {
                pending.removeLast();
                sender = from;
                resume(message);
            }
        }
        return this;
    }

    private void resume(Object value) {
        receiving = false;
        step(() -> generator.send(value));
    }

    /** Runs some of the actor's code; notes how it ended, if it did; rethrows what it threw. */
    private void step(Runnable code) {
        running = true;
        try {
            code.run();
        } catch (StopIteration end) {
            alive = false;
        } catch (Throwable e) {
            alive = false;
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            failure = cause;
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("actor '" + name + "' failed: " + cause, cause);
        } finally {
            running = false;
        }
        if (stopRequested && alive) {
            alive = false;
            if (generator != null) {
                generator.close();
            }
        }
    }

    // ------------------------------------------------------------------ what it did

    /** {@return every effect not yet retrieved, oldest first; they count as retrieved from now on} */
    public List<Effect> retrieveAllEffects() {
        List<Effect> out = List.copyOf(effects);
        effects.clear();
        return out;
    }

    /**
     * {@return the oldest effect not yet retrieved, which counts as retrieved from now on}
     *
     * @throws AssertionError no effect is left to retrieve
     */
    public Effect retrieveEffect() {
        if (effects.isEmpty()) {
            throw new AssertionError("actor '" + name + "' has no effect left to retrieve");
        }
        return effects.remove(0);
    }

    /**
     * Retrieves the oldest effect and checks it equals {@code expected}.
     *
     * @param expected the effect expected, compared with {@code equals}
     * @throws AssertionError no effect was left, or it was another one (retrieved all the same)
     */
    public void expectEffect(Effect expected) {
        List<Effect> before = List.copyOf(effects);
        Effect e = effects.isEmpty() ? null : effects.remove(0);
        if (!expected.equals(e)) {
            throw new AssertionError("actor '" + name + "': expected effect " + expected + ", got " + (e == null
                    ? "none" : e) + "; effects not yet retrieved: " + before);
        }
    }

    /**
     * {@return the oldest effect, retrieved, after checking it is a {@code type}}
     *
     * @param <E> the type of effect expected
     * @param type its class, such as {@code Effect.Sent.class}
     * @throws AssertionError no effect was left, or it was of another type (retrieved all the same)
     */
    public <E extends Effect> E expectEffectType(Class<E> type) {
        List<Effect> before = List.copyOf(effects);
        Effect e = effects.isEmpty() ? null : effects.remove(0);
        if (!type.isInstance(e)) {
            throw new AssertionError("actor '" + name + "': expected a " + type.getSimpleName() + " effect, got "
                    + (e == null ? "none" : e) + "; effects not yet retrieved: " + before);
        }
        return type.cast(e);
    }

    /** {@return whether any effect is left to retrieve} */
    public boolean hasEffects() {
        return !effects.isEmpty();
    }

    /**
     * {@return every message the actor sent to {@code actor}, oldest first (kept when effects are
     * retrieved)} This is the kit's own list, not a copy; for the actor's own name it holds only the
     * messages not yet run by {@link #runSelfMessage()}.
     *
     * @param actor a recipient's name
     */
    public List<Object> inbox(String actor) {
        return inboxes.computeIfAbsent(actor, k -> new ArrayList<>());
    }

    /** {@return a copy of the messages the actor sent itself, not yet run ({@link #runSelfMessage()}), oldest first} */
    public List<Object> selfInbox() {
        return List.copyOf(inbox(name));
    }

    /** {@return whether the actor is still running: its body has not returned, failed or been stopped} */
    public boolean isAlive() {
        return alive;
    }

    /** {@return what the actor failed with, or null if it has not failed} */
    public Throwable failure() {
        return failure;
    }

    /** {@return the actor's reference (what its {@code ctx.self()} is)} */
    public ActorRef<M> self() {
        return self;
    }

    /**
     * {@return the messages the actor has not taken yet, oldest first (a selective receive skipped
     * them, or it is waiting elsewhere)}
     */
    public List<Object> unhandled() {
        return pending.stream().map(Envelope::message).toList();
    }

    // ------------------------------------------------------------------ recording

    private void sent(String to, Object message) {
        Objects.requireNonNull(message, "a message to '" + to + "' must not be null");
        effects.add(new Effect.Sent(to, message));
        inbox(to).add(message);
    }

    private Ref<Object> ref(String n) {
        Ref<Object> r = refs.get(n);
        if (r == null) {
            r = new Ref<>(n);
            refs.put(n, r);
        }
        return r;
    }

    private void addTimer(Duration delay, Runnable action) {
        timers.add(new TimerEntry(now + Math.max(0, delay.toNanos()), timerSeq++, action));
    }

    private void checkRunning(String operation) {
        if (!running) {
            throw new IllegalStateException("actor '" + name + "': " + operation + " must only be called from the actor's "
                    + "own code while it runs");
        }
    }

    /** {@link #checkRunning}, for an operation that suspends: only a generator actor can. */
    private void checkGeneratorRunning(String operation) {
        checkRunning(operation);
        if (generator == null) {
            throw new IllegalStateException("actor '" + name + "' is a handler actor; " + operation
                    + " is only for generator actors");
        }
    }

    /** A reference the kit hands out: sending to it records the send. */
    private final class Ref<T> implements ActorRef<T> {
        private final String refName;
        private final CompletableFuture<Void> termination = new CompletableFuture<>();

        Ref(String refName) {
            this.refName = refName;
        }

        @SuppressWarnings("unchecked")
        Ref<Object> asObject() {
            return (Ref<Object>) this;
        }

        @Override
        public String name() {
            return refName;
        }

        @Override
        public void send(T message) {
            sent(refName, message);
        }

        @Override
        public boolean isAlive() {
            return this == outside ? false : refName.equals(name) ? alive : true;
        }

        @Override
        public CompletableFuture<Void> termination() {
            return termination;
        }

        @Override
        public String toString() {
            return "stub '" + refName + "'";
        }
    }

    /** The actor's context: receives from the kit, records everything else. */
    private final class Context implements ActorContext<M> {

        @Override
        public ActorRef<M> self() {
            return self;
        }

        @Override
        @SuppressWarnings("unchecked")
        public M receive() {
            return (M) take(null, "receive()");
        }

        @Override
        public <T extends M> T receive(Class<T> type) {
            Objects.requireNonNull(type, "type");
            return type.cast(take(type::isInstance, "receive(Class)"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public M receive(Predicate<? super M> m) {
            Objects.requireNonNull(m, "matcher");
            return (M) take((Predicate<Object>) m, "receive(Predicate)");
        }

        private Object take(Predicate<Object> accepts, String operation) {
            checkGeneratorRunning(operation);
            Envelope kept = takePending(accepts);
            if (kept != null) {
                return kept.message();
            }
            receiving = true;
            matcher = accepts;
            epoch++;
            return yielder.yield(null);
        }

        /** Removes and returns the oldest pending message {@code accepts} (null: any) allows, its sender now in hand; null if none. */
        private Envelope takePending(Predicate<Object> accepts) {
            for (Iterator<Envelope> it = pending.iterator(); it.hasNext(); ) {
                Envelope e = it.next();
                if (accepts == null || accepts.test(e.message())) {
                    it.remove();
                    sender = e.sender();
                    return e;
                }
            }
            return null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<M> receive(Duration timeout) {
            return timedTake(null, timeout, "receive(Duration)").map(x -> (M) x);
        }

        private Optional<Object> timedTake(Predicate<Object> accepts, Duration timeout, String operation) {
            Objects.requireNonNull(timeout, "timeout");
            checkGeneratorRunning(operation);
            Envelope kept = takePending(accepts);
            if (kept != null) {
                return Optional.of(kept.message());
            }
            int e = ++epoch;
            effects.add(new Effect.TimerStarted(timeout, "receive timeout"));
            addTimer(timeout, () -> {
                if (alive && receiving && epoch == e) {
                    resume(TIMED_OUT);
                }
            });
            receiving = true;
            matcher = accepts;
            Object m = yielder.yield(null);
            return m == TIMED_OUT ? Optional.empty() : Optional.of(m);
        }

        @Override
        public <T extends M> Optional<T> receive(Class<T> type, Duration timeout) {
            Objects.requireNonNull(type, "type");
            return timedTake(type::isInstance, timeout, "receive(Class, Duration)").map(type::cast);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<M> receive(Predicate<? super M> m, Duration timeout) {
            Objects.requireNonNull(m, "matcher");
            return timedTake((Predicate<Object>) m, timeout, "receive(Predicate, Duration)").map(x -> (M) x);
        }

        @Override
        public void watch(ActorRef<?> actor) {
            effects.add(new Effect.Watched(actor.name()));
        }

        @Override
        public void watchWith(ActorRef<?> actor, M message) {
            effects.add(new Effect.Watched(actor.name()));
        }

        @Override
        public void unwatch(ActorRef<?> actor) {
            effects.add(new Effect.Unwatched(actor.name()));
        }

        @Override
        public void link(ActorRef<?> actor) {
            effects.add(new Effect.Linked(actor.name()));
        }

        @Override
        public void unlink(ActorRef<?> actor) {
            effects.add(new Effect.Unlinked(actor.name()));
        }

        @Override
        public void trapExits(boolean trap) {
            effects.add(new Effect.TrappedExits(trap));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T await(CompletionStage<T> stage) throws Exception {
            checkGeneratorRunning("await()");
            CompletableFuture<T> f = stage.toCompletableFuture();
            if (!f.isDone()) {
                f.whenComplete((v, t) -> resumptions.addLast(() -> {
                    if (alive) {
                        step(() -> generator.send(f));
                    }
                }));
                yielder.yield(null);
            }
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) c;
            }
        }

        @Override
        public void sleep(Duration delay) {
            checkGeneratorRunning("sleep()");
            effects.add(new Effect.TimerStarted(delay, "sleep"));
            addTimer(delay, () -> {
                if (alive) {
                    step(() -> generator.send(Boolean.TRUE));
                }
            });
            yielder.yield(null);
        }

        @Override
        public <T> Cancellable sendAfter(Duration delay, ActorRef<T> target, T message) {
            return system.sendAfter(delay, target.name(), message);
        }

        @Override
        public ActorRef<Object> sender() {
            checkRunning("sender()");
            return sender;
        }

        @Override
        public void send(String target, Object message) {
            sent(target, message);
        }

        @Override
        public <T> void send(ActorRef<T> target, T message) {
            Objects.requireNonNull(target, "target");
            sent(target.name(), message);
        }

        @Override
        public Executor executor() {
            return command -> resumptions.addLast(() -> {
                if (alive) {
                    step(command);
                }
            });
        }

        @Override
        public ActorSystem system() {
            return system;
        }

        @Override
        public Logger log() {
            return LoggerFactory.getLogger(behaviour.getClass());
        }
    }

    /** The system the actor sees: spawning, stopping, timers and asks are recorded, not done. */
    private final class StubSystem implements ActorSystem {
        private final DeadLetters deadLetters = new DeadLetters() {
            @Override
            public long count() {
                return 0;
            }

            @Override
            public List<dev.frontier.actor.DeadLetter> recent() {
                return List.of();
            }
        };

        @Override
        public <T> ActorRef<T> spawn(String n, ActorOptions options, GeneratorActor<T> body) {
            effects.add(new Effect.Spawned(n, body));
            return new Ref<>(n);
        }

        @Override
        public <T> ActorRef<T> spawnHandler(String n, ActorOptions options, MessageHandler<T> h) {
            effects.add(new Effect.Spawned(n, h));
            return new Ref<>(n);
        }

        @Override
        public void send(String n, Object message) {
            sent(n, message);
        }

        @Override
        public Cancellable sendAfter(Duration delay, String n, Object message) {
            Objects.requireNonNull(message, "message");
            effects.add(new Effect.Scheduled(delay, n, message));
            boolean[] cancelled = {false};
            addTimer(delay, () -> {
                if (!cancelled[0]) {
                    cancelled[0] = true;
                    sent(n, message);
                }
            });
            return () -> {
                boolean was = !cancelled[0];
                cancelled[0] = true;
                return was;
            };
        }

        @Override
        public CompletableFuture<Void> sleep(Duration delay) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            addTimer(delay, () -> done.complete(null));
            return done;
        }

        @Override
        public <R> CompletableFuture<R> ask(String n, Object message, Duration timeout) {
            CompletableFuture<Object> reply = new CompletableFuture<>();
            effects.add(new Effect.Asked(n, message, timeout, reply));
            @SuppressWarnings("unchecked")
            CompletableFuture<R> r = (CompletableFuture<R>) reply;
            return r;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<ActorRef<T>> lookup(String n) {
            return Optional.of((ActorRef<T>) (n.equals(name) ? self : ref(n)));
        }

        @Override
        public boolean stop(String n) {
            effects.add(new Effect.Stopped(n));
            if (n.equals(name)) {
                stopRequested = true;
            }
            return true;
        }

        @Override
        public DeadLetters deadLetters() {
            return deadLetters;
        }

        @Override
        public long failureCount() {
            return failure == null ? 0 : 1;
        }

        @Override
        public void shutdown() {
            // nothing runs but the actor under test
        }

        @Override
        public boolean awaitTermination(Duration timeout) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "BehaviorTestKit '" + name + "'" + (alive ? "" : " (ended)");
    }
}
