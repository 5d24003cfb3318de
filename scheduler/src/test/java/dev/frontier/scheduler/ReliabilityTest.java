package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing lost, nothing hung, no silent death: the deque scheduler under shutdown, faults and bad
 * input. Each test names the defect it pins down (the numbers of the reliability issue).
 */
@Timeout(60)
class ReliabilityTest {

    final List<ActorFailure> failures = new CopyOnWriteArrayList<>();

    ActorSystemOptions options() {
        return ActorSystemOptions.defaults().withErrorHandler(failures::add);
    }

    /** #1: shutdown drains everything queued, however much: delivered + dead letters = sent. */
    @Test
    void shutdownAccountsForEveryQueuedMessage() {
        int n = 1_500_000;
        DequeScheduler s = DequeScheduler.create(options());
        long[] delivered = {0};
        s.<Integer>spawnHandler("sink", (ctx, m) -> delivered[0]++);
        ActorRef<Integer> sink = s.<Integer>lookup("sink").orElseThrow();
        for (int i = 0; i < n; i++) {
            sink.send(i);
        }
        s.runOnce();
        s.shutdown();
        assertEquals(n, delivered[0] + s.deadLetters().count());
        assertTrue(s.deadLetters().count() > 1_000_000);
    }

    /** #2: senders racing shutdown from other threads lose nothing. */
    @Test
    void sendersRacingShutdownLoseNothing() throws Exception {
        for (int trial = 0; trial < 20; trial++) {
            DequeScheduler s = DequeScheduler.create(options()).start();
            AtomicLong delivered = new AtomicLong();
            ActorRef<Integer> sink = s.spawnHandler("sink", (ctx, m) -> delivered.incrementAndGet());
            int senders = 8;
            int each = 5_000;
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        sink.send(i);
                    }
                }));
            }
            go.countDown();
            s.shutdown();
            for (Thread t : threads) {
                t.join(10_000);
            }
            assertTrue(s.awaitTermination(Duration.ofSeconds(10)));
            assertEquals((long) senders * each, delivered.get() + s.deadLetters().count(), "trial " + trial);
        }
    }

    /** #3: a command that throws is reported and counted; the started loop goes on. */
    @Test
    void aThrowingCommandIsReportedAndTheLoopGoesOn() throws Exception {
        DequeScheduler s = DequeScheduler.create(options()).start();
        try {
            CompletableFuture<String> later = new CompletableFuture<>();
            s.<String>spawn("worker", ctx -> {
                String first = ctx.receive();
                ctx.executor().execute(() -> {
                    throw new IllegalStateException("command failed");
                });
                later.complete(first + ", then " + ctx.receive());
            });
            s.send("worker", "one");
            s.send("worker", "two");
            assertEquals("one, then two", later.get(10, TimeUnit.SECONDS));
            CompletableFuture<String> ran = new CompletableFuture<>();
            s.execute(() -> ran.complete(Thread.currentThread().getName()));
            assertEquals("frontier-scheduler", ran.get(10, TimeUnit.SECONDS));
            assertEquals(1, s.failureCount());
            assertEquals("worker", failures.get(0).actor());
            assertEquals("command failed", failures.get(0).cause().getMessage());
        } finally {
            s.shutdown();
        }
    }

    /** #3: a bad argument to sendAfter fails at the call, not later on the scheduler thread. */
    @Test
    void sendAfterToANullTargetFailsAtTheCall() {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            s.<String>spawn("timer-user", ctx -> {
                ctx.receive();
                try {
                    ctx.sendAfter(Duration.ofSeconds(1), null, "m");
                } catch (NullPointerException e) {
                    thrown.set(e);
                }
            });
            s.send("timer-user", "go");
            s.run();
            assertNotNull(thrown.get());
            assertEquals(0, s.pendingTimers());
        }
    }

    /** #5: a tracer that throws is reported once; the message is delivered and the actor lives. */
    @Test
    void aThrowingTracerNeitherKillsTheActorNorLosesTheMessage() {
        try (DequeScheduler s = DequeScheduler.create(options().withTracer((from, to, m, seq) -> {
            throw new IllegalStateException("tracer bug");
        }))) {
            List<String> got = new ArrayList<>();
            ActorRef<String> a = s.spawnHandler("a", (ctx, m) -> got.add(m));
            s.send("a", "x");
            s.send("a", "y");
            try (ExpectedLog reported = ExpectedLog.of(AbstractActorSystem.class)) {
                s.run();
                assertEquals(List.of("the message tracer failed (1 times so far); the delivery went on"), reported.messages(),
                        "reported once, not per message");
            }
            assertEquals(List.of("x", "y"), got);
            assertTrue(a.isAlive());
            assertEquals(0, s.failureCount());
            assertEquals(0, s.deadLetters().count());
        }
    }

    /** The dead-letter listener sees each letter as it is counted; one that throws is reported once and changes nothing. */
    @Test
    void aDeadLetterListenerSeesEveryLetterAndOneThatThrowsChangesNothing() {
        List<DeadLetter> seen = new ArrayList<>();
        try (DequeScheduler s = DequeScheduler.create(options().withDeadLetterListener(seen::add))) {
            s.spawnHandler("a", (ctx, m) -> ctx.send("nobody", "reply to " + m));
            s.send("a", "x");
            s.send("missing", "y");
            s.run();
            assertEquals(List.of(new DeadLetter("missing", "outside", "y"), new DeadLetter("nobody", "a", "reply to x")), seen);
            assertEquals(2, s.deadLetters().count());
        }
        try (DequeScheduler s = DequeScheduler.create(options().withDeadLetterListener(l -> {
            throw new IllegalStateException("listener bug");
        }))) {
            try (ExpectedLog reported = ExpectedLog.of(AbstractActorSystem.class)) {
                s.send("missing", "y");
                s.send("missing", "z");
                s.run();
                assertEquals(List.of("the dead-letter listener failed (1 times so far); the dead letter was counted"),
                        reported.messages(), "reported once, not per letter");
            }
            assertEquals(2, s.deadLetters().count());
            assertEquals(0, s.failureCount());
        }
    }

    /**
     * A shutdown that begins while a supervisor starts its children: it starts no more, is stopped
     * with the ones it started, and nothing is reported as a failure (found by SupervisedStressTest:
     * its refused spawn failed the supervisor). Here the first child's factory begins the shutdown.
     */
    @Test
    void aShutdownWhileASupervisorStartsItsChildrenIsNotAFailure() {
        List<ActorFailure> failures = new ArrayList<>();
        List<String> log = new ArrayList<>();
        AtomicReference<DequeScheduler> system = new AtomicReference<>();
        try (DequeScheduler s = DequeScheduler.create(options().withErrorHandler(failures::add))) {
            system.set(s);
            s.spawnSupervisor("sup", dev.frontier.actor.SupervisorSpec.oneForOne()
                    .child(dev.frontier.actor.ChildSpec.<String>generator("a", () -> {
                        system.get().shutdown(); // from inside the supervisor's turn: closes after it
                        return ctx -> {
                            try {
                                ctx.receive();
                            } finally {
                                log.add("a closed");
                            }
                        };
                    }))
                    .child(dev.frontier.actor.ChildSpec.<String>of("b", ctx -> {
                        log.add("b started");
                    })));
            s.run();
            assertTrue(s.terminationFuture().isDone(), "terminated");
            assertEquals(List.of(), failures);
            assertEquals(0, s.failureCount());
            assertFalse(log.contains("b started"), "b was never started: " + log);
            assertEquals(List.of(), s.actorNames());
        }
    }

    /** #6: a context leaked to another thread refuses to receive, and the actor keeps its messages. */
    @Test
    void aLeakedContextRefusesToReceiveOnAnotherThread() throws Exception {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            AtomicReference<dev.frontier.actor.ActorContext<String>> leaked = new AtomicReference<>();
            List<String> got = new ArrayList<>();
            s.<String>spawn("victim", ctx -> {
                leaked.set(ctx);
                got.add(ctx.receive(m -> m.equals("wanted")));
                got.add(ctx.receive());
            });
            s.send("victim", "kept");
            s.send("victim", "other");
            s.run();
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread thief = Thread.ofPlatform().name("thief").start(() -> {
                try {
                    leaked.get().receive();
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            thief.join(5_000);
            assertInstanceOf(IllegalStateException.class, error.get());
            assertTrue(error.get().getMessage().contains("actor 'victim'"), error.get().getMessage());
            assertTrue(error.get().getMessage().contains("thief"), error.get().getMessage());
            s.send("victim", "wanted");
            s.run();
            assertEquals(List.of("wanted", "kept"), got, "the kept messages stayed with the actor");
        }
    }

    /** #7, #11: at shutdown a pending delayed send is a dead letter; pending asks and sleeps fail. */
    @Test
    void shutdownSettlesEveryTimerAndFuture() {
        DequeScheduler s = DequeScheduler.create(options().withClock(new ManualClock()));
        s.spawnHandler("silent", (ctx, m) -> { });
        s.sendAfter(Duration.ofMinutes(1), "silent", "delayed");
        CompletableFuture<Object> ask = s.ask("silent", "question", Duration.ofMinutes(1));
        CompletableFuture<Void> sleep = s.sleep(Duration.ofMinutes(1));
        s.run();
        s.shutdown();
        assertTrue(ask.isCompletedExceptionally());
        assertTrue(sleep.isCompletedExceptionally());
        assertTrue(s.deadLetters().recent().contains(new DeadLetter("silent", "outside", "delayed")),
                s.deadLetters().recent().toString());
        ExecutionException e = assertThrows(ExecutionException.class, sleep::get);
        assertEquals("sleep did not complete: the actor system shut down", e.getCause().getMessage());
    }

    /**
     * Found by StressTest: a stop from another thread frees the name at once; if its command then
     * reached the inbox after the shutdown closed it, no one closed the actor (its finally never
     * ran, its queued messages were neither delivered nor dead letters).
     */
    @Test
    void aStopRacingShutdownStillClosesTheActor() throws Exception {
        for (int trial = 0; trial < 500; trial++) {
            DequeScheduler s = DequeScheduler.create(options());
            List<String> log = new CopyOnWriteArrayList<>();
            ActorRef<String> a = s.spawn("a", ctx -> {
                try {
                    ctx.await(new CompletableFuture<>());
                } finally {
                    log.add("finally");
                }
            });
            a.send("queued");
            s.run();
            CountDownLatch go = new CountDownLatch(1);
            Thread stopper = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                s.stop("a");
            });
            go.countDown();
            s.shutdown();
            stopper.join(10_000);
            assertFalse(a.isAlive(), "trial " + trial);
            assertEquals(List.of("finally"), log, "trial " + trial);
            assertEquals(1, s.deadLetters().count(), "trial " + trial);
        }
    }

    /** #9: spawn racing shutdown is refused cleanly, and no name stays registered. */
    @Test
    void spawnRacingShutdownIsRefusedAndLeavesNoName() throws Exception {
        for (int trial = 0; trial < 50; trial++) {
            DequeScheduler s = DequeScheduler.create(options()).start();
            List<String> spawned = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            Thread spawner = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    try {
                        s.spawn("a" + i, ctx -> ctx.receive());
                        spawned.add("a" + i);
                    } catch (IllegalStateException refused) {
                        assertTrue(refused.getMessage().contains("shut down"), refused.getMessage());
                    } catch (Throwable t) {
                        unexpected.set(t);
                    }
                }
            });
            s.shutdown();
            spawner.join(10_000);
            assertEquals(null, unexpected.get());
            assertTrue(s.actorNames().isEmpty(), "trial " + trial + ": " + s.actorNames());
        }
    }

    /** #10: after shutdown, sendAfter is a dead letter and sleep a failed future, not an exception. */
    @Test
    void timersAfterShutdownSettleAtOnce() {
        DequeScheduler s = DequeScheduler.create(options());
        s.shutdown();
        Cancellable c = s.sendAfter(Duration.ofSeconds(1), "anyone", "late");
        assertFalse(c.cancel(), "already settled");
        assertEquals(1, s.deadLetters().count());
        assertTrue(s.sleep(Duration.ofSeconds(1)).isCompletedExceptionally());
    }

    /** #14: an actor that never gives the thread back: shutdown reports it and returns within its timeout. */
    @Test
    void shutdownOfAStuckSchedulerReturnsAndSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DequeScheduler s = DequeScheduler.create(options().withShutdownTimeout(Duration.ofMillis(200))).start();
        CompletableFuture<Void> inside = new CompletableFuture<>();
        s.<String>spawnHandler("stuck", (ctx, m) -> {
            inside.complete(null);
            release.await(); // interruptible: shutdown's interrupt ends it
        });
        s.send("stuck", "block");
        inside.get(10, TimeUnit.SECONDS);
        s.shutdown();
        assertTrue(s.awaitTermination(Duration.ofSeconds(10)), "the interrupt unblocked it and it finished closing");
        assertEquals(1, s.failureCount(), "the interrupted handler failed");
    }

    /** #17: shutdown called by an actor on a hand-driven scheduler takes effect after its turn; finally blocks run. */
    @Test
    void shutdownFromInsideAnActorClosesEverythingAfterItsTurn() {
        DequeScheduler s = DequeScheduler.create(options());
        List<String> log = new ArrayList<>();
        s.<String>spawn("closer", ctx -> {
            try {
                ctx.receive();
                ctx.system().shutdown();
                log.add("asked to shut down");
                ctx.receive();
            } finally {
                log.add("closer finally");
            }
        });
        s.<String>spawn("bystander", ctx -> {
            try {
                ctx.receive();
            } finally {
                log.add("bystander finally");
            }
        });
        s.send("closer", "go");
        s.run();
        assertEquals(List.of("asked to shut down", "bystander finally", "closer finally"), log);
        assertEquals(0, s.failureCount());
        assertTrue(s.isShutdown());
    }

    /** #17: an actor that shuts the system down while it starts (in spawn): close() still closes everything. */
    @Test
    void shutdownAskedForDuringASpawnIsCompletedByClose() {
        DequeScheduler s = DequeScheduler.create(options());
        List<String> log = new ArrayList<>();
        s.<String>spawn("other", ctx -> {
            try {
                ctx.receive();
            } finally {
                log.add("other finally");
            }
        });
        s.<String>spawn("starter", ctx -> ctx.system().shutdown());
        assertTrue(s.isShutdown());
        s.close();
        assertEquals(List.of("other finally"), log);
        assertTrue(s.terminationFuture().isDone());
    }

    /** #18: concurrent shutdown calls all wait until the scheduler has terminated. */
    @Test
    void everyShutdownCallerWaits() throws Exception {
        DequeScheduler s = DequeScheduler.create(options()).start();
        List<String> finallies = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            String name = "a" + i;
            s.<String>spawn(name, ctx -> {
                try {
                    started.countDown();
                    ctx.receive();
                } finally {
                    finallies.add(name);
                }
            });
        }
        assertTrue(started.await(10, TimeUnit.SECONDS), "a body that never started has no finally to run");
        List<Thread> callers = new ArrayList<>();
        List<Integer> seenAfterReturn = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            callers.add(Thread.ofPlatform().start(() -> {
                s.shutdown();
                seenAfterReturn.add(finallies.size());
            }));
        }
        for (Thread t : callers) {
            t.join(10_000);
        }
        assertEquals(List.of(10, 10, 10, 10), seenAfterReturn);
    }

    /** #19: cancelled timers leave the heap at once; a receive(timeout) loop leaves no timers behind. */
    @Test
    void cancelledTimersDoNotAccumulate() {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            for (int i = 0; i < 1_000_000; i++) {
                s.sendAfter(Duration.ofHours(1), "x", "y").cancel();
            }
            assertEquals(0, s.pendingTimers());
            int[] got = {0};
            s.<String>spawn("patient", ctx -> {
                while (ctx.receive(Duration.ofMinutes(5)).isPresent()) {
                    got[0]++;
                }
            });
            for (int i = 0; i < 100_000; i++) {
                s.send("patient", "m");
                s.run();
            }
            assertEquals(100_000, got[0]);
            assertEquals(1, s.pendingTimers(), "only the receive now waiting has a timer");
        }
    }

    /** #20, #21: a due timer fires beside one set for ever; absurd delays are clamped, not overflowed. */
    @Test
    void timersNearTheEndOfTimeStillOrderCorrectly() {
        ManualClock clock = new ManualClock();
        try (DequeScheduler s = DequeScheduler.create(options().withClock(clock))) {
            List<String> got = new ArrayList<>();
            s.<String>spawnHandler("t", (ctx, m) -> got.add(m));
            s.sendAfter(Duration.ofSeconds(Long.MAX_VALUE), "t", "forever");
            s.sendAfter(ChronoUnitYears.THOUSAND, "t", "in a thousand years");
            s.sendAfter(Duration.ofSeconds(1), "t", "soon");
            s.run();
            clock.advance(Duration.ofSeconds(1));
            s.run();
            assertEquals(List.of("soon"), got);
            assertEquals(2, s.pendingTimers());
        }
    }

    /** A thousand years, past what a long of nanoseconds holds. */
    static final class ChronoUnitYears {
        static final Duration THOUSAND = Duration.ofDays(365L * 1000);
    }

    /** #22, #23: null messages and names are the sender's mistake, said clearly; the actor is unharmed. */
    @Test
    void nullsAreClearErrorsAtTheSender() {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            ActorRef<String> a = s.spawn("a", ctx -> {
                while (true) {
                    ctx.receive(Duration.ofSeconds(1));
                }
            });
            NullPointerException e = assertThrows(NullPointerException.class, () -> a.send(null));
            assertEquals("a message to 'a' must not be null", e.getMessage());
            assertThrows(NullPointerException.class, () -> s.send("a", null));
            assertEquals("a recipient name must not be null",
                    assertThrows(NullPointerException.class, () -> s.send(null, "m")).getMessage());
            assertEquals("an actor name must not be null",
                    assertThrows(NullPointerException.class, () -> s.lookup(null)).getMessage());
            assertEquals("an actor name must not be null",
                    assertThrows(NullPointerException.class, () -> s.stop(null)).getMessage());
            assertThrows(NullPointerException.class, () -> s.ask(null, "m", Duration.ofSeconds(1)));
            s.run();
            assertTrue(a.isAlive());
            assertEquals(0, s.failureCount());
        }
    }

    /** #24: an ask's reply address takes no registry name, so it cannot collide with a user's actor. */
    @Test
    void askCannotCollideWithAUserActorsName() throws Exception {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            s.spawnHandler("ask-1-x", (ctx, m) -> { });
            s.<String>spawnHandler("x", (ctx, m) -> ctx.send(ctx.sender(), m + "!"));
            CompletableFuture<String> reply = s.ask("x", "hi", Duration.ofSeconds(1));
            s.run();
            assertEquals("hi!", reply.get());
        }
    }

    /** #25: stop frees the name when it returns, so a successor can take it at once. */
    @Test
    void stopFreesTheNameAtOnce() {
        try (DequeScheduler s = DequeScheduler.create(options())) {
            s.spawn("solo", ctx -> ctx.receive());
            assertTrue(s.stop("solo"));
            assertTrue(s.lookup("solo").isEmpty());
            s.spawn("solo", ctx -> ctx.receive());
            assertEquals(List.of("solo"), s.actorNames());
        }
    }
}
