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

    /**
     * {@return a supervisor with {@code strategy}, Erlang's default intensity and no children yet}
     *
     * @param strategy which children a restart takes down; must not be null
     */
    public static SupervisorSpec of(Strategy strategy) {
        return new SupervisorSpec(Objects.requireNonNull(strategy, "strategy"), DEFAULT_INTENSITY, DEFAULT_PERIOD, null,
                null, List.of());
    }

    /** {@return a one-for-one supervisor, {@code of(Strategy.ONE_FOR_ONE)}: a failed child restarts alone} */
    public static SupervisorSpec oneForOne() {
        return of(Strategy.ONE_FOR_ONE);
    }

    /** {@return a one-for-all supervisor, {@code of(Strategy.ONE_FOR_ALL)}: a failed child restarts every child} */
    public static SupervisorSpec oneForAll() {
        return of(Strategy.ONE_FOR_ALL);
    }

    /**
     * {@return a rest-for-one supervisor, {@code of(Strategy.REST_FOR_ONE)}: a failed child restarts
     * with the children started after it}
     */
    public static SupervisorSpec restForOne() {
        return of(Strategy.REST_FOR_ONE);
    }

    /**
     * At most {@code maxRestarts} restarts within {@code period} (measured on the system's clock);
     * one more and the supervisor gives up. 0: any restart gives up.
     *
     * @param maxRestarts the most restarts within {@code period}, 0 or more
     * @param period the sliding window; must be positive
     * @return a copy with this intensity
     * @throws IllegalArgumentException {@code maxRestarts} is negative or {@code period} is not positive
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

    /**
     * Restarts wait with backoff; the limit is then the backoff's {@link Backoff#maxRestarts()}, not the intensity.
     *
     * @param b the backoff; must not be null
     * @return a copy with this backoff
     */
    public SupervisorSpec withBackoff(Backoff b) {
        return new SupervisorSpec(strategy, intensity, period, Objects.requireNonNull(b, "backoff"), listener, children);
    }

    /**
     * Told of every supervision event (a child exited, was restarted, stopped; the supervisor gave up)
     * on the supervisor's host thread. It must not block; what it throws is logged and ignored.
     *
     * @param l the listener, replacing any given before; must not be null
     * @return a copy with this listener
     */
    public SupervisorSpec withListener(Consumer<SupervisionEvent> l) {
        return new SupervisorSpec(strategy, intensity, period, backoff, Objects.requireNonNull(l, "listener"), children);
    }

    /**
     * Adds a child, started after the ones already given. Names must be unique among the children.
     *
     * @param spec the child; must not be null
     * @return a copy with the child added last
     * @throws IllegalArgumentException a child with this name was already added
     */
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

    /**
     * Adds children, in order, as {@link #child} does for each.
     *
     * @param specs the children, started in this order after the ones already given
     * @return a copy with the children added
     * @throws IllegalArgumentException two children would share a name
     */
    public SupervisorSpec children(ChildSpec<?>... specs) {
        SupervisorSpec s = this;
        for (ChildSpec<?> c : specs) {
            s = s.child(c);
        }
        return s;
    }

    /** {@return which children a restart takes down} */
    public Strategy strategy() {
        return strategy;
    }

    /** {@return the most restarts within {@link #period()} (not used with a backoff)} */
    public int intensity() {
        return intensity;
    }

    /** {@return the window in which at most {@link #intensity()} restarts are allowed} */
    public Duration period() {
        return period;
    }

    /** {@return the backoff, or null for immediate restarts} */
    public Backoff backoff() {
        return backoff;
    }

    /** {@return the event listener, or null if none} */
    public Consumer<SupervisionEvent> listener() {
        return listener;
    }

    /** {@return the children in start order (immutable)} */
    public List<ChildSpec<?>> children() {
        return children;
    }
}
