package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorRef;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Deque scheduler: {@code stop} from another thread against shutdown. The stop frees the name at
 * once and sends its command; whichever way they interleave, the actor is closed exactly once (its
 * finally ran) and the message waiting in its mailbox is a dead letter. StressTest found the
 * interleaving this pins down: the name freed, then the shutdown (which found actors by name),
 * then the stop's command too late for the inbox: nobody closed the actor.
 *
 * <p>Result: stop returned true, the actor is still alive, times its finally ran, dead letters, terminated.
 */
@JCStressTest
@Outcome(id = "1, 0, 1, 1, 1", expect = ACCEPTABLE, desc = "the stop took the name; one of them closed the actor")
@Outcome(id = "0, 0, 1, 1, 1", expect = ACCEPTABLE, desc = "the shutdown closed the actor first; the stop found no name")
@Outcome(expect = FORBIDDEN, desc = "left open, closed twice, or its message lost")
@State
public class DequeStopVsShutdownTest {

    final DequeScheduler s = Harness.handDriven();
    final ActorRef<String> a;
    int stopped;
    /** Scheduler thread only. */
    int closed;

    public DequeStopVsShutdownTest() {
        a = s.spawn("a", ctx -> {
            try {
                ctx.await(new CompletableFuture<>());
            } finally {
                closed++;
            }
        });
        a.send("queued"); // never taken: a dead letter when the actor is closed
    }

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce();
        s.shutdown();
    }

    @Actor
    public void stopper() {
        stopped = s.stop("a") ? 1 : 0;
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        r.r5 = Harness.finish(s);
        r.r1 = stopped;
        r.r2 = a.isAlive() ? 1 : 0;
        r.r3 = closed;
        r.r4 = (int) s.deadLetters().count() + (int) s.failureCount();
    }
}
