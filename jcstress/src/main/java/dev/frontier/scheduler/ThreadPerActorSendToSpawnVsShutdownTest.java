package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorOptions.Overflow;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Thread-per-actor: a send by name to an actor being spawned, against {@code shutdown()}. The
 * sender may find the name between its registration and its start; if the shutdown then refuses
 * the spawn, the message must still become a dead letter (the stress test once saw a whole
 * mailbox lost this way, and a back-pressure sender stuck on a room nobody gave back).
 *
 * <p>Result: spawn returned (1), refused (0) or threw something else (2); messages delivered plus
 * dead letters (always 1); bodies started but not closed; terminated.
 */
@JCStressTest
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "refused: the message is a dead letter")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "spawned and closed: the message delivered or a dead letter")
@Outcome(expect = FORBIDDEN, desc = "the message lost, the actor left unclosed, or a wrong exception")
@State
public class ThreadPerActorSendToSpawnVsShutdownTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    int spawned;
    volatile int delivered;
    volatile int started;
    volatile int closed;
    volatile Thread thread;

    @Actor
    public void spawner() {
        spawned = Harness.spawnOutcome(() -> s.<String>spawn("a", ActorOptions.defaults().withMailbox(4, Overflow.BACK_PRESSURE), ctx -> {
            thread = Thread.currentThread();
            started = 1;
            try {
                while (true) {
                    ctx.receive();
                    delivered++;
                }
            } finally {
                closed = 1;
            }
        }));
    }

    /** Sends, then shuts down: the send can find the name just before the shutdown refuses the spawn. */
    @Actor
    public void senderThenShutter() {
        s.send("a", Harness.M);
        s.shutdown();
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = Harness.finish(s);
        r.r1 = spawned;
        r.r2 = delivered + (int) s.deadLetters().count();
        r.r3 = started - closed + Harness.stillAlive(thread);
    }
}
