package dev.frontier.actor;

import java.time.Duration;
import java.util.Objects;

/**
 * Restart with backoff (Akka's {@code restartWithBackoff}): the n-th restart in a row waits
 * {@code min(max, min * 2^n) * (1 + random * randomFactor)}, with {@code random} uniform in [0, 1).
 * The count goes back to zero once the child has run for {@link #resetAfter()} without failing.
 * The messages sent to the child while it waits stay in its mailbox.
 *
 * <p>With backoff, a supervisor's limit is {@link #maxRestarts()} restarts in a row (default: no
 * limit), not the intensity. The random numbers come from a generator seeded with
 * {@link #withSeed(long)}, so a test sees the same delays every run. Immutable.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private final double randomFactor;
    private final Duration resetAfter;
    private final int maxRestarts;
    private final long seed;
    private final boolean seeded;

    private Backoff(Duration min, Duration max, double randomFactor, Duration resetAfter, int maxRestarts,
                    long seed, boolean seeded) {
        this.min = min;
        this.max = max;
        this.randomFactor = randomFactor;
        this.resetAfter = resetAfter;
        this.maxRestarts = maxRestarts;
        this.seed = seed;
        this.seeded = seeded;
    }

    /**
     * Delays from {@code min} doubling up to {@code max}, each stretched by up to {@code randomFactor}
     * (0.2: up to 20% longer). The count resets after {@code min} without a failure (Akka's default).
     *
     * @param min the first delay; must be positive
     * @param max the longest delay before the random stretch; at least {@code min}
     * @param randomFactor how much longer a delay may be at random, within [0, 1]
     * @return a backoff with no limit on restarts in a row and an unseeded random stretch
     * @throws IllegalArgumentException a bound or the factor is out of range
     */
    public static Backoff of(Duration min, Duration max, double randomFactor) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("the minimum backoff must be positive: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the maximum backoff " + max + " is below the minimum " + min);
        }
        if (!(randomFactor >= 0 && randomFactor <= 1)) {
            throw new IllegalArgumentException("the random factor must be within [0, 1]: " + randomFactor);
        }
        return new Backoff(min, max, randomFactor, min, -1, 0, false);
    }

    /**
     * The count of restarts in a row goes back to zero after the child ran this long without failing.
     *
     * @param quiet how long the child must run without failing; must not be null
     * @return a copy with this reset time
     */
    public Backoff withResetAfter(Duration quiet) {
        Objects.requireNonNull(quiet, "quiet");
        return new Backoff(min, max, randomFactor, quiet, maxRestarts, seed, seeded);
    }

    /**
     * At most this many restarts in a row; one more failure makes the supervisor give up (escalate).
     *
     * @param restarts the most restarts in a row, 0 or more (0: the first failure gives up)
     * @return a copy with this limit
     * @throws IllegalArgumentException {@code restarts} is negative
     */
    public Backoff withMaxRestarts(int restarts) {
        if (restarts < 0) {
            throw new IllegalArgumentException("max restarts must not be negative: " + restarts);
        }
        return new Backoff(min, max, randomFactor, resetAfter, restarts, seed, seeded);
    }

    /**
     * Seeds the random stretch, so the delays are the same every run (tests). Unseeded, each
     * supervisor draws from a randomly seeded generator.
     *
     * @param s the seed
     * @return a copy with this seed
     */
    public Backoff withSeed(long s) {
        return new Backoff(min, max, randomFactor, resetAfter, maxRestarts, s, true);
    }

    /** {@return the first delay, before the random stretch} */
    public Duration min() {
        return min;
    }

    /** {@return the longest delay before the random stretch} */
    public Duration max() {
        return max;
    }

    /** {@return how much longer a delay may be at random, within [0, 1] (0.2: up to 20%)} */
    public double randomFactor() {
        return randomFactor;
    }

    /** {@return how long the child must run without failing for the count of restarts in a row to reset} */
    public Duration resetAfter() {
        return resetAfter;
    }

    /** {@return the most restarts in a row, or -1 for no limit} */
    public int maxRestarts() {
        return maxRestarts;
    }

    /** {@return the seed given with {@link #withSeed}, or empty if unseeded} */
    public java.util.OptionalLong seed() {
        return seeded ? java.util.OptionalLong.of(seed) : java.util.OptionalLong.empty();
    }

    /**
     * The delay before restart number {@code restartsInARow} (0: the first), given {@code random}
     * in [0, 1): {@code min(max, min * 2^n) * (1 + random * randomFactor)}.
     *
     * @param restartsInARow how many restarts in a row came before this one (0: the first)
     * @param random a number in [0, 1) choosing the stretch
     * @return the delay; {@code max} if the stretched delay overflows a {@code Duration} of nanoseconds
     */
    public Duration delay(int restartsInARow, double random) {
        double base = min.toNanos() * Math.pow(2, Math.min(restartsInARow, 62));
        double capped = Math.min(max.toNanos(), base);
        double stretched = capped * (1.0 + random * randomFactor);
        return stretched >= Long.MAX_VALUE ? max : Duration.ofNanos((long) stretched);
    }

    @Override
    public String toString() {
        return "backoff " + min.toMillis() + ".." + max.toMillis() + " ms, random factor " + randomFactor
                + ", reset after " + resetAfter.toMillis() + " ms"
                + (maxRestarts >= 0 ? ", at most " + maxRestarts + " in a row" : "");
    }
}
