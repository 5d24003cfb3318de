package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.Cancellable;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Deque scheduler: a due {@code sendAfter} firing on the scheduler thread against {@code cancel()}
 * from another thread. Settled exactly once: delivered and the cancel returns false, or cancelled
 * (true) and never delivered; either way the timer leaves the heap and nothing is abandoned later.
 *
 * <p>Result: delivered, cancel returned true, dead letters, timers left after the run.
 */
@JCStressTest
@Outcome(id = "1, 0, 0, 0", expect = ACCEPTABLE, desc = "fired first: delivered; the cancel came too late")
@Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE, desc = "cancelled first: never sent")
@Outcome(expect = FORBIDDEN, desc = "both, neither, abandoned, or left in the heap")
@State
public class DequeTimerCancelVsFireTest {

    final DequeScheduler s = Harness.handDriven(Harness.options().withClock(new ManualClock()));
    /** Scheduler thread only. */
    int delivered;
    int cancelled;
    final Cancellable timer;

    public DequeTimerCancelVsFireTest() {
        s.spawnHandler("sink", (ctx, m) -> delivered++);
        timer = s.sendAfter(Duration.ZERO, "sink", Harness.M); // due at once on the manual clock
    }

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce(); // takes the timer from the inbox into the heap
        s.runOnce(); // fires it
    }

    @Actor
    public void canceller() {
        cancelled = timer.cancel() ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        Harness.drive(s);
        s.run();
        r.r4 = s.pendingTimers();
        s.shutdown();
        r.r1 = delivered;
        r.r2 = cancelled;
        r.r3 = (int) s.deadLetters().count() + (int) s.failureCount();
    }
}
