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

    /** {@return a new kit on {@linkplain ActorSystemOptions#defaults() default options}, its clock at zero} */
    public static TestKit create() {
        return create(ActorSystemOptions.defaults());
    }

    /**
     * {@return a new kit with these options; its clock and error handler replace the ones in {@code options}}
     *
     * @param options the system's other settings; must not be null
     */
    public static TestKit create(ActorSystemOptions options) {
        return new TestKit(Objects.requireNonNull(options, "options"));
    }

    private void failed(ActorFailure f) {
        failures.add(f);
        LOG.debug("{}", f.describe(), f.cause());
    }

    /** {@return the system under test} Spawn and send from the test thread. */
    public DequeScheduler system() {
        return system;
    }

    /** {@return the virtual clock; {@link #advance} is the usual way to move it} */
    public ManualClock clock() {
        return clock;
    }

    /** {@return the virtual time passed since the kit was made} */
    public Duration now() {
        return Duration.ofNanos(clock.nanoTime() - origin);
    }

    /**
     * {@code system().spawn(name, body)}: the actor runs to its first {@code receive} at once.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among live actors; not null or empty
     * @param body the actor's code
     * @return the new actor's reference
     * @throws dev.frontier.actor.DuplicateActorNameException a live actor already has this name
     */
    public <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return system.spawn(name, body);
    }

    /**
     * {@code system().spawnHandler(name, handler)}.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among live actors; not null or empty
     * @param handler called with each message
     * @return the new actor's reference
     * @throws dev.frontier.actor.DuplicateActorNameException a live actor already has this name
     */
    public <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return system.spawnHandler(name, handler);
    }

    /**
     * Sends from outside any actor (its sender is {@code "outside"}); nothing is delivered until the
     * kit runs.
     *
     * @param name the recipient's name; an unknown name makes a dead letter
     * @param message the message; must not be null
     */
    public void send(String name, Object message) {
        system.send(name, message);
    }

    /**
     * {@return a new probe named {@code probe-N}, N counting this kit's unnamed probes from 1}
     *
     * @param <M> the type of messages the probe expects
     */
    public <M> TestProbe<M> createProbe() {
        return createProbe("probe-" + ++probes);
    }

    /**
     * {@return a new probe: an actor named {@code name} that keeps what it receives for the test to check}
     *
     * @param <M> the type of messages the probe expects
     * @param name the probe actor's name, unique among live actors
     * @throws dev.frontier.actor.DuplicateActorNameException a live actor already has this name
     */
    public <M> TestProbe<M> createProbe(String name) {
        return new TestProbe<>(this, name);
    }

    /**
     * Delivers everything that can be delivered now, without moving time.
     *
     * @return how much it did ({@link DequeScheduler#run()}'s count); 0 if nothing could run
     */
    public long run() {
        return system.run();
    }

    /**
     * Runs until nothing is left: delivers, and whenever nothing can run, moves virtual time to the
     * next timer.
     *
     * @return the virtual time it moved; zero if no timer was pending
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

    /**
     * How much virtual time {@link #runUntilIdle()} may move before it gives up (default 1 h).
     *
     * @param limit the most virtual time one {@code runUntilIdle()} may move; must not be null
     * @return this kit, changed
     */
    public TestKit withIdleLimit(Duration limit) {
        this.idleLimit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    /**
     * Moves virtual time forward by {@code d}, firing each timer at its own deadline (in deadline
     * order, delivering what each one causes before the next), then delivers what is due at the end.
     *
     * @param d how far; zero or positive
     * @throws IllegalArgumentException {@code d} is negative
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
     * time has passed. On success, time stays where it came true; otherwise it is {@code timeout} later.
     *
     * @param done checked after each delivery round, on the test thread
     * @param timeout the most virtual time to move
     * @return whether {@code done} holds
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

    /** {@return a copy of the actor failures so far, oldest first; empty if none} */
    public List<ActorFailure> failures() {
        return List.copyOf(failures);
    }

    /**
     * Fails the test if any actor has failed, naming each failure.
     *
     * @throws AssertionError some actor failed; each failure's cause is attached as suppressed
     */
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
