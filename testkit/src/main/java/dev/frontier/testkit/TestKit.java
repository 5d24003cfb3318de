package dev.frontier.testkit;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic actor system for a test: a {@link DequeScheduler} driven by the test's own thread,
 * on a {@link ManualClock} that only this kit moves. Virtual time moves to the next timer when
 * nothing else can run (as kotlinx-coroutines-test's {@code runTest}): a test of a 30-second
 * timeout runs in microseconds, and the same test runs the same way every time.
 *
 * <pre>{@code
 * @ExtendWith(FrontierExtension.class)
 * class GreeterTest {
 *     @Test
 *     void greets(TestKit kit) {
 *         TestProbe<String> probe = kit.createProbe();
 *         kit.system().<String>spawnHandler("greeter", (ctx, name) -> ctx.send(ctx.sender(), "hello " + name));
 *         probe.send("greeter", "bob");
 *         probe.expectMessage("hello bob");
 *     }
 * }
 * }</pre>
 *
 * <p>Actor failures are recorded ({@link #failures()}, {@link #assertNoFailures()}) and logged at
 * DEBUG, not at ERROR: a test that provokes failures stays quiet.
 *
 * <p><b>Note:</b> this class is not threadsafe. Use it from the thread that created it (the test's),
 * which is the scheduler's thread.
 */
public final class TestKit implements AutoCloseable {

    /** How long {@code expect...} calls wait by default, in virtual time (Akka's default too). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** How long {@code expectNoMessage()} watches by default, in virtual time (Akka's default too). */
    public static final Duration DEFAULT_NO_MESSAGE = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(TestKit.class);

    private final ManualClock clock = new ManualClock();
    private final DequeScheduler system;
    private final long origin;
    private final List<ActorFailure> failures = new ArrayList<>();
    private Duration idleLimit = Duration.ofHours(1);
    private int probes;

    private TestKit(ActorSystemOptions options) {
        this.system = DequeScheduler.create(options.withClock(clock).withErrorHandler(this::failed));
        this.origin = clock.nanoTime();
    }

    /** A kit with default options. */
    public static TestKit create() {
        return create(ActorSystemOptions.defaults());
    }

    /** A kit with these options; its clock and error handler replace the ones in {@code options}. */
    public static TestKit create(ActorSystemOptions options) {
        return new TestKit(Objects.requireNonNull(options, "options"));
    }

    private void failed(ActorFailure f) {
        failures.add(f);
        LOG.debug("{}", f.describe(), f.cause());
    }

    /** The system under test. Spawn and send from the test thread. */
    public DequeScheduler system() {
        return system;
    }

    /** The virtual clock; {@link #advance} is the usual way to move it. */
    public ManualClock clock() {
        return clock;
    }

    /** Virtual time since the kit was made. */
    public Duration now() {
        return Duration.ofNanos(clock.nanoTime() - origin);
    }

    /** {@code system().spawn(name, body)}. */
    public <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return system.spawn(name, body);
    }

    /** {@code system().spawnHandler(name, handler)}. */
    public <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return system.spawnHandler(name, handler);
    }

    /** Sends from outside any actor. */
    public void send(String name, Object message) {
        system.send(name, message);
    }

    /** A probe named {@code probe-N}. */
    public <M> TestProbe<M> createProbe() {
        return createProbe("probe-" + ++probes);
    }

    /** A probe: an actor named {@code name} that keeps what it receives for the test to check. */
    public <M> TestProbe<M> createProbe(String name) {
        return new TestProbe<>(this, name);
    }

    /** Delivers everything that can be delivered now, without moving time; returns how much it did. */
    public long run() {
        return system.run();
    }

    /**
     * Runs until nothing is left: delivers, and whenever nothing can run, moves virtual time to the
     * next timer. Returns the virtual time it moved.
     *
     * @throws IllegalStateException still busy after the idle limit (default 1 h of virtual time):
     *     a timer re-arms itself forever; use {@link #advance} for such systems
     */
    public Duration runUntilIdle() {
        long from = clock.nanoTime();
        long limit = from + idleLimit.toNanos();
        for (;;) {
            system.run();
            OptionalLong next = system.nextTimerDeadline();
            if (next.isEmpty()) {
                return Duration.ofNanos(clock.nanoTime() - from);
            }
            if (next.getAsLong() - limit > 0) {
                throw new IllegalStateException("still busy after " + idleLimit + " of virtual time: "
                        + system.pendingTimers() + " timer(s) pending, the next at +" + millis(next.getAsLong() - origin)
                        + " ms; an actor may re-arm a timer forever: use advance(Duration) instead");
            }
            moveTo(next.getAsLong());
        }
    }

    /** How much virtual time {@link #runUntilIdle()} may move before it gives up (default 1 h). */
    public TestKit withIdleLimit(Duration limit) {
        this.idleLimit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    /**
     * Moves virtual time forward by {@code d}, firing each timer at its own deadline (in deadline
     * order, delivering what each one causes before the next), then delivers what is due at the end.
     */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + d);
        }
        runUntil(() -> false, d);
    }

    /**
     * Runs, moving virtual time timer by timer, until {@code done} holds or {@code timeout} of virtual
     * time has passed; returns whether it holds. On success, time stays where it came true; otherwise
     * it is {@code timeout} later.
     */
    public boolean runUntil(BooleanSupplier done, Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        for (;;) {
            system.run();
            if (done.getAsBoolean()) {
                return true;
            }
            OptionalLong next = system.nextTimerDeadline();
            if (next.isPresent() && next.getAsLong() - deadline <= 0) {
                moveTo(next.getAsLong());
            } else {
                moveTo(deadline);
                system.run();
                return done.getAsBoolean();
            }
        }
    }

    private void moveTo(long reading) {
        long now = clock.nanoTime();
        if (reading - now > 0) {
            clock.advance(Duration.ofNanos(reading - now));
        }
    }

    /** Failures of actors so far (oldest first). */
    public List<ActorFailure> failures() {
        return List.copyOf(failures);
    }

    /** Fails the test if any actor has failed, naming each failure. */
    public void assertNoFailures() {
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(failures.size() + " actor failure(s):");
            for (ActorFailure f : failures) {
                b.append("\n  ").append(f.describe());
            }
            AssertionError e = new AssertionError(b.toString());
            failures.forEach(f -> e.addSuppressed(f.cause()));
            throw e;
        }
    }

    /** Shuts the system down: every actor is closed. */
    @Override
    public void close() {
        system.shutdown();
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
