package dev.frontier.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a task resumes: the seed's "Important Lesson". A task started with an executor runs every
 * step there; only the inline opt-in runs on the thread that completed the future.
 */
@Timeout(10)
class TaskThreadsTest {

    NamedThreadExecutor loop;
    NamedThreadExecutor pool;
    final List<String> threads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void threads() throws Exception {
        loop = new NamedThreadExecutor("task-loop");
        pool = new NamedThreadExecutor("pool-worker");
    }

    @AfterEach
    void stop() throws Exception {
        loop.close();
        pool.close();
    }

    void record(String where) {
        threads.add(where + ": " + Thread.currentThread().getName());
    }

    /** Waits until every command posted to {@code e} so far has run. */
    static void flush(NamedThreadExecutor e) throws Exception {
        e.executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTaskStartedOnAnExecutorResumesThereNotOnTheThreadThatCompletedTheFuture() throws Exception {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        Task<Integer> t = Task.start(loop.executor, a -> {
            record("before");
            int v = a.await(f);
            record("after");
            return v;
        });
        flush(loop); // the first step has run: the task is waiting on f
        pool.executor.execute(() -> {
            record("complete");
            f.complete(5);
        });
        assertEquals(5, t.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("before: task-loop", "complete: pool-worker", "after: task-loop"), threads);
    }

    @Test
    void theInlineOptInStartsOnTheCallerAndResumesOnTheCompletingThread() throws Exception {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        String caller = Thread.currentThread().getName();
        Task<Integer> t = Task.startInline(a -> {
            record("before");
            int v = a.await(f);
            record("after");
            return v;
        });
        assertEquals(List.of("before: " + caller), threads, "the first step ran inside startInline");
        pool.executor.execute(() -> {
            record("complete");
            f.complete(5);
        });
        assertEquals(5, t.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("before: " + caller, "complete: pool-worker", "after: pool-worker"), threads);
    }

    @Test
    void aPlainFutureResumesAnInlineTaskOnTheVirtualThreadThatWaitedForIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<Integer> plain = pool.executor.submit(() -> {
            gate.await();
            return 5;
        });
        Task<Integer> t = Task.startInline(a -> {
            int v = a.await(plain);
            record("after");
            return v;
        });
        gate.countDown();
        assertEquals(5, t.get(10, TimeUnit.SECONDS));
        assertEquals(1, threads.size());
        assertTrue(threads.get(0).startsWith("after: frontier-future-waiter-"), threads.get(0));
    }

    @Test
    void aPlainFutureResumesAnExecutorTaskOnItsExecutor() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<Integer> plain = pool.executor.submit(() -> {
            gate.await();
            return 5;
        });
        Task<Integer> t = Task.start(loop.executor, a -> {
            int v = a.await(plain);
            record("after");
            return v;
        });
        flush(loop);
        gate.countDown();
        assertEquals(5, t.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("after: task-loop"), threads);
    }

    @Test
    void twoTasksOnOneSingleThreadExecutorInterleaveAtTheirWaitsOnly() throws Exception {
        CompletableFuture<Void> a1 = new CompletableFuture<>();
        CompletableFuture<Void> b1 = new CompletableFuture<>();
        Task<Void> a = Task.start(loop.executor, w -> {
            record("a0");
            w.await(a1);
            record("a1");
            return null;
        });
        Task<Void> b = Task.start(loop.executor, w -> {
            record("b0");
            w.await(b1);
            record("b1");
            return null;
        });
        flush(loop);
        pool.executor.execute(() -> {
            b1.complete(null);
            a1.complete(null);
        });
        CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("a0: task-loop", "b0: task-loop", "b1: task-loop", "a1: task-loop"), threads);
    }
}
