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
 * Thread-per-actor: a send against {@code shutdown()} from another thread. Delivered or a dead
 * letter, exactly once; shutdown returns with every actor thread ended.
 *
 * <p>Result: delivered, dead letters, exceptions, terminated.
 */
@JCStressTest
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "taken before the shutdown stopped the actor")
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "a dead letter")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, thrown, or not terminated")
@State
public class ThreadPerActorSendVsShutdownTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    /** Written on the actor's thread; read after termination. */
    int delivered;
    final ActorRef<String> a;
    int thrown;

    public ThreadPerActorSendVsShutdownTest() {
        a = s.spawn("a", ctx -> {
            while (true) {
                ctx.receive();
                delivered++;
            }
        });
    }

    @Actor
    public void shutter() {
        s.shutdown();
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
    public void arbiter(IIII_Result r) {
        r.r4 = Harness.finish(s);
        a.termination().join();
        r.r1 = delivered;
        r.r2 = (int) s.deadLetters().count();
        r.r3 = thrown + (int) s.failureCount();
    }
}
