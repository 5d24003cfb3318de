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
 * Thread-per-actor: the mailbox hand-off against the actor's end. One thread sends the message that
 * makes the actor return; another sends an ordinary message. That message is taken before the end,
 * or it is a dead letter: still in the inbox at the end (the closing drain), or too late for it (the
 * sender drains it), or refused because the actor already ended. Exactly once.
 *
 * <p>Result: delivered, dead letters, exceptions, terminated.
 */
@JCStressTest
@Outcome(id = "1, 0, 0, 1", expect = ACCEPTABLE, desc = "taken before the end")
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "after the end: a dead letter")
@Outcome(expect = FORBIDDEN, desc = "lost, duplicated, or thrown")
@State
public class ThreadPerActorSendVsEndTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    /** Written on the actor's thread; read after its termination completed. */
    int delivered;
    final ActorRef<String> a;
    int thrown;

    public ThreadPerActorSendVsEndTest() {
        a = s.spawn("a", ctx -> {
            while (!"end".equals(ctx.receive())) {
                delivered++;
            }
        });
    }

    @Actor
    public void ender() {
        a.send("end");
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
        a.termination().join();
        r.r4 = Harness.finish(s);
        r.r1 = delivered;
        r.r2 = (int) s.deadLetters().count();
        r.r3 = thrown + (int) s.failureCount();
    }
}
