package dev.frontier.scheduler;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How a scheduler thread waits when a duty cycle found no work: spin, yield or park. Agrona's
 * idea: the duty cycle returns how much it did, and this object decides how to idle.
 *
 * <p><b>Note:</b> an instance is not threadsafe; each scheduler thread has its own.
 */
public interface IdleStrategy {

    /**
     * Called after each duty cycle with the work it did; idles only when {@code workCount} is 0.
     * Called from the scheduler thread only.
     *
     * @param workCount what the duty cycle did ({@link DequeScheduler#runOnce()}'s count); 0: no work
     */
    void idle(int workCount);

    /**
     * {@return a new backoff strategy: 100 spins, then 10 yields, then parks from 1 µs doubling up to
     * 1 ms; any work starts it over} The default.
     */
    static IdleStrategy backoff() {
        return new Backoff(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
    }

    /** {@return a strategy that never gives up the core: lowest latency, one core burnt} */
    static IdleStrategy busySpin() {
        return work -> {
            if (work == 0) {
                Thread.onSpinWait();
            }
        };
    }

    /** Spins, yields, then parks with exponential backoff. A wakeup's unpark ends a park early. */
    final class Backoff implements IdleStrategy {
        private final int maxSpins;
        private final int maxYields;
        private final long minParkNanos;
        private final long maxParkNanos;
        private int spins;
        private int yields;
        private long parkNanos;

        Backoff(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos) {
            this.maxSpins = maxSpins;
            this.maxYields = maxYields;
            this.minParkNanos = minParkNanos;
            this.maxParkNanos = maxParkNanos;
            this.parkNanos = minParkNanos;
        }

        @Override
        public void idle(int workCount) {
            if (workCount > 0) {
                spins = 0;
                yields = 0;
                parkNanos = minParkNanos;
            } else if (spins < maxSpins) {
                spins++;
                Thread.onSpinWait();
            } else if (yields < maxYields) {
                yields++;
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, parkNanos);
                parkNanos = Math.min(parkNanos << 1, maxParkNanos);
            }
        }
    }
}
