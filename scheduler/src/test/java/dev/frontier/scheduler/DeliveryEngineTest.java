package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The deque scheduler's delivery engine, driven by hand: turns, fairness, the MDC's truth, flat memory. */
@Timeout(60)
class DeliveryEngineTest {

    @Test
    void aGeneratorActorTakesQueuedMessagesWithoutASwitchUntilItsTurnIsUsedUp() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withThroughput(64))) {
            List<Integer> got = new ArrayList<>();
            s.<Integer>spawn("sink", ctx -> {
                while (true) {
                    got.add(ctx.receive());
                }
            });
            for (int i = 0; i < 100; i++) {
                s.send("sink", i);
            }
            long turnsBefore = s.turnCount();
            s.run();
            assertEquals(100, got.size());
            assertEquals(2, s.turnCount() - turnsBefore, "64 messages in the first turn, 36 in the second: two resumptions");
            assertEquals(100, s.deliveredCount());
        }
    }

    @Test
    void aFloodedActorTakesTurnsWithTheOthers() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withThroughput(4).withBatchLimit(1_000))) {
            List<String> order = new ArrayList<>();
            s.<Integer>spawnHandler("flooded", (ctx, n) -> order.add("f" + n));
            s.<Integer>spawnHandler("quiet", (ctx, n) -> order.add("q" + n));
            for (int i = 0; i < 10; i++) {
                s.send("flooded", i);
            }
            s.send("quiet", 0);
            s.send("quiet", 1);
            s.runOnce();
            assertEquals(List.of("f0", "f1", "f2", "f3", "q0", "q1", "f4", "f5", "f6", "f7", "f8", "f9"), order,
                    "a turn of at most 4, then the back of the run queue");
        }
    }

    @Test
    @Timeout(10)
    void anInboxFloodCannotStarveLocalWork() throws Exception {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withInboxDrainLimit(16))) {
            List<Integer> local = new ArrayList<>();
            s.<Integer>spawnHandler("remote-sink", (ctx, n) -> { });
            s.<Integer>spawnHandler("local", (ctx, n) -> {
                local.add(n);
                if (n < 3) {
                    ctx.send(ctx.self(), n + 1);
                }
            });
            Thread flooder = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 100_000; i++) {
                    s.send("remote-sink", i);
                }
            });
            flooder.join(5_000);
            s.send("local", 0);
            for (int i = 0; i < 4; i++) {
                s.runOnce();
            }
            assertEquals(List.of(0, 1, 2, 3), local, "one local hop per duty cycle while the inbox still holds thousands");
            assertTrue(s.deliveredCount() < 1_000, "the inbox was drained 16 at a time");
            s.run();
        }
    }

    @Test
    void messagesFromOneSenderKeepTheirOrderAcrossTurns() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withThroughput(3))) {
            List<String> got = new ArrayList<>();
            s.<String>spawn("sink", ctx -> {
                while (true) {
                    got.add(ctx.receive());
                }
            });
            s.<String>spawn("a", ctx -> {
                ctx.receive();
                for (int i = 0; i < 10; i++) {
                    ctx.send("sink", "a" + i);
                }
            });
            s.<String>spawn("b", ctx -> {
                ctx.receive();
                for (int i = 0; i < 10; i++) {
                    ctx.send("sink", "b" + i);
                }
            });
            s.send("a", "go");
            s.send("b", "go");
            s.run();
            assertEquals(20, got.size());
            assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"),
                    got.stream().filter(m -> m.startsWith("a")).toList());
            assertEquals(List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"),
                    got.stream().filter(m -> m.startsWith("b")).toList());
        }
    }

    @Test
    void theMdcNamesTheMessageInHandAfterAnAwaitAndAFailureAfterAnAwaitNamesIt() throws Exception {
        List<ActorFailure> failures = new ArrayList<>();
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
            CompletableFuture<String> slow = new CompletableFuture<>();
            List<String> seen = new ArrayList<>();
            s.<String>spawn("waiter", ctx -> {
                ctx.receive();
                String first = ctx.receive();
                ctx.log();
                seen.add(MDC.get("actor") + "#" + MDC.get("msgSeq") + " " + first);
                ctx.await(slow);
                seen.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
                ctx.log();
                seen.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
                throw new IllegalStateException("after the await");
            });
            s.<String>spawn("other", ctx -> {
                ctx.receive();
                seen.add("other sees " + MDC.get("actor"));
            });
            s.send("waiter", "zero");
            s.send("waiter", "one");
            s.run();
            s.send("waiter", "queued meanwhile");
            s.send("other", "x");
            s.run();
            slow.complete("done");
            s.run();
            assertEquals(List.of("waiter#2 one", "other sees null", "null#null", "waiter#2"), seen,
                    "after the await the MDC names message 2 again, and nothing leaked to the other actor");
            assertEquals(1, failures.size());
            assertEquals("one", failures.get(0).message(), "the failure names the message the actor was handling");
        }
    }

    @Test
    void theMdcNamesTheMessageASelectiveReceiveTookAndTheTracerAgrees() {
        List<String> traced = new ArrayList<>();
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults()
                .withTracer((from, to, m, seq) -> traced.add(m + "#" + seq)))) {
            List<String> seen = new ArrayList<>();
            s.<String>spawn("picky", ctx -> {
                String b = ctx.receive(m -> m.equals("b"));
                ctx.log();
                seen.add(b + " " + MDC.get("msgSeq"));
                String a = ctx.receive();
                ctx.log();
                seen.add(a + " " + MDC.get("msgSeq"));
            });
            s.send("picky", "a");
            s.send("picky", "b");
            s.run();
            assertEquals(List.of("b 1", "a 2"), seen, "numbered in the order the actor took them");
            assertEquals(List.of("b#1", "a#2"), traced);
        }
    }

    @Test
    void aMillionAnsweredAsksLeaveNothingBehind() {
        int n = Integer.getInteger("frontier.test.asks", 1_000_000);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        try (DequeScheduler s = DequeScheduler.create()) {
            s.<Integer>spawnHandler("echo", (ctx, m) -> ctx.send(ctx.sender(), m));
            int loggersBefore = logging.getLoggerList().size();
            long sum = 0;
            for (int i = 0; i < n; i++) {
                CompletableFuture<Integer> reply = s.ask("echo", i, Duration.ofHours(1));
                s.run();
                sum += reply.join();
            }
            assertEquals((long) n * (n - 1) / 2, sum);
            assertEquals(0, s.pendingTimers(), "every answered ask's timer left the heap");
            assertEquals(List.of("echo"), s.actorNames(), "no ask left a name behind");
            assertEquals(loggersBefore, logging.getLoggerList().size(), "no logger per ask");
            assertEquals(0, s.deadLetters().count());
        }
    }

    @Test
    void aMillionSpawnStopCyclesLeaveNothingBehind() {
        int n = Integer.getInteger("frontier.test.spawns", 1_000_000);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        try (DequeScheduler s = DequeScheduler.create()) {
            int loggersBefore = logging.getLoggerList().size();
            List<String> finallies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "worker-" + i;
                ActorRef<String> w = s.spawn(name, ctx -> {
                    try {
                        ctx.receive(Duration.ofMinutes(5));
                    } finally {
                        if (finallies.size() < 3) {
                            finallies.add(ctx.name());
                        }
                    }
                });
                if ((i & 1) == 0) {
                    s.stop(name);
                } else {
                    w.send("bye");
                }
                s.run();
            }
            assertEquals(List.of("worker-0", "worker-1", "worker-2"), finallies);
            assertTrue(s.actorNames().isEmpty());
            assertEquals(0, s.pendingTimers(), "every receive timeout left the heap with its actor");
            assertEquals(0, s.pending());
            assertEquals(loggersBefore, logging.getLoggerList().size(), "no logger per actor name");
        }
    }
}
