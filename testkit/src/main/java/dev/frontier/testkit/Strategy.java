package dev.frontier.testkit;

import dev.frontier.scheduler.ScheduleStep;
import dev.frontier.scheduler.ScheduleStrategy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the explorer chooses among enabled steps: a factory of one {@link ScheduleStrategy} per
 * schedule, made from that schedule's seed. Every decision comes from the seed: no hash order, no
 * identity hash codes, no clock.
 */
public interface Strategy {

    /** {@return a short name for reports ("random", "pct(3)")} */
    String name();

    /**
     * The strategy for one schedule.
     *
     * @param seed the schedule's seed
     * @param expectedSteps about how many steps a run of the scenario takes (the explorer passes the
     *     length of one run in the default order; PCT places its priority change points within it)
     * @return a new strategy, its decisions drawn from {@code seed} alone
     */
    ScheduleStrategy forSeed(long seed, int expectedSteps);

    /** {@return a strategy that picks uniformly at random among the enabled steps: a random walk} */
    static Strategy random() {
        return new Strategy() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public ScheduleStrategy forSeed(long seed, int expectedSteps) {
                SplittableRandom r = new SplittableRandom(seed);
                return enabled -> enabled.size() == 1 ? 0 : r.nextInt(enabled.size());
            }
        };
    }

    /**
     * Always the first enabled step: the oldest channel first. No exploration; a baseline close to
     * the plain scheduler's FIFO order.
     *
     * @return a strategy that always picks step 0
     */
    static Strategy fifo() {
        return new Strategy() {
            @Override
            public String name() {
                return "fifo";
            }

            @Override
            public ScheduleStrategy forSeed(long seed, int expectedSteps) {
                return enabled -> 0;
            }
        };
    }

    /** {@return {@link #pct(int) PCT} with depth 3} */
    static Strategy pct() {
        return pct(3);
    }

    /**
     * PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS
     * 2010; Coyote's "prioritization"): every operation (a channel, an actor's turn, a timer) gets a
     * random priority when first seen, the enabled step of highest priority runs, and at
     * {@code depth - 1} random points in the run the operation just run drops below all others. A bug
     * that needs {@code d} ordering constraints is found with probability at least 1/(n k^(d-1)) per
     * schedule, n operations and k steps.
     *
     * @param depth the number of ordering constraints it targets, at least 1 (1: no change points)
     * @return a PCT strategy of that depth
     * @throws IllegalArgumentException {@code depth} is below 1
     */
    static Strategy pct(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth is at least 1: " + depth);
        }
        return new Strategy() {
            @Override
            public String name() {
                return "pct(" + depth + ")";
            }

            @Override
            public ScheduleStrategy forSeed(long seed, int expectedSteps) {
                return new Pct(new SplittableRandom(seed), depth, Math.max(1, expectedSteps));
            }
        };
    }

    /** PCT's state for one schedule. */
    final class Pct implements ScheduleStrategy {
        private final SplittableRandom random;
        private final int depth;
        /** Lookup only, never iterated. */
        private final HashMap<String, Double> priority = new HashMap<>();
        private final int[] changePoints;
        private int step;

        Pct(SplittableRandom random, int depth, int k) {
            this.random = random;
            this.depth = depth;
            this.changePoints = new int[depth - 1];
            for (int i = 0; i < changePoints.length; i++) {
                changePoints[i] = 1 + random.nextInt(k);
            }
            Arrays.sort(changePoints);
        }

        @Override
        public int choose(List<? extends ScheduleStep> enabled) {
            step++;
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < enabled.size(); i++) {
                String key = enabled.get(i).key();
                Double p = priority.get(key);
                if (p == null) {
                    p = depth + random.nextDouble();
                    priority.put(key, p);
                }
                if (p > top) {
                    top = p;
                    best = i;
                }
            }
            for (int i = 0; i < changePoints.length; i++) {
                if (changePoints[i] == step) {
                    // the i-th change point's priority is i (1-based): below every initial one (>= depth)
                    priority.put(enabled.get(best).key(), (double) (i + 1));
                }
            }
            return best;
        }
    }
}
