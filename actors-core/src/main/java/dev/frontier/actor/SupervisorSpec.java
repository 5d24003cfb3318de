package dev.frontier.actor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A supervisor's flags and children (Erlang's {@code init/1} result): a {@link Strategy}, a restart
 * intensity (at most {@code maxRestarts} restarts within {@code period}; Erlang's default 1 in 5 s)
 * or a {@link Backoff}, and the child specs in start order. Immutable; each {@code with...} returns
 * a copy.
 *
 * <pre>{@code
 * ActorRef<Void> bank = system.spawnSupervisor("bank", SupervisorSpec.oneForOne()
 *         .withIntensity(3, Duration.ofSeconds(10))
 *         .child(ChildSpec.of("alice", Account.Msg.class, ctx -> Account.run(ctx, 100)))
 *         .child(ChildSpec.handler("auditor", Auditor::new)));
 * }</pre>
 *
 * When a child needs more restarts than the limit allows, the supervisor stops every child (latest
 * started first) and fails with {@link RestartIntensityExceededException}: its own supervisor, if
 * any, sees that failure. Supervisors nest ({@link ChildSpec#supervisor}).
 */
public final class SupervisorSpec {

    /** Erlang's default intensity: one restart ... */
    public static final int DEFAULT_INTENSITY = 1;
    /** ... within five seconds. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    private final Strategy strategy;
    private final int intensity;
    private final Duration period;
    private final Backoff backoff;
    private final Consumer<SupervisionEvent> listener;
    private final List<ChildSpec<?>> children;

    private SupervisorSpec(Strategy strategy, int intensity, Duration period, Backoff backoff,
                           Consumer<SupervisionEvent> listener, List<ChildSpec<?>> children) {
        this.strategy = strategy;
        this.intensity = intensity;
        this.period = period;
        this.backoff = backoff;
        this.listener = listener;
        this.children = children;
    }

    /** A supervisor with {@code strategy}, Erlang's default intensity and no children yet. */
    public static SupervisorSpec of(Strategy strategy) {
        return new SupervisorSpec(Objects.requireNonNull(strategy, "strategy"), DEFAULT_INTENSITY, DEFAULT_PERIOD, null,
                null, List.of());
    }

    public static SupervisorSpec oneForOne() {
        return of(Strategy.ONE_FOR_ONE);
    }

    public static SupervisorSpec oneForAll() {
        return of(Strategy.ONE_FOR_ALL);
    }

    public static SupervisorSpec restForOne() {
        return of(Strategy.REST_FOR_ONE);
    }

    /**
     * At most {@code maxRestarts} restarts within {@code period} (measured on the system's clock);
     * one more and the supervisor gives up. 0: any restart gives up.
     */
    public SupervisorSpec withIntensity(int maxRestarts, Duration period) {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("the restart intensity must not be negative: " + maxRestarts);
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the restart period must be positive: " + period);
        }
        return new SupervisorSpec(strategy, maxRestarts, period, backoff, listener, children);
    }

    /** Restarts wait with backoff; the limit is then the backoff's {@link Backoff#maxRestarts()}, not the intensity. */
    public SupervisorSpec withBackoff(Backoff b) {
        return new SupervisorSpec(strategy, intensity, period, Objects.requireNonNull(b, "backoff"), listener, children);
    }

    /**
     * Told of every supervision event (a child exited, was restarted, stopped; the supervisor gave up)
     * on the supervisor's host thread. It must not block; what it throws is logged and ignored.
     */
    public SupervisorSpec withListener(Consumer<SupervisionEvent> l) {
        return new SupervisorSpec(strategy, intensity, period, backoff, Objects.requireNonNull(l, "listener"), children);
    }

    /** Adds a child, started after the ones already given. Names must be unique among the children. */
    public SupervisorSpec child(ChildSpec<?> spec) {
        Objects.requireNonNull(spec, "spec");
        Set<String> names = new HashSet<>();
        for (ChildSpec<?> c : children) {
            names.add(c.name());
        }
        if (names.contains(spec.name())) {
            throw new IllegalArgumentException("the supervisor already has a child named '" + spec.name() + "'");
        }
        List<ChildSpec<?>> more = new ArrayList<>(children);
        more.add(spec);
        return new SupervisorSpec(strategy, intensity, period, backoff, listener, List.copyOf(more));
    }

    /** Adds children, in order. */
    public SupervisorSpec children(ChildSpec<?>... specs) {
        SupervisorSpec s = this;
        for (ChildSpec<?> c : specs) {
            s = s.child(c);
        }
        return s;
    }

    public Strategy strategy() {
        return strategy;
    }

    public int intensity() {
        return intensity;
    }

    public Duration period() {
        return period;
    }

    /** The backoff, or null for immediate restarts. */
    public Backoff backoff() {
        return backoff;
    }

    /** The event listener, or null. */
    public Consumer<SupervisionEvent> listener() {
        return listener;
    }

    /** The children in start order. */
    public List<ChildSpec<?>> children() {
        return children;
    }
}
