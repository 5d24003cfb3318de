package dev.frontier.scheduler;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.AskTimeoutException;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.DeadLetters;
import dev.frontier.actor.DuplicateActorNameException;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MailboxFullException;
import dev.frontier.actor.MessageHandler;
import dev.frontier.actor.MessageTracer;
import dev.frontier.core.GeneratorExit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every execution mode shares: the registry, the system's lifecycle, dead letters, failure
 * handling, asks, and the hooks every message passes through ({@link #accepted}: trace, tracer,
 * MDC). A mode supplies {@link #post} (how a message travels), {@link #launch} (where a new actor
 * starts), {@link #stopActor}, {@link #currentActor}, timers and running work on an actor's host.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   RUNNING   -> STOPPING     shutdown() (the first caller wins; every caller then waits)
 *   STOPPING  -> TERMINATED   the mode has closed every actor, settled every timer, stopped its threads
 * </pre>
 * Once STOPPING, a send is a dead letter, a spawn is refused, a timer is abandoned at once (a
 * delayed send becomes a dead letter, a sleep or ask fails), and every future the system handed
 * out completes by the time it is TERMINATED.
 */
abstract class AbstractActorSystem implements ActorSystem {

    /** The sender's name for messages from outside any actor. */
    static final String OUTSIDE = "outside";
    static final String MDC_ACTOR = "actor";
    static final String MDC_SEQUENCE = "msgSeq";
    private static final Logger LOG = LoggerFactory.getLogger(AbstractActorSystem.class);
    /** The delivery trace: one logger for every actor; which actors it covers is a {@link TraceSelection}. */
    static final Logger TRACE = LoggerFactory.getLogger("dev.frontier.trace");

    static final int RUNNING = 0;
    static final int STOPPING = 1;
    static final int TERMINATED = 2;

    final ConcurrentHashMap<String, ActorCell<?>> registry = new ConcurrentHashMap<>();
    final ActorSystemOptions options;
    private final DeadLetterOffice deadLetters = new DeadLetterOffice();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong tracerFailures = new AtomicLong();
    private final AtomicLong deadLetterListenerFailures = new AtomicLong();
    /** Numbers asks, for their reply addresses' names. */
    private final AtomicLong asks = new AtomicLong();
    /** Numbers spawns: shutdown closes actors in reverse spawn order. */
    private final AtomicInteger spawns = new AtomicInteger();
    private final AtomicInteger lifecycle = new AtomicInteger(RUNNING);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile TraceSelection traceSelection;
    private final boolean mdcEager;
    /** The running turn's remaining message budget (see {@link ActorCell#turn}). Host thread only; unused by thread-per-actor. */
    int budget;
    private final boolean mdcOn;
    /** What {@code ctx.sender()} returns for a message from outside any actor: replies dead-letter. */
    final NoSender noSender = new NoSender(this);
    /** Messages refused for their type: the WARN log is rate-limited by this count. */
    private final AtomicLong wrongTypes = new AtomicLong();
    private static final Logger DEAD_LETTERS = LoggerFactory.getLogger("dev.frontier.deadletters");
    /** Records the message flow of selected actors; see {@link FlowRecorder}. */
    final FlowRecorder recorder;
    /**
     * Some actors are selected for recording: the one field a send reads when recording is off.
     * Written by {@link #recordingChanged} on any thread, read racily by the hosts, as {@code traced} is.
     */
    boolean recording;

    AbstractActorSystem(ActorSystemOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.traceSelection = options.trace;
        this.mdcEager = options.mdc == MdcMode.EVERY_MESSAGE;
        this.mdcOn = options.mdc != MdcMode.OFF;
        this.recorder = options.recorder != null ? options.recorder : FlowRecorder.create();
        this.recording = recorder.isRecording();
        recorder.attach(this);
        LiveSystems.add(this);
        FrontierJfr.init(); // listens for JFR recordings from now on (JFR itself is not started)
    }

    // ------------------------------------------------------------------ mode hooks

    /** Sends {@code message} to {@code target} from {@code sender} (null: outside). Any thread. */
    abstract void post(ActorCell<?> target, ActorRef<?> sender, Object message);

    /** Readies a new actor's host before its name is registered (and anyone can send to it). */
    void prepare(ActorCell<?> cell) {
    }

    /** Starts a freshly registered actor on its host thread. Throws if the mode can no longer start it. */
    abstract void launch(ActorCell<?> cell);

    /**
     * Whether {@link #launch} itself refuses an actor that a shutdown may have missed, after making
     * it findable by that shutdown and ending it properly (its mailbox dead-lettered); otherwise
     * {@code register} stops such an actor. Any thread.
     */
    boolean launchChecksShutdown() {
        return false;
    }

    /** Stops a live actor on its host thread (its name is already free). Any thread. */
    abstract void stopActor(ActorCell<?> cell);

    /** The actor being run on the calling thread, or null. */
    abstract ActorCell<?> currentActor();

    /** Whether {@code cell}'s code is what runs on the calling thread right now. */
    abstract boolean isRunning(ActorCell<?> cell);

    /** The name of the thread {@code cell} runs on, for error messages. */
    abstract String hostThreadName(ActorCell<?> cell);

    /**
     * Runs {@code action} after {@code delay} by this system's clock, on a thread of the mode's
     * choosing; if the system shuts down first, runs {@code onAbandon} (if not null) instead.
     * Any thread.
     */
    abstract Cancellable schedule(Duration delay, Runnable action, Runnable onAbandon);

    /**
     * The completion of an await, or a timed receive's timer: resumes {@code cell} on its host
     * thread if it still waits in wait {@code epoch}. Any thread.
     */
    abstract void wake(ActorCell<?> cell, int epoch, byte waitingIn, Object value);

    /**
     * Runs {@code action} on {@code cell}'s host thread, after what is already queued there, as
     * that actor. Any thread.
     *
     * @throws java.util.concurrent.RejectedExecutionException the host is shut down: it would never run
     */
    abstract void runOnHost(ActorCell<?> cell, Runnable action);

    /** Whether a body spawned here runs on a thread of its own rather than as a generator. */
    boolean bodiesOnOwnThreads() {
        return false;
    }

    // ------------------------------------------------------------------ supervision hooks (see Supervisor, Ties)

    /** Throws if this mode cannot watch, link or supervise. */
    void checkCanSupervise(String operation) {
    }

    /**
     * Delivers a system notice ({@code Terminated}, {@code Exit}, a child's exit): like {@link #post},
     * but it never waits for room in a bounded mailbox, is never refused for it, and skips the
     * message-type check (checked when the watch, trap or supervision was set up). Any thread.
     */
    abstract void deliverNotice(ActorCell<?> target, ActorRef<?> sender, Object notice);

    /** A supervised incarnation ended and its supervisor will decide: no behaviour may run. Host thread. */
    void suspendForSupervisor(ActorCell<?> cell) {
    }

    /**
     * Ends the running incarnation of {@code child} so that its supervisor can restart it (its
     * {@code finally} blocks run; its name, mailbox and watchers stay), waiting up to {@code timeout}.
     * Nothing to do if it is suspended already. Must only be called from the supervisor's host thread.
     */
    void haltForRestart(ActorCell<?> child, Duration timeout) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot supervise actors");
    }

    /** Starts a suspended child's next incarnation with {@code behaviour}. Supervisor's host thread. */
    void restartChild(ActorCell<?> child, Object behaviour) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot supervise actors");
    }

    /**
     * Ends {@code child} for good (its name is freed at once), waiting up to {@code timeout} for it to
     * finish closing; past that its thread is interrupted. Supervisor's host thread.
     */
    void stopChild(ActorCell<?> child, Duration timeout) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot supervise actors");
    }

    /**
     * A linked actor failed and {@code cell} does not trap exits: it fails at its next wait (its
     * kill cause is already set), on its own host, later. Any thread.
     */
    void killActor(ActorCell<?> cell) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot link actors");
    }

    // ------------------------------------------------------------------ ActorSystem

    @Override
    public <M> ActorRef<M> spawn(String name, ActorOptions options, GeneratorActor<M> body) {
        return register(ActorCell.generator(this, checkName(name), options, body, bodiesOnOwnThreads()));
    }

    @Override
    public <M> ActorRef<M> spawnHandler(String name, ActorOptions options, MessageHandler<M> handler) {
        return register(ActorCell.handler(this, checkName(name), options, handler));
    }

    private String checkName(String name) {
        Objects.requireNonNull(name, "an actor name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an actor name must not be empty");
        }
        checkRunning("spawn '" + name + "'");
        return name;
    }

    private void checkRunning(String what) {
        if (lifecycle.get() != RUNNING) {
            throw new IllegalStateException("cannot " + what + ": the actor system is shut down");
        }
    }

    /**
     * Makes, registers and starts one child from its spec, supervised by {@code parent} (null: none).
     * Supervisors are generator actors that accept only their notices.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    final ActorCell<?> spawnChild(ActorCell<?> parent, dev.frontier.actor.ChildSpec<?> spec) {
        String name = checkName(spec.name());
        ActorCell<?> cell = switch (spec.kind()) {
            case GENERATOR -> ActorCell.generator(this, name, spec.options(), (GeneratorActor) spec.newBody(),
                    bodiesOnOwnThreads());
            case HANDLER -> ActorCell.handler(this, name, spec.options(), (MessageHandler) spec.newHandler());
            case SUPERVISOR -> ActorCell.generator(this, name, spec.options().withMessageType(Supervisor.Notice.class),
                    new Supervisor(this, spec.supervisorSpec()), bodiesOnOwnThreads());
        };
        if (parent != null) {
            Ties.supervised(cell, parent, spec);
        }
        register(cell);
        return cell;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ActorRef<Void> spawnSupervisor(String name, dev.frontier.actor.SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        checkCanSupervise("spawnSupervisor");
        return (ActorRef<Void>) spawnChild(null, dev.frontier.actor.ChildSpec.supervisor(name, spec));
    }

    final <M> ActorRef<M> register(ActorCell<M> cell) {
        cell.spawnOrder = spawns.incrementAndGet();
        cell.traced = traceSelection.matches(cell.name);
        cell.recorded = recording && recorder.currentSelection().matches(cell.name);
        prepare(cell);
        if (registry.putIfAbsent(cell.name, cell) != null) {
            throw new DuplicateActorNameException(cell.name);
        }
        // A shutdown that began before the put may have missed this actor, and senders may have
        // found it by its name already: it is stopped as any stopped actor is (what they sent is a
        // dead letter, a sender waiting for room goes on) and the spawn is refused.
        if (!launchChecksShutdown() && lifecycle.get() != RUNNING) {
            stopRegistered(cell);
            checkRunning("spawn '" + cell.name + "'");
        }
        try {
            launch(cell);
        } catch (RuntimeException e) {
            registry.remove(cell.name, cell);
            throw e;
        }
        return cell;
    }

    @Override
    public void send(String name, Object message) {
        sendFrom(currentActor(), name, message);
    }

    void sendFrom(ActorRef<?> sender, String name, Object message) {
        Objects.requireNonNull(name, "a recipient name must not be null");
        ActorCell<?> target = registry.get(name);
        if (target == null) {
            checkMessage(name, message);
            deadLetter(name, sender, message);
        } else {
            post(target, sender, message);
        }
    }

    /**
     * A bounded mailbox's admission: takes a place for the message, or applies the overflow rule
     * (dead letter: returns {@code false}; fail: throws; back-pressure: waits for room). Every send
     * to a bounded mailbox passes here before it travels. Any thread.
     */
    final boolean admit(ActorCell<?> target, ActorRef<?> sender, Object message) {
        Semaphore room = target.room();
        if (room == null || room.tryAcquire()) {
            return true;
        }
        ActorOptions o = target.actorOptions();
        switch (o.overflow()) {
            case DEAD_LETTER -> {
                deadLetter(target.name, sender, message);
                return false;
            }
            case FAIL_SENDER -> throw new MailboxFullException(target.name, o.mailboxCapacity(), message);
            default -> {
                waitForRoom(target, sender, message);
                return true;
            }
        }
    }

    /**
     * Back-pressure: waits until {@code target}'s mailbox has a place for the message and takes it,
     * or returns without one if the target has ended (the send then becomes a dead letter). This
     * blocks the calling thread for at most the block timeout; a mode whose threads must not block
     * suspends the sending actor instead, or refuses.
     *
     * @throws MailboxFullException no room in time
     */
    void waitForRoom(ActorCell<?> target, ActorRef<?> sender, Object message) {
        ActorOptions o = target.actorOptions();
        try {
            if (target.room().tryAcquire(Timer.delayNanos(o.blockTimeout()), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new MailboxFullException(target.name, o.mailboxCapacity(), message);
    }

    /** {@code cell}'s bounded mailbox has room again: a mode that suspends senders wakes one. Host thread only. */
    void roomFreed(ActorCell<?> cell) {
    }

    /** Messages waiting in an unbounded mailbox (a snapshot), for {@code ActorRef.mailboxSize()}. */
    abstract int unboundedMailboxSize(ActorCell<?> cell);

    /**
     * {@code message} is not of {@code target}'s message type: it becomes a dead letter, logged at
     * WARN naming the actor, the expected and the actual type (the first 10, then one in 1,000), and
     * {@code true} is returned. Call only when {@code target.messageType()} is not null, so an untyped
     * send costs one null check. Any thread.
     */
    final boolean refusedType(ActorCell<?> target, ActorRef<?> sender, Object message) {
        Class<?> type = target.messageType();
        if (type.isInstance(message)) {
            return false;
        }
        deadLetter(target.name, sender, message, false); // the line below says more than the generic one
        long n = wrongTypes.incrementAndGet();
        if (n <= 10 || n % 1000 == 0) {
            DEAD_LETTERS.warn("actor '{}' accepts {}, not {}: a message from {} is a dead letter: {} ({} refused so far)",
                    target.name, type.getName(), message.getClass().getName(), nameOf(sender), message, n);
        }
        return true;
    }

    /** Messages are never null: a null is a mistake at the sender, not a message. */
    static void checkMessage(String recipient, Object message) {
        if (message == null) {
            throw new NullPointerException("a message to '" + recipient + "' must not be null");
        }
    }

    @Override
    public Cancellable sendAfter(Duration delay, String name, Object message) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(name, "a recipient name must not be null");
        checkMessage(name, message);
        ActorCell<?> sender = currentActor();
        long cause = sender == null ? 0 : sender.handlingId();
        return schedule(delay, () -> {
            ActorRef<?> from = recording ? timerSend(sender, cause, registry.get(name), name, message) : sender;
            try {
                sendFrom(from, name, message);
            } catch (MailboxFullException full) {
                deadLetter(name, from, message); // a timer cannot wait for room
            }
        }, () -> deadLetter(name, sender, message));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> ask(String name, Object message, Duration timeout) {
        Objects.requireNonNull(name, "a recipient name must not be null");
        Objects.requireNonNull(timeout, "timeout");
        checkMessage(name, message);
        ActorCell<?> target = registry.get(name);
        if (target == null || lifecycle.get() != RUNNING) {
            deadLetter(name, currentActor(), message);
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot ask actor '" + name + "': "
                    + (target == null ? "no such actor" : "the actor system is shut down")));
        }
        AskRef asker = new AskRef(this, "ask-" + asks.incrementAndGet() + "-" + name, target);
        return (CompletableFuture<R>) askVia(target, asker, message, timeout);
    }

    /**
     * Typed request/reply: the request is made from a reply-to reference typed by the reply, so
     * javac checks both sides. Times out as {@link #ask(String, Object, Duration)} does.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <M, R> CompletableFuture<R> ask(ActorRef<M> target, java.util.function.Function<ActorRef<R>, ? extends M> request,
                                           Duration timeout) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (!(target instanceof ActorCell<?> cell) || cell.system != this) {
            return target.ask(request, timeout);
        }
        AskRef asker = new AskRef(this, "ask-" + asks.incrementAndGet() + "-" + cell.name, cell);
        M message = request.apply((ActorRef<R>) (ActorRef<?>) asker);
        checkMessage(cell.name, message);
        if (!cell.isAlive() || lifecycle.get() != RUNNING) {
            deadLetter(cell.name, currentActor(), message);
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot ask actor '" + cell.name + "': "
                    + (cell.isAlive() ? "the actor system is shut down" : "it has ended")));
        }
        return (CompletableFuture<R>) askVia(cell, asker, message, timeout);
    }

    private CompletableFuture<Object> askVia(ActorCell<?> target, AskRef asker, Object message, Duration timeout) {
        String name = target.name;
        if (recording) {
            asker.askedBy(currentActor());
        }
        CompletableFuture<Object> reply = asker.reply;
        Cancellable timer = schedule(timeout,
                () -> reply.completeExceptionally(new AskTimeoutException(name, message, timeout)),
                () -> reply.completeExceptionally(shutDown("ask '" + name + "'")));
        reply.whenComplete((r, e) -> timer.cancel());
        post(target, asker, message);
        return reply;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> Optional<ActorRef<M>> lookup(String name) {
        Objects.requireNonNull(name, "an actor name must not be null");
        return Optional.ofNullable((ActorRef<M>) registry.get(name));
    }

    /**
     * Stops the named actor. Its name is free when this returns (a new actor may take it at once);
     * its generator is closed on its host thread, so its {@code finally} blocks run there, and its
     * waiting messages become dead letters.
     */
    @Override
    public boolean stop(String name) {
        Objects.requireNonNull(name, "an actor name must not be null");
        ActorCell<?> cell = registry.get(name);
        if (cell == null || !cell.isAlive()) {
            return false;
        }
        return stopRegistered(cell);
    }

    /**
     * Frees {@code cell}'s name and stops it on its host; {@code false} if another stop freed the
     * name first. A shutdown that no longer finds the name finds the actor through {@link #stopping}.
     */
    private boolean stopRegistered(ActorCell<?> cell) {
        stopping(cell);
        if (!registry.remove(cell.name, cell)) {
            return false;
        }
        cell.stopAsked = true;
        stopActor(cell);
        return true;
    }

    /**
     * {@code cell} is about to lose its name to {@link #stop}, before its host has closed it. A mode
     * whose shutdown finds the actors to close by name must remember it: its stop may reach the
     * host too late. Any thread.
     */
    void stopping(ActorCell<?> cell) {
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public long failureCount() {
        return failures.get();
    }

    /** {@return a snapshot of the names of the live actors, in no particular order, for diagnostics} */
    public List<String> actorNames() {
        return new ArrayList<>(registry.keySet());
    }

    /**
     * Chooses which actors' deliveries the trace log ({@code dev.frontier.trace} at TRACE) writes:
     * names and glob patterns, e.g. {@code "ping,pong"} or {@code "worker-*"}; {@code "*"} for all,
     * nothing for none. Applies to live actors at once and to those spawned later. Any thread.
     *
     * @param namesAndPatterns names and globs, separated by commas or spaces; replaces the selection before
     * @return the names and patterns that match no live actor (a typo, or an actor not yet spawned)
     */
    public List<String> trace(String... namesAndPatterns) {
        TraceSelection s = TraceSelection.parse(namesAndPatterns);
        traceSelection = s;
        for (ActorCell<?> cell : registry.values()) {
            cell.traced = s.matches(cell.name); // a flag for diagnostics: read racily by the host, as intended
        }
        return s.unmatched(registry.keySet());
    }

    /** {@return this system's flow recorder (shared with other systems if the options gave one)} */
    public FlowRecorder recorder() {
        return recorder;
    }

    /**
     * Records the message flow of the actors named or matched by {@code namesAndPatterns}
     * ({@code "*"}: the whole system; nothing: stop): {@code recorder().record(...)}. Any thread.
     *
     * @param namesAndPatterns names and globs, separated by commas or spaces; replaces the selection before
     * @return the names and patterns that match no live actor of a system using the recorder
     */
    public List<String> record(String... namesAndPatterns) {
        return recorder.record(namesAndPatterns);
    }

    /**
     * {@return a future completed when the system has terminated: every actor closed, every thread
     * it started ended} Each call returns a new copy: completing or cancelling it affects nothing else.
     */
    public CompletableFuture<Void> terminationFuture() {
        return terminated.copy();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        try {
            terminated.get(Timer.delayNanos(timeout), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@return whether shutdown has begun (it may not have finished)} */
    public boolean isShutdown() {
        return lifecycle.get() != RUNNING;
    }

    // ------------------------------------------------------------------ lifecycle, for the modes

    /** RUNNING to STOPPING; {@code true} for the one caller that made the change. */
    final boolean beginShutdown() {
        return lifecycle.compareAndSet(RUNNING, STOPPING);
    }

    final int lifecycle() {
        return lifecycle.get();
    }

    /** STOPPING to TERMINATED: every actor closed and every thread ended. */
    final void terminated() {
        recorder.detach(this);
        LiveSystems.remove(this);
        lifecycle.set(TERMINATED);
        removeShutdownHook();
        terminated.complete(null);
    }

    private Thread shutdownHook;

    /** Shuts this system down when the JVM shuts down, if the options ask for it. */
    final synchronized void addShutdownHook() {
        if (options.shutdownHook && shutdownHook == null && lifecycle.get() == RUNNING) {
            Thread hook = new Thread(this::shutdown, "frontier-shutdown-hook");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                shutdownHook = hook;
            } catch (IllegalStateException jvmShuttingDown) {
                // too late: the JVM is already shutting down
            }
        }
    }

    private synchronized void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmShuttingDown) {
                // the hooks are running; this one is harmless
            }
        }
    }

    /** The failure a future the system handed out gets when the system shuts down before it completes. */
    static IllegalStateException shutDown(String what) {
        return new IllegalStateException(what + " did not complete: the actor system shut down");
    }

    /**
     * The live actors in the order shutdown closes them: the ones no live supervisor owns, latest
     * spawned first (a supervisor stops its own children first, latest started first, so shutdown
     * goes tree-wise); then any supervised one still alive, latest first.
     */
    final List<ActorCell<?>> liveActorsLatestFirst() {
        List<ActorCell<?>> cells = new ArrayList<>(registry.values());
        cells.sort(Comparator.comparingInt((ActorCell<?> c) -> hasLiveSupervisor(c) ? 1 : 0)
                .thenComparing((a, b) -> Integer.compare(b.spawnOrder - a.spawnOrder, 0))); // latest first, wrap-safe
        return cells;
    }

    /** Whether a live supervisor owns {@code cell} (and so stops it). */
    static boolean hasLiveSupervisor(ActorCell<?> cell) {
        Ties t = cell.ties;
        return t != null && t.parent != null && t.parent.isAlive();
    }

    /** A deadline {@code timeout} from now on the system's clock, clamped against overflow. */
    final long deadline(Duration timeout) {
        return options.clock.nanoTime() + Timer.delayNanos(timeout);
    }

    // ------------------------------------------------------------------ shared mechanics

    /**
     * The hooks every message passes through as an actor takes it: the MDC stops naming the
     * previous message, the tracer is told, the trace log writes {@code sender -> receiver: message}.
     * A tracer that throws is reported, never blamed on the actor. Must only be called from the
     * actor's host thread.
     */
    final void accepted(ActorCell<?> cell, ActorRef<?> from, Object message, long sequence) {
        if (mdcEager) {
            mdcWrite(cell);
        } else if (cell.mdcSet) {
            mdcLeave(cell);
        }
        MessageTracer tracer = options.tracer;
        if (tracer != null) {
            try {
                tracer.onDeliver(nameOf(from), cell.name, message, sequence);
            } catch (Throwable t) {
                hookFailed(tracerFailures, "message tracer", "the delivery went on", t);
            }
        }
        if (cell.traced && TRACE.isTraceEnabled()) {
            mdcEnter(cell);
            TRACE.trace("{} -> {}: {}", nameOf(from), cell.name, message);
        }
    }

    /** A user's hook threw: logged the first time and then once in 1,000; nothing else changes. */
    private static void hookFailed(AtomicLong failures, String hook, String after, Throwable t) {
        long n = failures.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.error("the {} failed ({} times so far); {}", hook, n, after, t);
        }
    }

    /** Puts {@code cell}'s identity in this thread's MDC, unless it is there already or the MDC is off. */
    final void mdcEnter(ActorCell<?> cell) {
        if (mdcOn && !cell.mdcSet) {
            mdcWrite(cell);
        }
    }

    private static void mdcWrite(ActorCell<?> cell) {
        MDC.put(MDC_ACTOR, cell.name);
        MDC.put(MDC_SEQUENCE, Long.toString(cell.sequence));
        cell.mdcSet = true;
    }

    /** {@code cell} stops running on this thread: its identity leaves the MDC. */
    static void mdcLeave(ActorCell<?> cell) {
        if (cell.mdcSet) {
            cell.mdcSet = false;
            MDC.remove(MDC_ACTOR);
            MDC.remove(MDC_SEQUENCE);
        }
    }

    @Override
    public final CompletableFuture<Void> sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        CompletableFuture<Void> done = new HostFuture<>(this, "sleep(" + delay + ")", null);
        schedule(delay, () -> done.complete(null), () -> done.completeExceptionally(shutDown("sleep")));
        return done;
    }

    /**
     * Closes an actor's generator (its finally blocks run) and ends it. Must only be called from its
     * host thread, outside its body.
     */
    final void closeActor(ActorCell<?> cell) {
        if (!cell.isAlive()) {
            return;
        }
        // a linked actor's failure kills it (its supervisor may restart it); anything else stops it for good
        Throwable kill = cell.stopAsked || cell.ties == null ? null : Ties.killCause(cell);
        if (kill == null) {
            cell.stopAsked = true;
            registry.remove(cell.name, cell);
        }
        try {
            cell.closeGenerator();
        } catch (GeneratorExit normal) {
            // closed
        } catch (Throwable t) {
            if (kill == null) {
                failed(cell, t);
                return;
            }
            report(cell, null, null, t); // its finally failed while it was dying of its link
        }
        if (kill != null) {
            report(cell, null, null, kill);
            incarnationFailed(cell, kill);
        } else {
            ended(cell, cell.ties == null ? null : Ties.suspendedFailure(cell));
        }
    }

    /**
     * A generator body returned: the actor ends, unless it is a permanent supervised child, which
     * its supervisor restarts; then {@code true} (the actor is suspended). Host thread.
     */
    final boolean bodyReturned(ActorCell<?> cell) {
        if (cell.ties != null && takeOver(cell, null)) {
            return true;
        }
        ended(cell, null);
        return false;
    }

    /** The exit reason of an actor that ended (or whose incarnation ended) with {@code failure} (null: none). */
    final dev.frontier.actor.ExitReason exitReason(ActorCell<?> cell, Throwable failure) {
        if (failure != null) {
            return dev.frontier.actor.ExitReason.failed(failure);
        }
        return cell.stopAsked ? dev.frontier.actor.ExitReason.STOPPED : dev.frontier.actor.ExitReason.RETURNED;
    }

    /**
     * If {@code cell} is a supervised child that its supervisor should decide about (it failed, or a
     * permanent child's body returned; it was not stopped; its supervisor and the system run): fires
     * its links, suspends it and tells the supervisor, in the supervisor's own turn. Host thread.
     */
    private boolean takeOver(ActorCell<?> cell, Throwable failure) {
        Ties t = cell.ties;
        if (t.parent == null || (failure == null && t.spec.restart() != dev.frontier.actor.RestartType.PERMANENT)
                || cell.stopAsked || lifecycle.get() != RUNNING || !t.parent.isAlive()) {
            return false;
        }
        Ties.incarnationEnded(this, cell, exitReason(cell, failure));
        CompletableFuture<Void> halt = Ties.suspend(cell, failure);
        suspendForSupervisor(cell);
        deliverNotice(t.parent, cell, new Supervisor.ChildExited(cell, t.incarnation, failure));
        if (halt != null) {
            halt.complete(null);
        }
        return true;
    }

    /**
     * A supervisor ended {@code cell}'s running incarnation to restart it: its links fire (stopped),
     * it is suspended until its supervisor restarts it. Host thread, after its behaviour stopped.
     */
    final void halted(ActorCell<?> cell) {
        Ties.incarnationEnded(this, cell, dev.frontier.actor.ExitReason.STOPPED);
        CompletableFuture<Void> halt = Ties.suspend(cell, null);
        if (halt != null) {
            halt.complete(null);
        }
    }

    /** The actor ended: free its name, dead-letter what it never took, then {@link #finish} it. */
    final void ended(ActorCell<?> cell, Throwable failure) {
        registry.remove(cell.name, cell);
        cell.handlingEnded(failure == null ? FlowEvent.HANDLED : FlowEvent.FAILED, failure);
        boolean first = cell.markEnded(failure);
        Room room = cell.room();
        if (room != null) {
            // every sender waiting for room goes on, finds the actor ended, and dead-letters its message
            int free = room.availablePermits();
            room.release(free < 0 ? Integer.MAX_VALUE : Integer.MAX_VALUE - free);
            roomFreed(cell);
        }
        ArrayDeque<Stash.Kept> left = cell.takeLeftovers();
        if (left != null) {
            for (Stash.Kept k : left) {
                deadLetter(cell.name, k.sender(), k.message());
            }
        }
        finish(cell);
        if (first && cell.ties != null) {
            Ties.ended(this, cell, exitReason(cell, failure));
        }
    }

    /**
     * Completes an ended actor's termination future. A mode whose host still has work to do for
     * the actor after it ended (thread-per-actor: draining its inbox) completes it later.
     */
    void finish(ActorCell<?> cell) {
        cell.finished();
    }

    /**
     * An exception escaped the actor: count it, report it (naming the message in hand, which is not
     * delivered again), end the actor, or, for a supervised child, suspend it for its supervisor to
     * decide. Returns {@code true} when it was suspended. Host thread.
     */
    final boolean failed(ActorCell<?> cell, Throwable cause) {
        if (!cell.isAlive()) {
            return false;
        }
        report(cell, cell.messageInHand(), cell.senderInHand(), cause);
        return incarnationFailed(cell, cause);
    }

    /** The incarnation failed (already reported): suspend it for its supervisor ({@code true}) or end the actor. */
    final boolean incarnationFailed(ActorCell<?> cell, Throwable cause) {
        if (cell.ties != null && takeOver(cell, cause)) {
            cell.handlingEnded(FlowEvent.RESTARTED, cause);
            return true;
        }
        ended(cell, cause);
        return false;
    }

    /** Counts and reports a failure to the error handler, which must not throw. */
    final void report(ActorCell<?> cell, Object message, ActorRef<?> sender, Throwable cause) {
        failures.incrementAndGet();
        if (cell != null) {
            mdcEnter(cell);
        }
        if (FrontierJfr.on) {
            FrontierJfr.failure(cell == null ? "(no actor)" : cell.name, message, nameOf(sender), cause);
        }
        try {
            options.errorHandler.onFailure(new ActorFailure(cell == null ? "(no actor)" : cell.name, message,
                    nameOf(sender), cause));
        } catch (Throwable handlerFailure) {
            LOG.error("the error handler failed while reporting actor '{}'", cell == null ? null : cell.name,
                    handlerFailure);
        }
    }

    final void deadLetter(String recipient, ActorRef<?> sender, Object message) {
        deadLetter(recipient, sender, message, true);
    }

    /** A dead letter; {@code logged}: false when the caller writes a more specific line itself. */
    final void deadLetter(String recipient, ActorRef<?> sender, Object message, boolean logged) {
        if (sender instanceof FlowEvent e) {
            e.deadLetter(FlowRecorder.now());
        } else if (recording) {
            recordDeadLetter(recipient, sender, message);
        }
        if (FrontierJfr.on) {
            FrontierJfr.deadLetter(recipient, nameOf(sender), message);
        }
        DeadLetter letter = new DeadLetter(recipient, nameOf(sender), message);
        deadLetters.record(letter, logged);
        Consumer<? super DeadLetter> listener = options.deadLetterListener;
        if (listener != null) {
            try {
                listener.accept(letter);
            } catch (Throwable t) {
                hookFailed(deadLetterListenerFailures, "dead-letter listener", "the dead letter was counted", t);
            }
        }
    }

    static String nameOf(ActorRef<?> ref) {
        return ref == null ? OUTSIDE : ref.name();
    }

    // ------------------------------------------------------------------ flow recording

    /** The recorder's selection changed: every live actor learns whether it is recorded. Any thread. */
    final void recordingChanged(TraceSelection s) {
        boolean on = !s.specs().isEmpty();
        for (ActorCell<?> cell : registry.values()) {
            cell.recorded = on && s.matches(cell.name); // read racily by the host, as intended
        }
        recording = on;
    }

    /** The turn in which the host is running an actor now, for recorded deliveries; 0 where there are no turns. */
    long turnNumber() {
        return 0;
    }

    /**
     * Whether recorded readings may be batched: a running actor's sends stamped at its next reading,
     * a turn's end shared with the next turn's start. Only where no other thread can take a message
     * before its sender's turn ends: the deque scheduler.
     */
    boolean batchesReadings() {
        return false;
    }

    /** A clock reading for recorded deliveries, taken as an actor's turn ends. Host thread only. */
    long turnEndReading() {
        return FlowRecorder.now();
    }

    /**
     * A clock reading for the first message of a turn, taken before the actor's code runs: a mode
     * may give the reading of the previous turn's end if nothing ran between. Host thread only.
     */
    long turnStartReading() {
        return FlowRecorder.now();
    }

    /**
     * The sender slot of a message to {@code target} while recording is on: the sender itself, or the
     * message's {@link FlowEvent} if it is to be recorded (its receiver or its sender is selected).
     * Its cause is the delivery the sender is handling, if that one is recorded. Called by each mode's {@code post} once the message is
     * admitted, on the sending thread.
     */
    final ActorRef<?> stamp(ActorCell<?> target, ActorRef<?> sender, Object message) {
        if (sender instanceof FlowEvent) {
            return sender; // stamped already (a timer's send)
        }
        if (sender instanceof AskRef ask) {
            if (!target.recorded && !ask.recorded) {
                return sender;
            }
            FlowEvent e = recorder.sent(dev.frontier.flow.Delivery.Kind.ASK, ask.cause, sender, ask.askerName,
                    target.name, message);
            ask.request = e;
            return e;
        }
        ActorCell<?> from = sender instanceof ActorCell<?> c ? c : null;
        if (!target.recorded && (from == null || !from.recorded)) {
            return sender;
        }
        if (from != null && from.defersSends() && isRunning(from)) {
            // the running actor on a deque scheduler: stamped at its next clock reading
            return from.sentDeferred(recorder.sent(dev.frontier.flow.Delivery.Kind.MESSAGE, from.handlingId(), sender,
                    from.name, target.name, message, dev.frontier.flow.Delivery.NOT_YET));
        }
        return recorder.sent(dev.frontier.flow.Delivery.Kind.MESSAGE, from == null ? 0 : from.handlingId(), sender,
                nameOf(sender), target.name, message);
    }

    /** A timer set by {@code sender} while it handled delivery {@code cause} fires: the send's sender slot. */
    final ActorRef<?> timerSend(ActorCell<?> sender, long cause, ActorCell<?> target, String name, Object message) {
        if ((sender == null || !sender.recorded) && (target == null ? !recorder.selects(name) : !target.recorded)) {
            return sender;
        }
        return recorder.sent(dev.frontier.flow.Delivery.Kind.TIMER, cause, sender, nameOf(sender), name, message);
    }

    /**
     * The reply to an ask: recorded if the request was, or the replier is recorded. Caused by the
     * delivery the replier is handling (normally the request itself).
     */
    final void recordReply(AskRef ask, Object message, boolean completed) {
        ActorCell<?> replier = currentActor();
        FlowEvent request = ask.request;
        if (request == null && (replier == null || !replier.recorded)) {
            return;
        }
        long cause = replier != null && replier.handlingId() != 0 ? replier.handlingId() : request != null ? request.id : 0;
        FlowEvent e = recorder.sent(dev.frontier.flow.Delivery.Kind.REPLY, cause, replier, nameOf(replier),
                ask.askerName != null ? ask.askerName : ask.name(), message);
        if (completed) {
            e.started(e.sentAt, turnNumber(), 0);
            e.ended(e.sentAt, FlowEvent.HANDLED, null);
        } else {
            e.deadLetter(e.sentAt);
        }
    }

    /** A send from a recorded sender (or to a selected name) that found no actor. */
    private void recordDeadLetter(String recipient, ActorRef<?> sender, Object message) {
        ActorCell<?> from = sender instanceof ActorCell<?> c ? c : null;
        if ((from != null && from.recorded) || recorder.selects(recipient)) {
            recorder.sent(dev.frontier.flow.Delivery.Kind.MESSAGE, from == null ? 0 : from.handlingId(), sender,
                    nameOf(sender), recipient, message)
                    .deadLetter(FlowRecorder.now());
        }
    }

    /**
     * A blocking wait on a future this system completes ({@code what}: {@code ask 'bank'}) is about
     * to begin on the calling thread: a mode whose calling thread would have to complete it throws
     * a {@link dev.frontier.actor.BlockingWaitException} saying why and what to do instead.
     * {@code answerer} is the actor that must answer (an ask's target), or null.
     */
    void refuseBlockingWait(String what, String method, ActorCell<?> answerer) {
    }

    /** The error for a context used where its actor is not running. */
    final IllegalStateException notRunning(ActorCell<?> cell, String operation) {
        return new IllegalStateException("actor '" + cell.name + "': " + operation + " must only be called from the "
                + "actor's own code while it runs (on thread " + hostThreadName(cell) + "), not from thread "
                + Thread.currentThread().getName()
                + (currentActor() != null ? " while actor '" + currentActor().name + "' runs" : ""));
    }
}
