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
 * Thread-per-actor: {@code spawn} against {@code shutdown()} (issue 9, #8: a NullPointerException
 * or IllegalThreadStateException, and leaked threads). The spawn is refused, or the actor is
 * started and closed by the shutdown (its {@code finally} ran, its thread ended). Never registered
 * and left running. (A spawned actor's thread always starts its body: the stop is raised at its
 * first wait.)
 *
 * <p>Result: spawn returned (1), refused (0) or threw something else (2); body started; finally
 * ran; names registered or threads alive afterwards; terminated.
 */
@JCStressTest
@Outcome(id = "0, 0, 0, 0, 1", expect = ACCEPTABLE, desc = "refused: the shutdown came first")
@Outcome(id = "1, 1, 1, 0, 1", expect = ACCEPTABLE, desc = "spawned, started, stopped: its finally ran")
@Outcome(expect = FORBIDDEN, desc = "leaked, started without its finally, or a wrong exception")
@State
public class ThreadPerActorSpawnVsShutdownTest {

    final ThreadPerActorSystem s = Harness.threadPerActor();
    int spawned;
    volatile int started;
    volatile int closed;
    volatile Thread thread;

    @Actor
    public void spawner() {
        spawned = Harness.spawnOutcome(() -> s.<String>spawn("a", ctx -> {
            thread = Thread.currentThread();
            started = 1;
            try {
                ctx.receive();
            } finally {
                closed = 1;
            }
        }));
    }

    @Actor
    public void shutter() {
        s.shutdown();
    }

    @Arbiter
    public void arbiter(IIIII_Result r) {
        r.r5 = Harness.finish(s);
        r.r1 = spawned;
        r.r2 = started;
        r.r3 = closed;
        r.r4 = s.actorNames().size() + (int) s.failureCount() + Harness.stillAlive(thread);
    }
}
