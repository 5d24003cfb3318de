package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorRef;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Thread-per-actor: a send against {@code stop} from another thread. The stop is raised at the
 * actor's next wait, ahead of waiting mail, so the message is taken only if the actor took it
 * before the stop was asked for; otherwise it is a dead letter. Exactly once.
 *
 * <p>Result: delivered, dead letters, exceptions, stop returned true, terminated.
 */
@JCStressTest
@Outcome(id = "1, 0, 0, 1, 1", expect = ACCEPTABLE, desc = "taken, then stopped")
@Outcome(id = "0, 1, 0, 1, 1", expect = ACCEPTABLE, desc = "stopped first: a dead letter")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, thrown, or the stop missed")
@State
public class ThreadPerActorSendVsStopTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    /** Written on the actor's thread; read after its termination completed. */
    int delivered;
    final ActorRef<String> a;
    int thrown;
    int stopped;

    public ThreadPerActorSendVsStopTest() {
        a = s.spawn("a", ctx -> {
            while (true) {
                ctx.receive();
                delivered++;
            }
        });
    }

    @Actor
    public void stopper() {
        stopped = s.stop("a") ? 1 : 0;
    }

    @Actor
    public void sender() {
        try {
            a.send(Harness.M);
        } catch (RuntimeException e) {
            thrown++;
        }
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        a.termination().join();
        r.r5 = Harness.finish(s);
        r.r1 = delivered;
        r.r2 = (int) s.deadLetters().count();
        r.r3 = thrown + (int) s.failureCount();
        r.r4 = stopped;
    }
}
