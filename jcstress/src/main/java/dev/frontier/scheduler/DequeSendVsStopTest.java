package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorRef;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Deque scheduler: a send from another thread against {@code stop} of its target. The message is
 * delivered (it came first) or becomes a dead letter, exactly once; {@code stop} frees the name.
 *
 * <p>Result: delivered, dead letters, exceptions, stop returned true, terminated.
 */
@Outcome(id = "1, 0, 0, 1, 1", expect = ACCEPTABLE, desc = "delivered, then stopped")
@Outcome(id = "0, 1, 0, 1, 1", expect = ACCEPTABLE, desc = "stopped first: a dead letter")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, thrown, or the stop missed")
public class DequeSendVsStopTest {

    /**
     * Stop on the scheduler thread (between two duty cycles) against a send through a reference
     * from another thread: a message that reaches the mailbox after the stop finds the actor ended.
     */
    @JCStressTest
    @JCStressMeta(DequeSendVsStopTest.class)
    @State
    public static class StopOnTheSchedulerThread {
        final DequeScheduler s = Harness.handDriven();
        int delivered;
        final ActorRef<String> sink;
        int thrown;
        int stopped;

        public StopOnTheSchedulerThread() {
            sink = s.spawnHandler("sink", (ctx, m) -> delivered++);
        }

        @Actor
        public void scheduler() {
            Harness.drive(s);
            s.runOnce();
            stopped = s.stop("sink") ? 1 : 0;
            s.runOnce();
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
        public void arbiter(IIIII_Result r) {
            r.r5 = Harness.finish(s);
            r.r1 = delivered;
            r.r2 = (int) s.deadLetters().count();
            r.r3 = thrown + (int) s.failureCount();
            r.r4 = stopped;
        }
    }

    /**
     * Stop from another thread (it frees the name, then sends its command through the inbox)
     * against a send by name: the name is found (delivered, as the stop's command runs after it) or
     * already free (a dead letter at once).
     */
    @JCStressTest
    @JCStressMeta(DequeSendVsStopTest.class)
    @State
    public static class StopFromAnotherThread {
        final DequeScheduler s = Harness.handDriven();
        int delivered;
        int thrown;
        int stopped;

        public StopFromAnotherThread() {
            s.spawnHandler("sink", (ctx, m) -> delivered++);
        }

        @Actor
        public void stopper() {
            stopped = s.stop("sink") ? 1 : 0;
        }

        @Actor
        public void sender() {
            try {
                s.send("sink", Harness.M);
            } catch (RuntimeException e) {
                thrown++;
            }
        }

        @Arbiter
        public void arbiter(IIIII_Result r) {
            r.r5 = Harness.finish(s);
            r.r1 = delivered;
            r.r2 = (int) s.deadLetters().count();
            r.r3 = thrown + (int) s.failureCount();
            r.r4 = stopped;
        }
    }
}
