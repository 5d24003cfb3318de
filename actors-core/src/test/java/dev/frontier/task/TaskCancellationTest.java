package dev.frontier.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.GeneratorExit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancelling, or completing from outside, closes the body where it waits, on the task's executor. */
class TaskCancellationTest {

    final ManualExecutor loop = new ManualExecutor();
    final List<String> log = new ArrayList<>();

    Task<Integer> waitingWithFinally(CompletableFuture<Integer> f) {
        return Task.start(loop, a -> {
            try {
                log.add("waiting");
                int v = a.await(f);
                log.add("resumed");
                return v;
            } finally {
                log.add("finally");
            }
        });
    }

    @Test
    void cancelWhileWaitingClosesTheBodyAsAStepOnTheExecutorSoFinallyRuns() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        Task<Integer> t = waitingWithFinally(f);
        loop.runUntilIdle();

        assertTrue(t.cancel(true));
        assertTrue(t.isCancelled());
        assertThrows(CancellationException.class, t::join);
        assertEquals(List.of("waiting"), log, "the close is posted to the executor, not run by cancel()");
        assertEquals(1, loop.pending());

        loop.runUntilIdle();
        assertEquals(List.of("waiting", "finally"), log);

        f.complete(1);
        assertEquals(0, loop.pending(), "the waited future completing later wakes nothing");
        assertTrue(t.toString().endsWith("[cancelled]"), t.toString());
    }

    @Test
    void cancelBeforeTheFirstStepMeansTheBodyNeverRuns() {
        Task<Integer> t = waitingWithFinally(new CompletableFuture<>());
        assertTrue(t.cancel(false));
        loop.runUntilIdle();
        assertEquals(List.of(), log);
        assertTrue(t.isCancelled());
    }

    @Test
    void cancellingADoneTaskChangesNothing() {
        Task<Integer> t = Task.start(loop, a -> 1);
        loop.runUntilIdle();
        assertFalse(t.cancel(true));
        assertEquals(1, t.join());
        assertEquals(0, loop.pending());
    }

    @Test
    void cancelFromInsideTheBodyClosesItAtItsNextRealWait() {
        AtomicReference<Task<Integer>> self = new AtomicReference<>();
        CompletableFuture<Integer> pending = new CompletableFuture<>();
        Task<Integer> t = Task.start(loop, a -> {
            try {
                self.get().cancel(true);
                log.add("still running");
                int done = a.await(CompletableFuture.completedFuture(7));
                log.add("a done future does not suspend: " + done);
                a.await(pending);
                log.add("never");
                return 0;
            } finally {
                log.add("finally");
            }
        });
        self.set(t);
        loop.runUntilIdle();
        assertEquals(List.of("still running", "a done future does not suspend: 7", "finally"), log);
        assertTrue(t.isCancelled());
    }

    @Test
    void theBodySeesGeneratorExitAtTheWait() {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Task<Integer> t = Task.start(loop, a -> {
            try {
                return a.await(new CompletableFuture<Integer>());
            } catch (Throwable e) {
                seen.set(e);
                throw e;
            }
        });
        loop.runUntilIdle();
        t.cancel(true);
        loop.runUntilIdle();
        assertInstanceOf(GeneratorExit.class, seen.get());
    }

    @Test
    void completingFromOutsideSettlesTheTaskAndClosesTheBody() {
        Task<Integer> t = waitingWithFinally(new CompletableFuture<>());
        loop.runUntilIdle();
        assertTrue(t.complete(99));
        loop.runUntilIdle();
        assertEquals(99, t.join());
        assertEquals(List.of("waiting", "finally"), log);
    }

    @Test
    void failingFromOutsideSettlesTheTaskAndClosesTheBody() {
        Task<Integer> t = waitingWithFinally(new CompletableFuture<>());
        loop.runUntilIdle();
        IllegalStateException stop = new IllegalStateException("stop");
        assertTrue(t.completeExceptionally(stop));
        loop.runUntilIdle();
        ExecutionException e = assertThrows(ExecutionException.class, t::get);
        assertEquals(stop, e.getCause());
        assertEquals(List.of("waiting", "finally"), log);
    }

    @Test
    void completeAsyncClosesTheBodyToo() {
        Task<Integer> t = waitingWithFinally(new CompletableFuture<>());
        loop.runUntilIdle();
        t.completeAsync(() -> 5, loop);
        loop.runUntilIdle();
        assertEquals(5, t.join());
        assertEquals(List.of("waiting", "finally"), log);
    }

    @Test
    void aBodyThatAwaitsAgainWhileBeingClosedIsAbandonedAndTheTaskStaysCancelled() {
        Task<Integer> t = Task.start(loop, a -> {
            try {
                return a.await(new CompletableFuture<Integer>());
            } finally {
                log.add("finally");
                a.await(new CompletableFuture<Integer>()); // ignores GeneratorExit: logged, abandoned
                log.add("never");
            }
        });
        loop.runUntilIdle();
        try (ExpectedLog warned = ExpectedLog.of(Task.class)) {
            t.cancel(true);
            loop.runUntilIdle();
            assertEquals(List.of(t + ": its body failed while being closed"), warned.messages());
        }
        assertEquals(List.of("finally"), log);
        assertTrue(t.toString().endsWith("[cancelled]"));
    }

    @Test
    @Timeout(10)
    void orTimeoutClosesTheBodyOnTheTasksExecutor() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Thread> closedOn = new AtomicReference<>();
        try (NamedThreadExecutor e = new NamedThreadExecutor("task-loop")) {
            Task<Integer> t = Task.start(e.executor, a -> {
                started.countDown();
                try {
                    return a.await(new CompletableFuture<Integer>());
                } finally {
                    closedOn.set(Thread.currentThread());
                    closed.countDown();
                }
            });
            // A timeout that fires before the first step closes a body that never ran: no finally to see.
            assertTrue(started.await(10, TimeUnit.SECONDS));
            t.orTimeout(1, TimeUnit.MILLISECONDS);
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            // by name: on the thread fallback the body runs on its own thread, named after its resumer
            assertEquals(e.thread.getName(), closedOn.get().getName());
            ExecutionException x = assertThrows(ExecutionException.class, t::get);
            assertInstanceOf(TimeoutException.class, x.getCause());
        }
    }

    /**
     * The race the phase protocol exists for: the waited future completes on one thread while
     * another cancels. Whatever the interleaving, the body is resumed or closed, on the task's
     * executor, exactly once, and the finally block runs exactly once.
     */
    @Test
    @Timeout(60)
    void cancelRacingTheResumptionRunsTheBodyOnTheExecutorAndFinallyExactlyOnce() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        int resumedThenCancelled = 0;
        int closedAtTheWait = 0;
        int completed = 0;
        try (NamedThreadExecutor e = new NamedThreadExecutor("task-loop")) {
            for (int i = 0; i < 3000; i++) {
                CompletableFuture<Integer> first = new CompletableFuture<>();
                CompletableFuture<Integer> second = new CompletableFuture<>();
                AtomicInteger finallies = new AtomicInteger();
                AtomicReference<Thread> wrongThread = new AtomicReference<>();
                CountDownLatch finallyRan = new CountDownLatch(1);
                AtomicInteger resumed = new AtomicInteger();
                CountDownLatch waiting = new CountDownLatch(1);
                Task<Integer> t = Task.start(e.executor, a -> {
                    try {
                        waiting.countDown();
                        int v = a.await(first);
                        resumed.incrementAndGet();
                        if (!onExecutor(e)) {
                            wrongThread.set(Thread.currentThread());
                        }
                        return v + a.await(second);
                    } finally {
                        if (!onExecutor(e)) {
                            wrongThread.set(Thread.currentThread());
                        }
                        finallies.incrementAndGet();
                        finallyRan.countDown();
                    }
                });
                assertTrue(waiting.await(10, TimeUnit.SECONDS));
                CountDownLatch go = new CountDownLatch(1);
                racers.execute(() -> {
                    awaitQuietly(go);
                    first.complete(1);
                    second.complete(2);
                });
                racers.execute(() -> {
                    awaitQuietly(go);
                    t.cancel(true);
                });
                go.countDown();
                assertTrue(finallyRan.await(10, TimeUnit.SECONDS), "iteration " + i);
                // a stray second resumption would have to come through the executor: flush it
                e.executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
                assertEquals(1, finallies.get(), "iteration " + i);
                assertEquals(null, wrongThread.get(), "iteration " + i);
                assertTrue(t.isDone());
                if (!t.isCancelled()) {
                    assertEquals(3, t.join());
                    completed++;
                } else if (resumed.get() == 1) {
                    resumedThenCancelled++;
                } else {
                    closedAtTheWait++;
                }
            }
        } finally {
            racers.shutdownNow();
        }
        org.slf4j.LoggerFactory.getLogger(TaskCancellationTest.class).info(
                "race outcomes: completed {}, closed at the first wait {}, resumed then cancelled {}",
                completed, closedAtTheWait, resumedThenCancelled);
        assertEquals(3000, completed + closedAtTheWait + resumedThenCancelled);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the calling body runs on {@code e}'s thread. By name: on the thread fallback a body
     * runs on a thread of its own that takes its resumer's name at each resume.
     */
    private static boolean onExecutor(NamedThreadExecutor e) {
        return Thread.currentThread().getName().equals(e.thread.getName());
    }
}
