package dev.frontier.scheduler;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: inject it with {@link ActorSystemOptions#withClock},
 * {@link #advance} it, then drive the scheduler ({@code run()}) to fire the timers now due.
 * Thread-safe.
 */
public final class ManualClock implements SchedulerClock {

    private final AtomicLong now = new AtomicLong();

    /** A clock at 0 ns, that stays there until {@link #advance advanced}. */
    public ManualClock() {
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /**
     * Moves time forward by {@code d}. Timers now due fire when the scheduler next runs, not here.
     *
     * @param d how far; zero or positive; must not be null
     * @throws IllegalArgumentException {@code d} is negative
     */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + d);
        }
        now.addAndGet(d.toNanos());
    }
}
