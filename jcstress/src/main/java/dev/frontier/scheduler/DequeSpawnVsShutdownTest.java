package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Deque scheduler: a spawn from another thread against shutdown. The spawn is refused (an
 * {@code IllegalStateException}), or the actor is registered and then closed by the shutdown; if
 * its body started, its {@code finally} ran. Never registered and left behind.
 *
 * <p>Result: spawn returned (1), was refused (0) or threw something else (2); body started;
 * finally ran; names still registered; terminated.
 */
@JCStressTest
@Outcome(id = "0, 0, 0, 0, 1", expect = ACCEPTABLE, desc = "refused: the shutdown came first")
@Outcome(id = "1, 0, 0, 0, 1", expect = ACCEPTABLE, desc = "spawned, then closed before its body ran")
@Outcome(id = "1, 1, 1, 0, 1", expect = ACCEPTABLE, desc = "spawned, started, closed: its finally ran")
@Outcome(expect = FORBIDDEN, desc = "left registered, started without its finally, or a wrong exception")
@State
public class DequeSpawnVsShutdownTest {

    final DequeScheduler s = Harness.handDriven();
    int spawned;
    /** Scheduler thread only. */
    int started;
    int closed;

    @Actor
    public void scheduler() {
        Harness.drive(s);
        s.runOnce();
        s.shutdown();
    }

    @Actor
    public void spawner() {
        spawned = Harness.spawnOutcome(() -> s.<String>spawn("a", ctx -> {
            started = 1;
            try {
                ctx.receive();
            } finally {
                closed = 1;
            }
        }));
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        r.r5 = Harness.finish(s);
        r.r1 = spawned;
        r.r2 = started;
        r.r3 = closed;
        r.r4 = s.actorNames().size() + (int) s.failureCount();
    }
}
