package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** Thread-per-actor specifics: what thread an actor runs on, and that shutdown leaks none. */
@Timeout(30)
class ThreadPerActorSystemTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eachActorRunsOnItsOwnNamedThreadAndShutdownEndsEveryOne(boolean virtual) throws Exception {
        ThreadPerActorSystem system = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withVirtualThreads(virtual));
        List<CompletableFuture<Thread>> threads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Thread> where = new CompletableFuture<>();
            threads.add(where);
            system.<String>spawn("worker-" + i, ctx -> {
                where.complete(Thread.currentThread());
                while (true) {
                    ctx.receive();
                }
            });
        }
        List<Thread> seen = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            Thread t = threads.get(i).get(10, TimeUnit.SECONDS);
            assertEquals("actor-worker-" + i, t.getName());
            assertEquals(virtual, t.isVirtual());
            seen.add(t);
        }
        system.shutdown();
        for (Thread t : seen) {
            assertFalse(t.isAlive(), t.getName() + " leaked");
        }
        assertTrue(system.actorNames().isEmpty());
    }

    /** Senders racing with an actor's end: every message is either delivered or a dead letter. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void noMessageIsLostWhenAnActorEndsWhileOthersSendToIt(boolean virtual) throws Exception {
        try (ThreadPerActorSystem system = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withVirtualThreads(virtual))) {
            int perSender = 5_000;
            java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
            var ref = system.<Integer>spawn("short-lived", ctx -> {
                for (int i = 0; i < 1_000; i++) {
                    ctx.receive();
                    delivered.incrementAndGet();
                }
            });
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perSender; i++) {
                        ref.send(i);
                    }
                }));
            }
            for (Thread t : senders) {
                t.join(20_000);
            }
            ref.termination().get(20, TimeUnit.SECONDS);
            assertEquals(3L * perSender, delivered.get() + system.deadLetters().count());
        }
    }
}
