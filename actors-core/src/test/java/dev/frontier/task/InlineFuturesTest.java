package dev.frontier.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.Generator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's runners: start_inline_future, run_inline_future, run_inline_thread, patch_future. */
@Timeout(10)
class InlineFuturesTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "pool-worker"));
    final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static int func(int x, int y) {
        return x + y;
    }

    /** Seed: {@code do_func(x, y): result = yield pool.submit(func, x, y); return result}. */
    TaskBody<Integer> doFunc(int x, int y) {
        return a -> {
            threads.add("before: " + Thread.currentThread().getName());
            int result = a.await(pool.submit(() -> func(x, y)));
            threads.add("after: " + Thread.currentThread().getName());
            return result;
        };
    }

    @Test
    void runInlineFutureReturnsTheResult() throws Exception {
        assertEquals(5, InlineFutures.runInlineFuture(doFunc(2, 3)));
    }

    @Test
    void startInlineFutureRunsTasksInParallel() throws Exception {
        Task<Integer> t1 = InlineFutures.startInlineFuture(doFunc(2, 3));
        Task<Integer> t2 = InlineFutures.startInlineFuture(doFunc(4, 5));
        assertEquals(5, t1.get(10, TimeUnit.SECONDS));
        assertEquals(9, t2.get(10, TimeUnit.SECONDS));
    }

    @Test
    void runInlineFutureThrowsTheBodysExceptionUnwrapped() {
        IOException io = new IOException("no");
        IOException thrown = assertThrows(IOException.class, () -> InlineFutures.runInlineFuture(a -> {
            a.await(CompletableFuture.supplyAsync(() -> 1, pool));
            throw io;
        }));
        assertSame(io, thrown);
    }

    @Test
    void runInlineFutureDrivesAGeneratorYieldingFutures() throws Exception {
        Generator<Object, Object, Integer> g = Generator.of(y -> (Integer) y.yield(pool.submit(() -> func(2, 3))) * 2);
        assertEquals(10, InlineFutures.runInlineFuture(g));
        assertEquals(10, InlineFutures.startInlineFuture(
                Generator.<Object, Object, Integer>of(y -> (Integer) y.yield(pool.submit(() -> 10)))).get(10, TimeUnit.SECONDS));
    }

    @Test
    void runInlineThreadStepsTheWholeBodyOnTheCallingThread() throws Exception {
        String caller = Thread.currentThread().getName();
        assertEquals(5, InlineFutures.runInlineThread(doFunc(2, 3)));
        assertEquals(List.of("before: " + caller, "after: " + caller), threads);
    }

    @Test
    void runInlineThreadThrowsFailedFuturesInAtTheWait() throws Exception {
        Generator<Object, Object, String> g = Generator.of(y -> {
            try {
                return "Got: " + y.yield(CompletableFuture.supplyAsync(() -> {
                    throw new IllegalArgumentException("unsupported operand type(s) for +: 'int' and 'str'");
                }, pool));
            } catch (IllegalArgumentException e) {
                return "Failed: " + e.getMessage();
            }
        });
        assertEquals("Failed: unsupported operand type(s) for +: 'int' and 'str'", InlineFutures.runInlineThread(g));
    }

    @Test
    void runInlineThreadThrowsNotAFutureInAtABadYield() {
        Generator<Object, Object, Void> g = Generator.ofVoid(y -> y.yield(42));
        NotAFutureException e = assertThrows(NotAFutureException.class, () -> InlineFutures.runInlineThread(g));
        assertEquals("task yielded a java.lang.Integer, not a Future or CompletionStage: 42", e.getMessage());
    }

    @Test
    void runInlineThreadInterruptedWhileWaitingClosesTheBodyAndThrows() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch finallyRan = new CountDownLatch(1);
        Thread runner = new Thread(() -> {
            Thread.currentThread().interrupt(); // get() sees it at once
            try {
                InlineFutures.runInlineThread(a -> {
                    try {
                        return a.await(new CompletableFuture<Integer>());
                    } finally {
                        finallyRan.countDown();
                    }
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        runner.start();
        runner.join();
        assertInstanceOf(InterruptedException.class, outcome.get());
        assertEquals(0, finallyRan.getCount());
    }

    @Test
    void seedRunInlineThreadOnAThreadPool() throws Exception {
        Future<Integer> t1 = pool.submit(() -> InlineFutures.runInlineThread(doFunc(2, 3)));
        assertEquals(5, t1.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("before: pool-worker", "after: pool-worker"), threads);
    }

    @Test
    void awaitingMakesAFutureSomethingYieldFromCanDelegateTo() throws Exception {
        CompletableFuture<Integer> pending = new CompletableFuture<>();
        Generator<Object, Object, Integer> g = Generator.of(y -> {
            int done = y.yieldFrom(InlineFutures.awaiting(CompletableFuture.completedFuture(1)));
            int later = y.yieldFrom(InlineFutures.awaiting(pending));
            return done + later;
        });
        Task<Integer> t = Task.startInline(g);
        assertFalse(t.isDone());
        pending.complete(41);
        assertTrue(t.isDone());
        assertEquals(42, t.join());
    }
}
