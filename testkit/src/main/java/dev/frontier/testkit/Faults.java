package dev.frontier.testkit;

import dev.frontier.scheduler.Fault;
import dev.frontier.scheduler.ScheduleStep;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which faults the explorer injects, and how often: for each delivery, with these probabilities,
 * the message is dropped, duplicated, delayed (its channel held for some virtual time, so timers
 * may fire first) or the receiver crashes at it ({@link InjectedCrash}). Decided from the schedule's
 * seed, so a seed replays its faults too. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * explorer.faults(Faults.none().withDrop(0.02).withDelay(0.05, Duration.ofSeconds(1)).onlyTo("bob"))
 * }</pre>
 */
public final class Faults {

    private static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0, Set.of(), Integer.MAX_VALUE);

    final double drop;
    final double duplicate;
    final double delay;
    final Duration delayBy;
    final double crash;
    private final Set<String> receivers;
    final int maxPerRun;

    private Faults(double drop, double duplicate, double delay, Duration delayBy, double crash, Set<String> receivers,
                   int maxPerRun) {
        this.drop = drop;
        this.duplicate = duplicate;
        this.delay = delay;
        this.delayBy = delayBy;
        this.crash = crash;
        this.receivers = receivers;
        this.maxPerRun = maxPerRun;
    }

    /** {@return no faults (the default), on every receiver, no limit per run} */
    public static Faults none() {
        return NONE;
    }

    /**
     * Each delivery is lost with probability {@code p}.
     *
     * @param p the probability, within [0, 1]
     * @return a copy with this drop rate
     * @throws IllegalArgumentException {@code p} is outside [0, 1]
     */
    public Faults withDrop(double p) {
        return new Faults(check(p), duplicate, delay, delayBy, crash, receivers, maxPerRun);
    }

    /**
     * Each delivery happens twice with probability {@code p} (the copy is its channel's next message).
     *
     * @param p the probability, within [0, 1]
     * @return a copy with this duplication rate
     * @throws IllegalArgumentException {@code p} is outside [0, 1]
     */
    public Faults withDuplicate(double p) {
        return new Faults(drop, check(p), delay, delayBy, crash, receivers, maxPerRun);
    }

    /**
     * Each delivery is held back for {@code by} of virtual time with probability {@code p}.
     *
     * @param p the probability, within [0, 1]
     * @param by how long its channel is held; must be positive
     * @return a copy with this delay rate and delay
     * @throws IllegalArgumentException {@code p} is outside [0, 1], or {@code by} is not positive
     */
    public Faults withDelay(double p, Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("a delay must be positive: " + by);
        }
        return new Faults(drop, duplicate, check(p), by, crash, receivers, maxPerRun);
    }

    /**
     * The receiver crashes at a delivery with probability {@code p}, failing with an {@link InjectedCrash}.
     *
     * @param p the probability, within [0, 1]
     * @return a copy with this crash rate
     * @throws IllegalArgumentException {@code p} is outside [0, 1]
     */
    public Faults withCrash(double p) {
        return new Faults(drop, duplicate, delay, delayBy, check(p), receivers, maxPerRun);
    }

    /**
     * Faults only on deliveries to these actors.
     *
     * @param actors receivers' names, replacing those given before; none: every receiver
     * @return a copy limited to these receivers
     * @throws IllegalArgumentException a name is given twice
     */
    public Faults onlyTo(String... actors) {
        return new Faults(drop, duplicate, delay, delayBy, crash, Set.of(actors), maxPerRun);
    }

    /**
     * At most {@code n} faults in one run (default: no limit).
     *
     * @param n the most faults per schedule, 0 or more
     * @return a copy with this limit
     * @throws IllegalArgumentException {@code n} is negative
     */
    public Faults withMaxPerRun(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        return new Faults(drop, duplicate, delay, delayBy, crash, receivers, n);
    }

    boolean isNone() {
        return drop + duplicate + delay + crash == 0;
    }

    private static double check(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability is between 0 and 1: " + p);
        }
        return p;
    }

    /** The fault for one delivery, drawn from {@code random}. */
    Fault decide(ScheduleStep delivery, SplittableRandom random) {
        if (!receivers.isEmpty() && !receivers.contains(delivery.receiver())) {
            return Fault.NONE;
        }
        double x = random.nextDouble();
        if ((x -= drop) < 0) {
            return Fault.DROP;
        }
        if ((x -= duplicate) < 0) {
            return Fault.DUPLICATE;
        }
        if ((x -= delay) < 0) {
            return Fault.delay(delayBy);
        }
        if ((x -= crash) < 0) {
            return Fault.crash(new InjectedCrash(delivery.receiver(), delivery.message()));
        }
        return Fault.NONE;
    }

    @Override
    public String toString() {
        return isNone() ? "no faults" : "faults(drop " + drop + ", duplicate " + duplicate + ", delay " + delay + " by "
                + delayBy.toMillis() + " ms, crash " + crash + (receivers.isEmpty() ? "" : ", only to " + receivers) + ")";
    }
}
