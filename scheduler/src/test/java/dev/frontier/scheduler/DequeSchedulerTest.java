package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deque-scheduler specifics, driven by hand: bounded duty cycles, threading rules, shutdown. */
class DequeSchedulerTest {

    @Test
    void runOnceDeliversAtMostTheBatchLimit() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withBatchLimit(3))) {
            List<Integer> got = new ArrayList<>();
            s.<Integer>spawnHandler("sink", (ctx, m) -> got.add(m));
            for (int i = 0; i < 10; i++) {
                s.send("sink", i);
            }
            assertEquals(3, s.runOnce());
            assertEquals(List.of(0, 1, 2), got);
            assertEquals(7, s.pending());
            assertEquals(7, s.run());
            assertEquals(10, got.size());
        }
    }

    @Test
    @Timeout(10)
    void runOnceTakesAtMostTheInboxDrainLimitFromOtherThreads() throws Exception {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withInboxDrainLimit(4))) {
            List<Integer> got = new ArrayList<>();
            s.<Integer>spawnHandler("sink", (ctx, m) -> got.add(m));
            Thread t = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10; i++) {
                    s.send("sink", i);
                }
            });
            t.join(5_000);
            assertEquals(4 + 4, s.runOnce(), "4 inbox entries taken, then those 4 delivered");
            assertEquals(List.of(0, 1, 2, 3), got);
            s.run();
            assertEquals(10, got.size());
        }
    }

    @Test
    void aChattyActorCannotStarveAnother() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withBatchLimit(8))) {
            CompletableFuture<String> quiet = new CompletableFuture<>();
            s.<Integer>spawnHandler("chatty", (ctx, n) -> ctx.send(ctx.self(), n + 1));
            s.<String>spawnHandler("quiet", (ctx, m) -> quiet.complete(m));
            s.send("chatty", 0);
            s.send("quiet", "heard");
            for (int i = 0; i < 3 && !quiet.isDone(); i++) {
                s.runOnce();
            }
            assertTrue(quiet.isDone(), "the quiet actor got its message within a few duty cycles");
        }
    }

    @Test
    @Timeout(10)
    void runAndRunOnceRefuseOtherThreads() throws Exception {
        try (DequeScheduler s = DequeScheduler.create()) {
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread t = Thread.ofPlatform().name("intruder").start(() -> {
                try {
                    s.runOnce();
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            t.join(5_000);
            assertTrue(error.get() instanceof IllegalStateException);
            assertEquals("runOnce() must only be called from the scheduler thread (" + Thread.currentThread().getName()
                    + "), not intruder", error.get().getMessage());
        }
    }

    @Test
    @Timeout(10)
    void startedSchedulerOwnsItsThreadAndShutdownStopsIt() throws Exception {
        DequeScheduler s = DequeScheduler.create().start();
        CompletableFuture<Thread> where = new CompletableFuture<>();
        s.<String>spawn("where", ctx -> {
            ctx.receive();
            where.complete(Thread.currentThread());
        });
        s.send("where", "?");
        Thread schedulerThread = where.get(5, TimeUnit.SECONDS);
        assertEquals("frontier-scheduler", schedulerThread.getName());
        assertThrows(IllegalStateException.class, s::run, "the creator is no longer the scheduler thread");
        s.shutdown();
        assertFalse(schedulerThread.isAlive(), "no leaked thread");
    }

    @Test
    void messagesStillQueuedAtShutdownBecomeDeadLetters() {
        DequeScheduler s = DequeScheduler.create();
        s.<String>spawnHandler("late", (ctx, m) -> { });
        s.send("late", "never delivered");
        s.shutdown();
        assertEquals(List.of(new DeadLetter("late", "outside", "never delivered")), s.deadLetters().recent());
    }

    @Test
    void anActorSpawnedByAnActorStartsAfterTheCurrentDeliveryAndGetsItsMessages() {
        try (DequeScheduler s = DequeScheduler.create()) {
            List<String> log = new ArrayList<>();
            s.<String>spawn("parent", ctx -> {
                ctx.receive();
                ctx.system().<String>spawn("child", c -> {
                    log.add("child started");
                    log.add("child got " + c.receive() + " from " + c.sender().name());
                });
                log.add("parent spawned");
                ctx.send("child", "hello");
            });
            s.send("parent", "go");
            s.run();
            assertEquals(List.of("parent spawned", "child started", "child got hello from parent"), log);
        }
    }

    @Test
    void anActorCanStopItselfAndItsFinallyRunsAfterTheDelivery() {
        try (DequeScheduler s = DequeScheduler.create()) {
            List<String> log = new ArrayList<>();
            s.<String>spawn("self-stopper", ctx -> {
                try {
                    while (true) {
                        ctx.receive();
                        assertTrue(ctx.system().stop(ctx.name()));
                        log.add("asked to stop");
                    }
                } finally {
                    log.add("finally");
                }
            });
            s.send("self-stopper", "stop yourself");
            s.run();
            assertEquals(List.of("asked to stop", "finally"), log);
            assertTrue(s.lookup("self-stopper").isEmpty());
        }
    }
}
