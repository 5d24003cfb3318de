package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Terminated;
import dev.frontier.scheduler.StressRounds.ThreadedMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Watches racing stops: a churn thread spawns actors and stops each one either just before or just
 * after handing it to a watcher, which watches it on arrival (so half of the watches are of actors
 * that have already ended). Every watch gets exactly one {@link Terminated}, none twice, none
 * missing, in every threaded mode. {@code -Dfrontier.stress.seconds} above the default 0.5 makes
 * more rounds for a soak (20 rounds of 2,000 watches per mode passed).
 */
@Timeout(300)
class WatchStressTest {

    static final int WATCHES = 500;
    @ParameterizedTest
    @EnumSource(ThreadedMode.class)
    void everyWatchGetsExactlyOneTerminated(ThreadedMode mode) throws Exception {
        assumeTrue(mode.selected(), "not in " + StressTest.MODES);
        int rounds = (int) Math.max(2, StressTest.SECONDS * 4);
        for (int round = 0; round < rounds; round++) {
            AbstractActorSystem s = mode.create(ActorSystemOptions.defaults().withShutdownTimeout(Duration.ofSeconds(30)));
            Map<String, AtomicInteger> terminated = new ConcurrentHashMap<>();
            AtomicInteger watched = new AtomicInteger();
            int n = WATCHES;
            CompletableFuture<Void> all = new CompletableFuture<>();
            s.<Object>spawn("w", ctx -> {
                int got = 0;
                while (got < n) {
                    Object m = ctx.receive();
                    if (m instanceof ActorRef<?> r) {
                        ctx.watch(r);
                        watched.incrementAndGet();
                    } else if (m instanceof Terminated t) {
                        terminated.computeIfAbsent(t.actor().name(), k -> new AtomicInteger()).incrementAndGet();
                        got++;
                    }
                }
                all.complete(null);
                ctx.receive(); // waits to be shut down
            });
            ThreadedMode.start(s);
            Thread churn = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < n; i++) {
                    String name = "t-" + i;
                    ActorRef<String> t = s.spawnHandler(name, (ctx, m) -> { });
                    if (i % 2 == 0) {
                        s.stop(name);
                        s.send("w", t);
                    } else {
                        s.send("w", t);
                        s.stop(name);
                    }
                }
            });
            churn.join(30_000);
            assertFalse(churn.isAlive(), "the churn thread is stuck");
            try {
                all.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(mode + " round " + round + ": " + watched + " watched, " + terminated.size()
                        + " Terminated");
            }
            assertEquals(n, terminated.size());
            assertEquals(0, terminated.values().stream().filter(a -> a.get() != 1).count(), "a Terminated twice");
            s.shutdown();
            assertTrue(s.awaitTermination(Duration.ofSeconds(30)));
        }
    }
}
