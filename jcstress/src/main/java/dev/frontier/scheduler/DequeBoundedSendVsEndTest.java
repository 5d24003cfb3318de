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
 * Deque scheduler: a thread blocked for room in a full back-pressure mailbox (its semaphore)
 * against the end of the target on the scheduler thread. The end gives the waiter a place; its
 * message then becomes a dead letter, like the one still queued. The sender neither fails nor
 * waits out its timeout, and the ended actor's mailbox reads empty.
 *
 * <p>Result: dead letters, exceptions, the target's mailbox size after its end, terminated.
 */
@JCStressTest
@Outcome(id = "2, 0, 0, 1", expect = ACCEPTABLE, desc = "both messages are dead letters; the waiting sender went on")
@Outcome(expect = FORBIDDEN, desc = "lost, thrown at the sender, or a wrong mailbox size")
@State
public class DequeBoundedSendVsEndTest {

    final DequeScheduler s = Harness.handDriven();
    final ActorRef<String> target;
    int thrown;

    public DequeBoundedSendVsEndTest() {
        ActorOptions full = ActorOptions.defaults().withMailbox(1, Overflow.BACK_PRESSURE)
                .withBlockTimeout(Duration.ofSeconds(60));
        target = s.spawn("target", full, ctx -> {
            ctx.await(new CompletableFuture<>()); // never takes a message
        });
        target.send("first"); // takes the only place
    }

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce();
        s.stop("target");
    }

    @Actor
    public void sender() {
        try {
            target.send(Harness.M); // waits for room until the target ends
        } catch (RuntimeException e) {
            thrown++;
        }
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = Harness.finish(s);
        r.r1 = (int) s.deadLetters().count();
        r.r2 = thrown + (int) s.failureCount();
        r.r3 = target.mailboxSize();
    }
}
