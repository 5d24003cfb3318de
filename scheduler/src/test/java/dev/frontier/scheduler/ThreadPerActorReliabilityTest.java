package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Backoff;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.RestartType;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Thread-per-actor under races, stops and shutdown (numbers from the reliability issue). */
@Timeout(60)
class ThreadPerActorReliabilityTest {

    /** #8: spawning and stopping while others send never throws at a sender, and no thread leaks. */
    @Test
    void spawnStopChurnRacingSendersThrowsNothingAtThem() throws Exception {
        ThreadPerActorSystem s = ThreadPerActorSystem.create();
        AtomicReference<Throwable> thrownAtSender = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            senders.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        s.send("churn", "m");
                        sent.incrementAndGet();
                    } catch (Throwable e) {
                        thrownAtSender.set(e);
                    }
                }
            }));
        }
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            s.<String>spawn("churn", ctx -> {
                threads.add(Thread.currentThread());
                while (true) {
                    ctx.receive();
                    delivered.incrementAndGet();
                }
            });
            s.stop("churn");
        }
        stop.set(true);
        for (Thread t : senders) {
            t.join(10_000);
        }
        s.shutdown();
        assertNull(thrownAtSender.get());
        assertEquals(sent.get(), delivered.get() + s.deadLetters().count(), "every send delivered or a dead letter");
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t.getName() + " leaked");
        }
        assertTrue(s.awaitTermination(Duration.ofSeconds(1)));
    }

    /** #8: shutdown racing spawn refuses cleanly (no NullPointerException, no IllegalThreadStateException) and leaks no thread. */
    @Test
    void shutdownRacingSpawnRefusesCleanly() throws Exception {
        for (boolean virtual : new boolean[] {true, false}) {
            for (int trial = 0; trial < 20; trial++) {
                ThreadPerActorSystem s = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withVirtualThreads(virtual));
                AtomicReference<Throwable> unexpected = new AtomicReference<>();
                List<Thread> started = new CopyOnWriteArrayList<>();
                Thread spawner = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            s.spawn("a" + i, ctx -> {
                                started.add(Thread.currentThread());
                                ctx.receive();
                            });
                        } catch (IllegalStateException refused) {
                            // shut down: expected
                        } catch (Throwable t) {
                            unexpected.set(t);
                        }
                    }
                });
                s.shutdown();
                spawner.join(10_000);
                assertNull(unexpected.get());
                assertTrue(s.awaitTermination(Duration.ofSeconds(10)));
                for (Thread t : started) {
                    t.join(5_000);
                    assertFalse(t.isAlive(), t.getName() + " leaked");
                }
                assertTrue(s.actorNames().isEmpty());
            }
        }
    }

    /**
     * Found by StressTest: shutdown joined an actor thread whose start() was still under way (alive,
     * yet NEW) and Thread.join(Duration) threw IllegalThreadStateException at the caller.
     */
    @Test
    void shutdownWhileActorThreadsAreStartingThrowsNothing() throws Exception {
        for (int trial = 0; trial < 200; trial++) {
            ThreadPerActorSystem s = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withVirtualThreads(false));
            AtomicBoolean over = new AtomicBoolean();
            List<Thread> spawners = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int id = k;
                spawners.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !over.get(); i++) {
                        try {
                            s.spawn("a" + id + "-" + i, ctx -> ctx.receive());
                        } catch (IllegalStateException refused) {
                            return;
                        }
                    }
                }));
            }
            Thread.yield();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            try {
                s.shutdown();
            } catch (Throwable t) {
                thrown.set(t);
            }
            over.set(true);
            for (Thread t : spawners) {
                t.join(10_000);
            }
            assertNull(thrown.get(), "trial " + trial);
            assertTrue(s.awaitTermination(Duration.ofSeconds(10)), "trial " + trial);
        }
    }

    /** #12: a task on a stopped actor's executor does not stay scheduled for ever: it is refused. */
    @Test
    void aTaskOnAStoppedActorsExecutorFailsInsteadOfHanging() throws Exception {
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            CompletableFuture<java.util.concurrent.Executor> executor = new CompletableFuture<>();
            ActorRef<String> a = s.spawn("worker", ctx -> {
                executor.complete(ctx.executor());
                ctx.receive();
            });
            java.util.concurrent.Executor ex = executor.get(10, TimeUnit.SECONDS);
            s.stop("worker");
            a.termination().get(10, TimeUnit.SECONDS);
            CompletableFuture<Integer> step = new CompletableFuture<>();
            Task<Integer> t = Task.start(ex, awaiter -> awaiter.await(step));
            step.complete(1);
            ExecutionException e = assertThrows(ExecutionException.class, () -> t.get(10, TimeUnit.SECONDS));
            assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, e.getCause());
        }
    }

    /** #13: actors that always have mail give way to the others, even with virtual threads on few carriers. */
    @Test
    void busyActorsCannotStarveTheOthers() throws Exception {
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            int carriers = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < carriers + 1; i++) {
                s.<Integer>spawnHandler("busy-" + i, (ctx, n) -> ctx.send(ctx.self(), n + 1));
                s.send("busy-" + i, 0);
            }
            CompletableFuture<String> heard = new CompletableFuture<>();
            s.<String>spawnHandler("quiet", (ctx, m) -> heard.complete(m));
            s.send("quiet", "heard");
            assertEquals("heard", heard.get(50, TimeUnit.SECONDS)); // starvation would hang for ever; 50 s only bounds a loaded machine
        }
    }

    /** #15: a stop overtakes the backlog: the actor stops at its next wait and the backlog is dead letters. */
    @Test
    void shutdownDoesNotWaitForABacklog() throws Exception {
        ThreadPerActorSystem s = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withShutdownTimeout(Duration.ofSeconds(20)));
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicLong handled = new AtomicLong();
        ActorRef<Integer> slow = s.spawn("slow", ctx -> {
            ctx.await(gate);
            while (true) {
                ctx.receive();
                handled.incrementAndGet();
            }
        });
        for (int i = 0; i < 100_000; i++) {
            slow.send(i);
        }
        s.stop("slow");
        gate.complete(null);
        slow.termination().get(20, TimeUnit.SECONDS);
        s.shutdown();
        assertEquals(0, handled.get(), "the stop came first");
        assertEquals(100_000, s.deadLetters().count());
    }

    /** #16: an interrupted idle actor thread stops its actor (its finally runs) instead of spinning. */
    @Test
    void anInterruptStopsAnIdleActor() throws Exception {
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            CompletableFuture<String> cleanedUp = new CompletableFuture<>();
            ActorRef<String> a = s.spawn("idle", ctx -> {
                thread.complete(Thread.currentThread());
                try {
                    ctx.receive();
                } finally {
                    cleanedUp.complete("finally");
                }
            });
            thread.get(10, TimeUnit.SECONDS).interrupt();
            assertEquals("finally", cleanedUp.get(10, TimeUnit.SECONDS));
            a.termination().get(10, TimeUnit.SECONDS);
            assertEquals(0, s.failureCount());
        }
    }

    /** #25: stop frees the name when it returns, in this mode too. */
    @Test
    void stopFreesTheNameAtOnce() throws Exception {
        try (ThreadPerActorSystem s = ThreadPerActorSystem.create()) {
            s.spawn("solo", ctx -> ctx.receive());
            assertTrue(s.stop("solo"));
            assertTrue(s.lookup("solo").isEmpty());
            s.spawn("solo", ctx -> ctx.receive());
        }
    }

    /** A manual clock cannot drive real threads: refused with a clear error, not silently ignored. */
    @Test
    void aManualClockIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThreadPerActorSystem.create(ActorSystemOptions.defaults().withClock(new ManualClock())));
        assertTrue(e.getMessage().contains("DequeScheduler"), e.getMessage());
    }

    /**
     * A restarted handler takes the messages kept while it was suspended; a stop that comes as it
     * takes the first must leave that message delivered or a dead letter, not neither (a
     * supervised soak lost one this way at shutdown). The tracer, which sees the kept message as it
     * is taken, asks for the stop at exactly that point.
     */
    @Test
    void aStopAsARestartedHandlerTakesAKeptMessageLosesNothing() throws Exception {
        AtomicReference<ThreadPerActorSystem> system = new AtomicReference<>();
        List<DeadLetter> dead = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        ThreadPerActorSystem s = ThreadPerActorSystem.create(ActorSystemOptions.defaults()
                .withErrorHandler(failure -> { })
                .withDeadLetterListener(dead::add)
                .withTracer((from, to, m, seq) -> {
                    if (m.equals("kept")) {
                        system.get().stop("h");
                    }
                }));
        system.set(s);
        try {
            ActorRef<Void> sup = s.spawnSupervisor("sup", SupervisorSpec.oneForOne()
                    // the restart waits, so "kept" arrives while the child is suspended and is kept
                    .withBackoff(Backoff.of(Duration.ofMillis(200), Duration.ofMillis(200), 0))
                    .child(ChildSpec.<String>handler("h", () -> (ctx, m) -> {
                        if (m.equals("crash")) {
                            throw new IllegalStateException("crash");
                        }
                        handled.add(m);
                    }).withRestart(RestartType.TRANSIENT)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.lookup("h").isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.yield(); // the supervisor starts its child on its own thread
            }
            ActorRef<String> h = s.<String>lookup("h").orElseThrow();
            h.send("crash");
            h.send("kept");
            h.termination().get(10, TimeUnit.SECONDS);
            List<Object> deadMessages = dead.stream().map(DeadLetter::message).toList();
            assertEquals(1, (handled.contains("kept") ? 1 : 0) + (deadMessages.contains("kept") ? 1 : 0),
                    "handled " + handled + ", dead letters " + dead);
            assertTrue(sup.isAlive());
        } finally {
            s.shutdown();
        }
    }
}
