package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * {@link Timer}: settled exactly once by whichever comes first of fire (the host thread), cancel
 * (any thread) and abandon (shutdown). {@code cancel()} returns true only if it settled the timer.
 *
 * <p>Result: the action ran, cancel returned true, the abandon action ran, times the unlink ran.
 */
@Outcome(id = "1, 0, 0, 0", expect = ACCEPTABLE, desc = "fired first; the cancel came too late")
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "cancelled first (and unlinked from its host)")
@Outcome(id = "0, 0, 1, 0", expect = ACCEPTABLE, desc = "abandoned by a shutdown first; the cancel came too late")
@Outcome(expect = FORBIDDEN, desc = "settled twice or never")
public class TimerSettlementTest {

    /** What both races share: a timer due now, counting how it was settled. */
    @State
    public static class Due {
        int fired;
        int abandoned;
        int unlinked;
        int cancelled;
        final Timer timer = new Timer(0, Duration.ZERO, () -> fired++, () -> abandoned++);

        Due() {
            timer.unlink = () -> unlinked++;
        }

        void report(IIII_Result r) {
            r.r1 = fired;
            r.r2 = cancelled;
            r.r3 = abandoned;
            r.r4 = unlinked;
        }
    }

    @JCStressTest
    @JCStressMeta(TimerSettlementTest.class)
    @State
    public static class CancelVsFire extends Due {
        @Actor
        public void host() {
            timer.fire();
        }

        @Actor
        public void canceller() {
            cancelled = timer.cancel() ? 1 : 0;
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }

    @JCStressTest
    @JCStressMeta(TimerSettlementTest.class)
    @State
    public static class CancelVsAbandon extends Due {
        @Actor
        public void shutdown() {
            timer.abandon();
        }

        @Actor
        public void canceller() {
            cancelled = timer.cancel() ? 1 : 0;
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            report(r);
        }
    }
}
