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
 * Deque scheduler: a send by name to an actor being spawned from another thread, against
 * {@code shutdown()}. The sender may find the name between its registration and the spawn's
 * refusal; the message must still be delivered or become a dead letter, and a body that started
 * must be closed (its {@code finally} run), whether or not it was ever launched.
 *
 * <p>Result: spawn returned (1), refused (0) or threw something else (2); messages delivered plus
 * dead letters (always 1); bodies started but not closed; terminated.
 */
@JCStressTest
@Outcome(id = "0, 1, 0, 1", expect = ACCEPTABLE, desc = "refused: the message is a dead letter or was delivered")
@Outcome(id = "1, 1, 0, 1", expect = ACCEPTABLE, desc = "spawned and closed: the message delivered or a dead letter")
@Outcome(expect = FORBIDDEN, desc = "the message lost, the actor left unclosed, or a wrong exception")
@State
public class DequeSendToSpawnVsShutdownTest {

    final DequeScheduler s = Harness.handDriven();
    int spawned;
    /** Scheduler thread only. */
    int delivered;
    int started;
    int closed;

    /**
     * The scheduler thread sends (straight into the actor's mailbox, if it finds the name), runs,
     * and shuts down: the send can find the name just before the shutdown refuses the spawn.
     */
    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.send("a", Harness.M);
        s.runOnce();
        s.shutdown();
    }

    @Actor
    public void spawner() {
        spawned = Harness.spawnOutcome(() -> s.<String>spawn("a", ActorOptions.defaults().withMailbox(4, Overflow.BACK_PRESSURE), ctx -> {
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

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r4 = Harness.finish(s);
        r.r1 = spawned;
        r.r2 = delivered + (int) s.deadLetters().count();
        r.r3 = started - closed;
    }
}
