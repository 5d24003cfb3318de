package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorRef;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Deque scheduler: a send from another thread against shutdown on the scheduler thread. The
 * message is delivered or becomes a dead letter, exactly once, and nothing is thrown at the sender
 * (the inbox's close: a producer too late for the closing drain drains the queue itself).
 *
 * <p>Result: delivered, dead letters, exceptions (at the sender or reported), terminated.
 */
@JCStressTest
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "delivered before the shutdown")
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "a dead letter: drained by the shutdown, or too late for it")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, thrown at the sender, or not terminated")
@State
public class DequeSendVsShutdownTest {

    final DequeScheduler s = Harness.handDriven();
    /** Scheduler thread only. */
    int delivered;
    final ActorRef<String> sink;
    int thrown;

    public DequeSendVsShutdownTest() {
        sink = s.spawnHandler("sink", (ctx, m) -> delivered++);
    }

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce();
        s.shutdown();
    }

    @Actor
    public void sender() {
        try {
            sink.send(Harness.M);
        } catch (RuntimeException e) {
            thrown++;
        }
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = Harness.finish(s);
        r.r1 = delivered;
        r.r2 = (int) s.deadLetters().count();
        r.r3 = thrown + (int) s.failureCount();
    }
}
