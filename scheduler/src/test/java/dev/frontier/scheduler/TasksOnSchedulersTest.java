package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's "important lesson", with thread names: a task started on a scheduler resumes on the
 * scheduler's thread, never on the pool thread that completed the future it waited for; resuming
 * inline on the completing thread is the explicit opt-in.
 */
@Timeout(30)
class TasksOnSchedulersTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "fib-pool"));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aTaskStartedOnARunningSchedulerResumesOnTheSchedulerThread() throws Exception {
        try (DequeScheduler scheduler = DequeScheduler.create().start()) {
            List<String> threads = new CopyOnWriteArrayList<>();
            Task<Integer> task = Task.start(scheduler, a -> {
                threads.add(Thread.currentThread().getName());
                int r = a.await(CompletableFuture.supplyAsync(() -> {
                    threads.add(Thread.currentThread().getName());
                    return 2 + 3;
                }, pool));
                threads.add(Thread.currentThread().getName());
                return r;
            });
            assertEquals(5, task.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("frontier-scheduler", "fib-pool", "frontier-scheduler"), threads);
        }
    }

    @Test
    void resumingInlineOnTheCompletingThreadIsTheOptIn() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        Task<Integer> task = Task.startInline(a -> {
            int r = a.await(gate);
            threads.add(Thread.currentThread().getName());
            return r;
        });
        Thread completer = Thread.ofPlatform().name("completer").start(() -> gate.complete(7));
        completer.join(10_000);
        assertEquals(7, task.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("completer"), threads);
    }

    @Test
    void anActorsTaskRunsWhereTheActorRunsAndReportsBackAsAMessage() throws Exception {
        try (DequeScheduler scheduler = DequeScheduler.create().start()) {
            CompletableFuture<String> result = new CompletableFuture<>();
            scheduler.<Object>spawn("fibber", ctx -> {
                ctx.receive();
                Task<Integer> t = Task.start(ctx.executor(), a -> {
                    int x = a.await(CompletableFuture.supplyAsync(() -> 21, pool));
                    return x * 2;
                });
                t.thenAccept(v -> ctx.self().send("task said " + v + " on " + Thread.currentThread().getName()));
                result.complete(ctx.receive(String.class));
            });
            scheduler.send("fibber", "go");
            assertEquals("task said 42 on frontier-scheduler", result.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTaskSleepsOnTheSchedulersTimersUnderVirtualTime() {
        ManualClock clock = new ManualClock();
        try (DequeScheduler scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withClock(clock))) {
            Task<String> task = Task.start(scheduler, a -> {
                a.await(scheduler.sleep(Duration.ofSeconds(30)));
                return "woke";
            });
            scheduler.run();
            assertFalse(task.isDone());
            clock.advance(Duration.ofSeconds(29));
            scheduler.run();
            assertFalse(task.isDone());
            clock.advance(Duration.ofSeconds(1));
            scheduler.run();
            assertTrue(task.isDone());
            assertEquals("woke", task.join());
        }
    }

    @Test
    @Timeout(10)
    void anActorTaskOnThreadPerActorResumesOnTheActorsOwnThread() throws Exception {
        try (ThreadPerActorSystem system = ThreadPerActorSystem.create()) {
            CompletableFuture<String> where = new CompletableFuture<>();
            system.<Object>spawn("worker", ctx -> {
                ctx.receive();
                Task.start(ctx.executor(), a -> {
                    a.await(CompletableFuture.supplyAsync(() -> 1, pool));
                    where.complete(Thread.currentThread().getName());
                    return null;
                });
                while (true) {
                    ctx.receive();
                }
            });
            system.send("worker", "go");
            assertEquals("actor-worker", where.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTaskWhoseSchedulerHasShutDownFailsInsteadOfHanging() throws Exception {
        DequeScheduler scheduler = DequeScheduler.create().start();
        CompletableFuture<Integer> late = new CompletableFuture<>();
        Task<Integer> task = Task.start(scheduler, a -> a.await(late));
        scheduler.shutdown();
        late.complete(1);
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> task.get(10, TimeUnit.SECONDS));
        org.junit.jupiter.api.Assertions.assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, e.getCause());
    }
}
