package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import dev.frontier.scheduler.StressRounds.ThreadedMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Asks from other threads against actors that a churn thread stops and respawns, some with a 1 ms
 * timeout, and a shutdown racing them all: every ask's future completes (answered, timed out, no
 * such actor, or shut down; within 10 s of the shutdown at the latest), an answered ask gets its
 * own question back (no reply reaches the wrong asker), and nothing is thrown at an asker.
 *
 * <p>Runs {@code frontier.stress.seconds} per mode (default 0.5) in rounds of at most 250 ms, as
 * {@link StressTest} does.
 */
@Timeout(300)
class AskStressTest {

    static final int ASKERS = 3;
    static final int ECHOES = 4;
    /** Askers wait for their oldest question while this many are open (heap bound). */
    static final int MAX_OPEN = 10_000;

    /** One question and its future. */
    record Asked(long question, CompletableFuture<Object> answer) {
    }

    @ParameterizedTest
    @EnumSource(ThreadedMode.class)
    void everyAskCompletesWithItsOwnAnswer(ThreadedMode mode) throws Exception {
        assumeTrue(mode.selected(), "not in " + StressTest.MODES);
        long end = System.nanoTime() + (long) (StressTest.SECONDS * 1e9);
        long answered = 0;
        do {
            answered += round(mode, Math.min(StressTest.ROUND_NANOS, Math.max(1, end - System.nanoTime())));
        } while (System.nanoTime() - end < 0);
        assertTrue(answered > 0, "no ask was answered");
    }

    /** One system's life; returns how many asks were answered. */
    private long round(ThreadedMode mode, long nanos) throws Exception {
        AbstractActorSystem system = mode.create(ActorSystemOptions.defaults().withShutdownTimeout(Duration.ofSeconds(30)));
        for (int i = 0; i < ECHOES; i++) {
            spawnEcho(system, i);
        }
        ThreadedMode.start(system);
        AtomicBoolean over = new AtomicBoolean();
        AtomicReference<Throwable> error = new AtomicReference<>();
        ConcurrentLinkedQueue<Asked> open = new ConcurrentLinkedQueue<>();
        LongAdder answered = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < ASKERS; p++) {
            long base = p * 1_000_000_000L;
            threads.add(StressRounds.start("asker-" + p, error, () -> {
                for (long seq = 0; !over.get(); seq++) {
                    long q = base + seq;
                    Duration timeout = Duration.ofMillis(seq % 3 == 0 ? 1 : 5_000);
                    open.add(new Asked(q, system.ask("e-" + (seq % ECHOES), q, timeout)));
                    if (open.size() > MAX_OPEN) {
                        Asked oldest = open.poll();
                        if (oldest != null && settle(oldest)) {
                            answered.increment();
                        }
                    }
                }
            }));
        }
        threads.add(StressRounds.start("churn", error, () -> {
            for (long k = 0; !over.get(); k++) {
                int i = (int) (k % ECHOES);
                try {
                    if (system.stop("e-" + i)) {
                        spawnEcho(system, i);
                    }
                } catch (IllegalStateException shutDown) {
                    // a spawn after shutdown began: refused, as it must be
                }
                Thread.yield();
            }
        }));
        StressRounds.shutDownWhileRacing(system, nanos, over, threads, mode);
        assertNull(error.get(), mode + ": something was thrown at an asker");
        for (Asked a; (a = open.poll()) != null; ) {
            if (settle(a)) {
                answered.increment();
            }
        }
        return answered.sum();
    }

    /** Waits for {@code a}'s future: {@code true} if answered (with its own question), false if it failed. */
    private static boolean settle(Asked a) throws InterruptedException {
        try {
            assertEquals(a.question(), a.answer().get(10, TimeUnit.SECONDS), "an answer to another question");
            return true;
        } catch (ExecutionException failed) {
            return false; // timed out, no such actor, or shut down: completed all the same
        } catch (TimeoutException never) {
            throw new AssertionError("the ask of " + a.question() + " never completed");
        }
    }

    private static void spawnEcho(AbstractActorSystem system, int i) {
        system.spawnHandler("e-" + i, (ctx, m) -> ctx.sender().send(m));
    }
}
