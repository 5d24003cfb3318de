package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorOptions.Overflow;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.MailboxFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bounded mailboxes and their overflow rules, in both modes that queue. */
@Timeout(30)
class BoundedMailboxTest {

    static ActorOptions bounded(int capacity, Overflow overflow) {
        return ActorOptions.defaults().withMailbox(capacity, overflow);
    }

    @Test
    void aFullMailboxDeadLettersTheOverflow() {
        try (DequeScheduler s = DequeScheduler.create()) {
            List<Integer> got = new ArrayList<>();
            ActorRef<Integer> a = s.spawnHandler("a", bounded(3, Overflow.DEAD_LETTER), (ctx, m) -> got.add(m));
            for (int i = 0; i < 5; i++) {
                a.send(i);
            }
            assertEquals(3, a.mailboxSize());
            assertEquals(2, s.deadLetters().count());
            s.run();
            assertEquals(List.of(0, 1, 2), got);
            assertEquals(0, a.mailboxSize());
            a.send(5);
            s.run();
            assertEquals(List.of(0, 1, 2, 5), got, "taking messages made room again");
        }
    }

    /** Found by jcstress (DequeBoundedSendVsEndTest): the end gives every place back, and the size read negative. */
    @Test
    void anEndedActorsMailboxReadsEmpty() {
        try (DequeScheduler s = DequeScheduler.create()) {
            ActorRef<Integer> a = s.spawn("a", bounded(2, Overflow.DEAD_LETTER), ctx -> {
                ctx.await(new CompletableFuture<>());
            });
            a.send(1);
            a.send(2);
            s.run();
            assertEquals(2, a.mailboxSize());
            s.stop("a");
            assertEquals(0, a.mailboxSize());
            assertEquals(2, s.deadLetters().count());
        }
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            ActorRef<Integer> a = s.spawnHandler("a", bounded(2, Overflow.DEAD_LETTER), (ctx, m) -> { });
            s.stop("a");
            a.termination().join();
            assertEquals(0, a.mailboxSize());
        }
    }

    @Test
    void aFullMailboxFailsTheSenderWhenAskedTo() {
        try (DequeScheduler s = DequeScheduler.create()) {
            ActorRef<Integer> a = s.spawnHandler("a", bounded(1, Overflow.FAIL_SENDER), (ctx, m) -> { });
            a.send(1);
            MailboxFullException e = assertThrows(MailboxFullException.class, () -> a.send(2));
            assertEquals("the mailbox of actor 'a' is full (1 messages); 2 was not sent", e.getMessage());
            assertEquals(0, s.deadLetters().count());
        }
    }

    @Test
    void aGeneratorSenderIsSuspendedUntilThereIsRoomAndNoThreadBlocks() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withThroughput(1))) {
            List<String> log = new ArrayList<>();
            ActorRef<Integer> slow = s.spawn("slow", bounded(2, Overflow.BACK_PRESSURE), ctx -> {
                while (true) {
                    log.add("took " + ctx.receive());
                }
            });
            s.<String>spawn("producer", ctx -> {
                ctx.receive();
                for (int i = 0; i < 6; i++) {
                    ctx.send(slow, i);
                    log.add("sent " + i);
                }
            });
            s.<String>spawnHandler("bystander", (ctx, m) -> log.add("bystander " + m));
            s.send("producer", "go");
            s.send("bystander", "ran");
            s.run();
            assertEquals(List.of("took 0", "took 1", "took 2", "took 3", "took 4", "took 5"),
                    log.stream().filter(l -> l.startsWith("took")).toList());
            assertEquals(6, log.stream().filter(l -> l.startsWith("sent")).count());
            assertTrue(log.indexOf("sent 2") > log.indexOf("took 0"), "the third send waited for room: " + log);
            assertTrue(log.contains("bystander ran"), "other actors ran while the producer waited");
            assertTrue(slow.mailboxSize() <= 2);
        }
    }

    /**
     * A generator sender suspended for room that is stopped, or shut down, meanwhile: the message it
     * was sending is a dead letter (the send never happened), not lost, and the sender's
     * {@code finally} runs.
     */
    @Test
    void aSenderStoppedWhileWaitingForRoomDeadLettersItsMessage() {
        for (boolean byShutdown : new boolean[] {false, true}) {
            List<DeadLetter> dead = new ArrayList<>();
            List<String> log = new ArrayList<>();
            DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withDeadLetterListener(dead::add));
            try {
                ActorRef<Integer> full = s.spawn("full", bounded(1, Overflow.BACK_PRESSURE), ctx -> {
                    ctx.await(new CompletableFuture<>()); // never takes anything
                });
                s.<String>spawn("sender", ctx -> {
                    ctx.receive();
                    try {
                        ctx.send(full, 1);
                        log.add("sent 1");
                        ctx.send(full, 2); // no room: suspended here
                        log.add("sent 2");
                    } finally {
                        log.add("finally");
                    }
                });
                s.send("sender", "go");
                s.run();
                assertEquals(List.of("sent 1"), log);
                if (byShutdown) {
                    s.shutdown();
                } else {
                    s.stop("sender");
                    s.run();
                }
                assertEquals(List.of("sent 1", "finally"), log, byShutdown ? "shutdown" : "stop");
                assertTrue(dead.stream().anyMatch(l -> l.message().equals(2) && l.recipient().equals("full")),
                        (byShutdown ? "shutdown" : "stop") + ": the message the sender was waiting to send is a dead letter: " + dead);
            } finally {
                s.close();
            }
        }
    }

    /** The same on its own thread: the stop does not wait for the block timeout, and the message is a dead letter. */
    @Test
    void aThreadPerActorSenderStoppedWhileWaitingForRoomDeadLettersItsMessage() throws Exception {
        List<DeadLetter> dead = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        // a plain latch, not ctx.await: a waiting thread-per-actor actor keeps what arrives, which frees room
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withDeadLetterListener(dead::add))) {
            try {
                ActorRef<Integer> full = s.spawn("full", bounded(1, Overflow.BACK_PRESSURE).withBlockTimeout(Duration.ofMinutes(10)),
                        ctx -> {
                            hold.await(); // takes nothing until the test is done
                        });
                ActorRef<String> sender = s.<String>spawn("sender", ctx -> {
                    ctx.receive();
                    try {
                        ctx.send(full, 1);
                        log.add("sent 1");
                        waiting.complete(null);
                        ctx.send(full, 2); // no room: blocks here, for up to 10 minutes
                        log.add("sent 2");
                    } finally {
                        log.add("finally");
                    }
                });
                sender.send("go");
                waiting.get(10, TimeUnit.SECONDS);
                s.stop("sender");
                sender.termination().get(10, TimeUnit.SECONDS);
                assertEquals(List.of("sent 1", "finally"), log);
                assertTrue(dead.stream().anyMatch(l -> l.message().equals(2) && l.recipient().equals("full")),
                        "the message the sender was waiting to send is a dead letter: " + dead);
                assertEquals(0, s.failureCount(), "a stop is not a failure");
            } finally {
                hold.countDown();
            }
        }
    }

    @Test
    void aHandlerCannotWaitForRoomSoItsSendFails() {
        try (DequeScheduler s = DequeScheduler.create()) {
            AtomicReference<Throwable> error = new AtomicReference<>();
            ActorRef<Integer> full = s.spawnHandler("full", bounded(1, Overflow.BACK_PRESSURE), (ctx, m) -> { });
            s.<String>spawnHandler("h", (ctx, m) -> {
                ctx.send(full, 1);
                try {
                    ctx.send(full, 2);
                } catch (MailboxFullException e) {
                    error.set(e);
                }
            });
            s.send("h", "go");
            s.run();
            assertTrue(error.get() instanceof MailboxFullException);
        }
    }

    @Test
    void aThreadOutsideWaitsForRoomWithATimeout() throws Exception {
        DequeScheduler s = DequeScheduler.create().start();
        try {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            List<Integer> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            ActorRef<Integer> a = s.spawn("a", bounded(2, Overflow.BACK_PRESSURE)
                    .withBlockTimeout(Duration.ofSeconds(10)), ctx -> {
                ctx.await(gate);
                while (true) {
                    got.add(ctx.receive());
                }
            });
            a.send(0);
            a.send(1);
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> a.send(2));
            assertThrows(java.util.concurrent.TimeoutException.class, () -> third.get(100, TimeUnit.MILLISECONDS),
                    "the third send waits while the mailbox is full");
            gate.complete(null);
            third.get(10, TimeUnit.SECONDS);
            ActorRef<Integer> b = s.spawn("b", bounded(1, Overflow.BACK_PRESSURE)
                    .withBlockTimeout(Duration.ofMillis(50)), ctx -> ctx.await(new CompletableFuture<>()));
            b.send(0);
            assertThrows(MailboxFullException.class, () -> b.send(1), "no room within the block timeout");
        } finally {
            s.shutdown();
        }
    }

    @Test
    void aSenderWaitingForRoomGoesOnWhenTheTargetEnds() throws Exception {
        try (DequeScheduler s = DequeScheduler.create()) {
            List<String> log = new ArrayList<>();
            ActorRef<Integer> target = s.spawn("target", bounded(1, Overflow.BACK_PRESSURE), ctx -> {
                ctx.await(new CompletableFuture<>());
            });
            s.<String>spawn("sender", ctx -> {
                ctx.receive();
                ctx.send(target, 1);
                ctx.send(target, 2);
                log.add("went on");
            });
            s.send("sender", "go");
            s.run();
            assertEquals(List.of(), log);
            s.stop("target");
            s.run();
            assertEquals(List.of("went on"), log);
            assertEquals(2, s.deadLetters().count(), "the queued message and the one that waited");
        }
    }

    @Test
    void threadPerActorBlocksTheSendingActorsOwnThread() throws Exception {
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            CompletableFuture<List<Integer>> done = new CompletableFuture<>();
            ActorRef<Integer> slow = s.spawn("slow", bounded(2, Overflow.BACK_PRESSURE), ctx -> {
                ctx.await(gate);
                List<Integer> got = new ArrayList<>();
                while (got.size() < 20) {
                    got.add(ctx.receive());
                }
                done.complete(got);
            });
            s.<String>spawn("producer", ctx -> {
                ctx.receive();
                for (int i = 0; i < 20; i++) {
                    ctx.send(slow, i);
                }
            });
            s.send("producer", "go");
            gate.complete(null);
            List<Integer> got = done.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                assertEquals(i, got.get(i));
            }
            assertEquals(0, s.deadLetters().count());
        }
    }
}
