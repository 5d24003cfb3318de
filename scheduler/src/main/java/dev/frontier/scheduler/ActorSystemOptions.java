package dev.frontier.scheduler;

import dev.frontier.actor.ActorErrorHandler;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.MessageTracer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Settings shared by every execution mode. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withTracer(recorder));
 * }</pre>
 */
public final class ActorSystemOptions {

    /** Pekko's default throughput is 5; a generator actor saves a continuation switch per message it takes in a turn. */
    static final int DEFAULT_THROUGHPUT = 64;

    /** The defaults for the current values of the system properties they read. */
    private static volatile ActorSystemOptions defaults;

    ActorErrorHandler errorHandler = ActorErrorHandler.LOG;
    MessageTracer tracer;
    Consumer<? super DeadLetter> deadLetterListener;
    MdcMode mdc = MdcMode.ON_LOG;
    TraceSelection trace = TraceSelection.ALL;
    /** The properties the defaults were made from (defaults only). */
    private String traceProperty;
    private String recordProperty;
    int throughput = DEFAULT_THROUGHPUT;
    int batchLimit = 1024;
    int inboxDrainLimit = 256;
    Supplier<IdleStrategy> idleStrategy = IdleStrategy::backoff;
    boolean virtualThreads = true;
    SchedulerClock clock = SchedulerClock.SYSTEM;
    Duration shutdownTimeout = Duration.ofSeconds(10);
    boolean daemonThreads;
    boolean shutdownHook = true;
    Duration stallThreshold = Duration.ofSeconds(1);
    FlowRecorder recorder;

    private ActorSystemOptions() {
    }

    private ActorSystemOptions copy() {
        ActorSystemOptions o = new ActorSystemOptions();
        o.errorHandler = errorHandler;
        o.tracer = tracer;
        o.deadLetterListener = deadLetterListener;
        o.mdc = mdc;
        o.trace = trace;
        o.throughput = throughput;
        o.batchLimit = batchLimit;
        o.inboxDrainLimit = inboxDrainLimit;
        o.idleStrategy = idleStrategy;
        o.virtualThreads = virtualThreads;
        o.clock = clock;
        o.shutdownTimeout = shutdownTimeout;
        o.daemonThreads = daemonThreads;
        o.shutdownHook = shutdownHook;
        o.stallThreshold = stallThreshold;
        o.recorder = recorder;
        return o;
    }

    /**
     * Errors logged, no tracer, no dead-letter listener, MDC written when something logs, trace
     * selection from the {@code frontier.trace} property (default: every actor), throughput 64,
     * batch 1024, inbox drain 256, backoff idling, virtual threads, system clock, shutdown waits
     * 10 s, threads that keep the JVM alive, a JVM shutdown hook, stall warnings after 1 s, and no
     * flow recording, unless the {@code frontier.record} property names actors to record
     * ({@code -Dfrontier.record=*}):
     * then every system made from the defaults records into one shared {@link #recorder()}. The
     * same object is returned while the properties stay the same.
     *
     * @return the default options for the current {@code frontier.trace} and {@code frontier.record}
     *     properties
     */
    public static ActorSystemOptions defaults() {
        String trace = System.getProperty("frontier.trace");
        String record = System.getProperty("frontier.record");
        ActorSystemOptions d = defaults;
        if (d != null && Objects.equals(d.traceProperty, trace) && Objects.equals(d.recordProperty, record)) {
            return d;
        }
        d = new ActorSystemOptions();
        d.traceProperty = trace;
        d.recordProperty = record;
        d.trace = trace == null ? TraceSelection.ALL : TraceSelection.parse(trace);
        if (record != null && !record.isBlank()) {
            d.recorder = FlowRecorder.create();
            d.recorder.record(record);
        }
        defaults = d;
        return d;
    }

    /**
     * The trace names and patterns of these options that no actor spawned with them has matched so
     * far: a typo, or an actor that never came. For a launcher to warn about, after the run.
     *
     * @return those names and patterns, in the order given; empty if every one has matched
     */
    public List<String> unmatchedTrace() {
        return trace.neverMatched();
    }

    /**
     * Where exceptions that end actors go (default: one ERROR log each).
     *
     * @param handler the error handler; must not be null
     * @return a copy with this error handler
     */
    public ActorSystemOptions withErrorHandler(ActorErrorHandler handler) {
        ActorSystemOptions o = copy();
        o.errorHandler = Objects.requireNonNull(handler, "handler");
        return o;
    }

    /**
     * A hook that sees every message an actor takes (default: none).
     *
     * @param t the tracer, or null for none
     * @return a copy with this tracer
     */
    public ActorSystemOptions withTracer(MessageTracer t) {
        ActorSystemOptions o = copy();
        o.tracer = t;
        return o;
    }

    /**
     * A hook that sees every dead letter as it is counted (default: none), as Pekko's event stream
     * subscription to {@code DeadLetter} does: for tests that account for every message, or to
     * forward them to monitoring. It is called on the thread that made the dead letter (a sender's,
     * an actor's host, a timer's or the one shutting down), possibly on several at once, so it must
     * be thread-safe, quick and must not block. An exception it throws is logged (the first, then
     * one in 1,000) and changes nothing else: the letter is counted and the sender is not told.
     *
     * @param listener the listener, or null for none
     * @return a copy with this dead-letter listener
     */
    public ActorSystemOptions withDeadLetterListener(Consumer<? super DeadLetter> listener) {
        ActorSystemOptions o = copy();
        o.deadLetterListener = listener;
        return o;
    }

    /**
     * When actors' identities go into the SLF4J MDC (default {@link MdcMode#ON_LOG}).
     *
     * @param mode the MDC mode; must not be null
     * @return a copy with this MDC mode
     */
    public ActorSystemOptions withMdc(MdcMode mode) {
        ActorSystemOptions o = copy();
        o.mdc = Objects.requireNonNull(mode, "mode");
        return o;
    }

    /**
     * {@code withMdc(on ? MdcMode.ON_LOG : MdcMode.OFF)}.
     *
     * @param on true to write the MDC when an actor logs, false never to write it
     * @return a copy with that MDC mode
     */
    public ActorSystemOptions withMdc(boolean on) {
        return withMdc(on ? MdcMode.ON_LOG : MdcMode.OFF);
    }

    /**
     * Which actors the delivery trace covers, when the logger {@code dev.frontier.trace} is at
     * TRACE: names and glob patterns such as {@code "ping,pong"} or {@code "worker-*"}.
     *
     * @param namesAndPatterns names and globs ({@code *}, {@code ?}), separated by commas or spaces;
     *     none: no actor
     * @return a copy with this trace selection
     */
    public ActorSystemOptions withTrace(String... namesAndPatterns) {
        ActorSystemOptions o = copy();
        o.trace = TraceSelection.parse(namesAndPatterns);
        return o;
    }

    /**
     * Deque scheduler: most messages one actor takes in a turn before it goes to the back of the run
     * queue (default 64). Higher: fewer switches; lower: fairer latency between busy actors.
     *
     * @param messagesPerTurn the most messages per turn, at least 1
     * @return a copy with this throughput
     * @throws IllegalArgumentException {@code messagesPerTurn} is below 1
     */
    public ActorSystemOptions withThroughput(int messagesPerTurn) {
        positive("throughput", messagesPerTurn);
        ActorSystemOptions o = copy();
        o.throughput = messagesPerTurn;
        return o;
    }

    /**
     * Deque scheduler: most messages delivered per duty cycle before the inbox and timers are checked
     * again (default 1024).
     *
     * @param limit the most messages per duty cycle, at least 1
     * @return a copy with this batch limit
     * @throws IllegalArgumentException {@code limit} is below 1
     */
    public ActorSystemOptions withBatchLimit(int limit) {
        positive("batch limit", limit);
        ActorSystemOptions o = copy();
        o.batchLimit = limit;
        return o;
    }

    /**
     * Deque scheduler: most cross-thread entries taken from the inbox per duty cycle (default 256).
     *
     * @param limit the most inbox entries per duty cycle, at least 1
     * @return a copy with this inbox drain limit
     * @throws IllegalArgumentException {@code limit} is below 1
     */
    public ActorSystemOptions withInboxDrainLimit(int limit) {
        positive("inbox drain limit", limit);
        ActorSystemOptions o = copy();
        o.inboxDrainLimit = limit;
        return o;
    }

    /**
     * Deque scheduler on its own thread: how to wait when there is no work (default
     * {@link IdleStrategy#backoff()}).
     *
     * @param strategy makes the idle strategy when the scheduler's thread starts; must not be null
     * @return a copy with this idle strategy
     */
    public ActorSystemOptions withIdleStrategy(Supplier<IdleStrategy> strategy) {
        ActorSystemOptions o = copy();
        o.idleStrategy = Objects.requireNonNull(strategy, "strategy");
        return o;
    }

    /**
     * The timers' clock (default {@link SchedulerClock#SYSTEM}); inject a {@link ManualClock} in
     * tests of the deque scheduler. Thread-per-actor mode runs on real time and refuses any other clock.
     *
     * @param c the clock; must not be null
     * @return a copy with this clock
     */
    public ActorSystemOptions withClock(SchedulerClock c) {
        ActorSystemOptions o = copy();
        o.clock = Objects.requireNonNull(c, "clock");
        return o;
    }

    /**
     * Thread-per-actor mode: virtual threads (default) or platform threads.
     *
     * @param virtual true for virtual threads, false for platform threads
     * @return a copy with this choice
     */
    public ActorSystemOptions withVirtualThreads(boolean virtual) {
        ActorSystemOptions o = copy();
        o.virtualThreads = virtual;
        return o;
    }

    /**
     * How long {@code shutdown()} waits for the system's threads to finish closing actors before it
     * interrupts them and returns (default 10 s).
     *
     * @param timeout the longest wait; must not be null
     * @return a copy with this shutdown timeout
     */
    public ActorSystemOptions withShutdownTimeout(Duration timeout) {
        ActorSystemOptions o = copy();
        o.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
        return o;
    }

    /**
     * Whether the threads the system starts (the deque scheduler's own thread, thread-per-actor
     * platform threads) are daemon threads, which do not keep the JVM alive (default: false, like
     * an {@code ExecutorService}'s: a started system that is never shut down keeps the JVM
     * running). Virtual threads are always daemon threads.
     *
     * @param daemon true for daemon threads
     * @return a copy with this choice
     */
    public ActorSystemOptions withDaemonThreads(boolean daemon) {
        ActorSystemOptions o = copy();
        o.daemonThreads = daemon;
        return o;
    }

    /**
     * Deque scheduler: how long one delivery may hold the scheduler thread before the watchdog logs a
     * WARN with the actor, the message and the thread's stack (default 1 s; then again at 2, 4, 8,
     * ... times it while stuck). {@link Duration#ZERO} turns the watchdog off for this scheduler.
     *
     * @param threshold how long a delivery may run before the first WARN; must not be null
     * @return a copy with this stall threshold
     */
    public ActorSystemOptions withStallThreshold(Duration threshold) {
        ActorSystemOptions o = copy();
        o.stallThreshold = Objects.requireNonNull(threshold, "threshold");
        return o;
    }

    /**
     * Whether a system with threads of its own (a started deque scheduler, thread-per-actor) shuts
     * itself down when the JVM does (SIGTERM, {@code System.exit}, the last non-daemon thread ending),
     * so every actor's {@code finally} blocks run (default: true). The hook is removed when the
     * system is shut down normally. A deque scheduler driven by hand has no hook: only its own
     * thread may close its actors.
     *
     * @param hook true to install the JVM shutdown hook
     * @return a copy with this choice
     */
    public ActorSystemOptions withShutdownHook(boolean hook) {
        ActorSystemOptions o = copy();
        o.shutdownHook = hook;
        return o;
    }

    /**
     * The flow recorder the system records into (default: one of its own, off). Give several systems
     * one recorder to see their messages in one flow; its selection applies to all of them.
     *
     * @param r the recorder; must not be null
     * @return a copy with this recorder
     */
    public ActorSystemOptions withRecorder(FlowRecorder r) {
        ActorSystemOptions o = copy();
        o.recorder = Objects.requireNonNull(r, "recorder");
        return o;
    }

    /** {@return the recorder these options give, or null: each system then makes its own} */
    public FlowRecorder recorder() {
        return recorder;
    }

    private static void positive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be positive: " + n);
        }
    }
}
