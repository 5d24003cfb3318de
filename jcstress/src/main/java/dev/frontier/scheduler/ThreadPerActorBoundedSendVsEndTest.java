package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorOptions.Overflow;
import dev.frontier.actor.ActorRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Thread-per-actor: a send to a back-pressure mailbox of one place against the target's stop. The
 * places (a semaphore) and the inbox's close agree: the message is a dead letter, like the one sent
 * before; the sender neither fails nor waits out its timeout; the ended actor's mailbox reads empty.
 *
 * <p>Result: dead letters, exceptions, the target's mailbox size after its end, terminated.
 */
@JCStressTest
@Outcome(id = "2, 0, 0, 1", expect = ACCEPTABLE, desc = "both messages are dead letters; the sender went on")
@Outcome(expect = FORBIDDEN, desc = "lost, thrown at the sender, or a wrong mailbox size")
@State
public class ThreadPerActorBoundedSendVsEndTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    final ActorRef<String> target;
    int thrown;

    public ThreadPerActorBoundedSendVsEndTest() {
        ActorOptions one = ActorOptions.defaults().withMailbox(1, Overflow.BACK_PRESSURE)
                .withBlockTimeout(Duration.ofSeconds(60));
        target = s.spawn("target", one, ctx -> {
            ctx.await(new CompletableFuture<>()); // keeps what arrives, takes nothing
        });
        target.send("first");
    }

    @Actor
    public void stopper() {
        s.stop("target");
    }

    @Actor
    public void sender() {
        try {
            target.send(Harness.M);
        } catch (RuntimeException e) {
            thrown++;
        }
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        target.termination().join();
        r.r4 = Harness.finish(s);
        r.r1 = (int) s.deadLetters().count();
        r.r2 = thrown + (int) s.failureCount();
        r.r3 = target.mailboxSize();
    }
}
