package dev.frontier.scheduler;

import dev.frontier.actor.Cancellable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One scheduled action in a {@link DequeScheduler}'s timer heap. Settled once, by whichever comes
 * first: firing (on the scheduler thread) or {@link #cancel()} (any thread). A cancelled timer
 * stays in the heap until its deadline passes and is then dropped.
 */
final class Timer extends AtomicBoolean implements Cancellable, Comparable<Timer> {
    private static final long serialVersionUID = 1L;

    final long deadline;
    final transient Runnable action;
    /** Tie-breaker: timers with one deadline fire in the order they were set. */
    long sequence;

    Timer(long deadline, Runnable action) {
        this.deadline = deadline;
        this.action = action;
    }

    /** Runs the action unless cancelled. Must only be called from the scheduler thread. */
    boolean fire() {
        if (compareAndSet(false, true)) {
            action.run();
            return true;
        }
        return false;
    }

    @Override
    public boolean cancel() {
        return compareAndSet(false, true);
    }

    @Override
    public int compareTo(Timer o) {
        int byTime = Long.compare(deadline - o.deadline, 0);
        return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
    }
}
