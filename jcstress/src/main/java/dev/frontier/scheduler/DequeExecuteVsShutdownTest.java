package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.RejectedExecutionException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Deque scheduler: {@code execute} from another thread against shutdown. An accepted command runs
 * exactly once (the closing drain still runs it); a refused one never runs and its submitter gets
 * a {@code RejectedExecutionException}. Never accepted and dropped (a task waiting for ever).
 *
 * <p>Result: the submitter was told "rejected", times the command ran, terminated.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "accepted and run (before or during the shutdown)")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "rejected, and the submitter was told")
@Outcome(expect = FORBIDDEN, desc = "accepted but never run, run twice, or run although rejected")
@State
public class DequeExecuteVsShutdownTest {

    final DequeScheduler s = Harness.handDriven();
    int told;
    /** Scheduler thread only. */
    int ran;

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce();
        s.shutdown();
    }

    @Actor
    public void submitter() {
        try {
            s.execute(() -> ran++);
        } catch (RejectedExecutionException e) {
            told = 1;
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = Harness.finish(s);
        r.r1 = told;
        r.r2 = ran;
    }
}
