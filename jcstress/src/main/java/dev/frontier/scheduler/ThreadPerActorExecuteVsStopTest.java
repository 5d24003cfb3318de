package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorRef;
import java.util.concurrent.RejectedExecutionException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Thread-per-actor: a command for the actor's thread ({@code ctx.executor()}, the path a task's
 * next step takes) against the actor's stop (issue 9, #12: a task scheduled for ever). Accepted
 * and run exactly once (while the actor waits, or by its closing drain), or rejected with the
 * submitter told.
 *
 * <p>Result: the submitter was told "rejected", times the command ran, terminated.
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "accepted and run")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "rejected, and the submitter was told")
@Outcome(expect = FORBIDDEN, desc = "accepted but never run, run twice, or run although rejected")
@State
public class ThreadPerActorExecuteVsStopTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    final ActorRef<String> a;
    int told;
    /** Written on the actor's thread; read after its termination completed. */
    int ran;

    public ThreadPerActorExecuteVsStopTest() {
        a = s.spawn("a", ctx -> {
            while (true) {
                ctx.receive();
            }
        });
    }

    @Actor
    public void submitter() {
        try {
            s.runOnHost((ActorCell<?>) a, () -> ran++);
        } catch (RejectedExecutionException e) {
            told = 1;
        }
    }

    @Actor
    public void stopper() {
        s.stop("a");
    }

    @Arbiter
    public void arbiter(III_Result r) {
        a.termination().join();
        r.r3 = Harness.finish(s);
        r.r1 = told;
        r.r2 = ran;
    }
}
