package dev.frontier.task;

import static dev.frontier.core.GeneratorImplementation.CONTINUATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.Generator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A task's body, its waits and its outcome, driven by hand on a {@link ManualExecutor}. */
class TaskTest {

    final ManualExecutor loop = new ManualExecutor();

    static Throwable failureOf(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(0, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Nested
    class Outcome {

        @Test
        void completesWithTheBodysReturnValueAfterAWait() {
            CompletableFuture<Integer> sum = new CompletableFuture<>();
            Task<Integer> t = Task.start(loop, a -> a.await(sum) * 10);
            loop.runUntilIdle();
            assertFalse(t.isDone(), "waiting for sum");
            sum.complete(5);
            assertFalse(t.isDone(), "the resumption is posted to the loop, not run by complete()");
            loop.runUntilIdle();
            assertEquals(50, t.join());
        }

        @Test
        void nothingRunsBeforeTheExecutorRunsTheFirstStep() {
            List<String> log = new ArrayList<>();
            Task<String> t = Task.start(loop, a -> {
                log.add("ran");
                return "x";
            });
            assertEquals(List.of(), log);
            assertEquals(1, loop.pending());
            loop.runUntilIdle();
            assertEquals(List.of("ran"), log);
            assertEquals("x", t.join());
        }

        @Test
        void failureBeforeTheFirstWaitFailsTheTaskWithTheSameException() {
            IOException boom = new IOException("boom");
            Task<Integer> t = Task.start(loop, a -> {
                throw boom;
            });
            loop.runUntilIdle();
            assertSame(boom, failureOf(t));
            assertTrue(t.isCompletedExceptionally());
        }

        @Test
        void failureAfterTheFirstWaitFailsTheTaskRatherThanLeavingItPending() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<Integer> t = Task.start(loop, a -> {
                int x = a.await(f);
                throw new IllegalStateException("after " + x);
            });
            loop.runUntilIdle();
            f.complete(1);
            loop.runUntilIdle();
            Throwable cause = failureOf(t);
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals("after 1", cause.getMessage());
            CompletionException viaJoin = assertThrows(CompletionException.class, t::join);
            assertSame(cause, viaJoin.getCause());
        }

        @Test
        void aGeneratorBodyCompletesWithItsReturnValue() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<Integer> t = Task.start(loop, Generator.<Object, Object, Integer>of(y -> (Integer) y.yield(f) + 1));
            loop.runUntilIdle();
            f.complete(41);
            loop.runUntilIdle();
            assertEquals(42, t.join());
        }

        @Test
        void manyWaitsInALoopEachResumeWithTheirOwnValue() {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            List<Integer> got = new ArrayList<>();
            Task<Integer> t = Task.start(loop, a -> {
                for (int n = 3; n > 0; n--) {
                    CompletableFuture<Integer> f = new CompletableFuture<>();
                    futures.add(f);
                    got.add(a.await(f));
                }
                return got.size();
            });
            for (int i = 0; i < 3; i++) {
                loop.runUntilIdle();
                futures.get(i).complete(i * i);
            }
            loop.runUntilIdle();
            assertEquals(List.of(0, 1, 4), got);
            assertEquals(3, t.join());
        }
    }

    @Nested
    class FailedFutures {

        @Test
        void aFailedFutureIsThrownInAtTheWaitSoTryCatchWorks() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            IllegalArgumentException bad = new IllegalArgumentException("unsupported operand");
            Task<String> t = Task.start(loop, a -> {
                try {
                    return "Got: " + a.await(f);
                } catch (IllegalArgumentException e) {
                    return "Failed: " + e.getMessage();
                }
            });
            loop.runUntilIdle();
            f.completeExceptionally(bad);
            loop.runUntilIdle();
            assertEquals("Failed: unsupported operand", t.join());
        }

        @Test
        void theOriginalCauseIsThrownInNotTheCompletionExceptionOfADependentStage() {
            CompletableFuture<Integer> source = new CompletableFuture<>();
            CompletableFuture<Integer> dependent = source.thenApply(x -> x + 1);
            AtomicReference<Throwable> caught = new AtomicReference<>();
            IOException io = new IOException("disk");
            Task<Void> t = Task.start(loop, a -> {
                try {
                    a.await(dependent);
                } catch (IOException e) {
                    caught.set(e);
                }
                return null;
            });
            loop.runUntilIdle();
            source.completeExceptionally(io);
            loop.runUntilIdle();
            t.join();
            assertSame(io, caught.get());
        }

        @Test
        void anAlreadyFailedFutureThrowsTheOriginalCauseWithoutSuspending() {
            IOException io = new IOException("disk");
            Task<String> t = Task.start(loop, a -> {
                try {
                    a.await(CompletableFuture.failedFuture(io));
                    return "no";
                } catch (IOException e) {
                    return e.getMessage();
                }
            });
            assertEquals(1, loop.runUntilIdle());
            assertEquals("disk", t.join());
        }

        @Test
        void aCancelledFutureThrowsCancellationExceptionAtTheWait() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<String> t = Task.start(loop, a -> {
                try {
                    a.await(f);
                    return "no";
                } catch (CancellationException e) {
                    return "cancelled";
                }
            });
            loop.runUntilIdle();
            f.cancel(false);
            loop.runUntilIdle();
            assertEquals("cancelled", t.join());
        }

        @Test
        void anUncaughtFailedFutureFailsTheTaskWithTheOriginalCause() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<Integer> t = Task.start(loop, a -> a.await(f));
            loop.runUntilIdle();
            ArithmeticException div = new ArithmeticException("/ by zero");
            f.completeExceptionally(new CompletionException(div));
            loop.runUntilIdle();
            assertSame(div, failureOf(t));
        }
    }

    @Nested
    class WhatCanBeAwaited {

        @Test
        void anAlreadyCompletedFutureIsTakenWithoutSuspending() {
            Task<Integer> t = Task.start(loop, a -> {
                int sum = 0;
                for (int i = 0; i < 1000; i++) {
                    sum += a.await(CompletableFuture.completedFuture(i));
                }
                return sum;
            });
            assertEquals(1, loop.runUntilIdle(), "one step: no wait suspended");
            assertEquals(499_500, t.join());
        }

        @Test
        void aGeneratorYieldingACompletedFutureIsSentItsValueWithoutAPostedStep() {
            Task<Integer> t = Task.start(loop, Generator.<Object, Object, Integer>of(y ->
                    (Integer) y.yield(CompletableFuture.completedFuture(2)) + (Integer) y.yield(CompletableFuture.completedFuture(3))));
            assertEquals(1, loop.runUntilIdle());
            assertEquals(5, t.join());
        }

        @Test
        void anotherTask() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<Integer> inner = Task.start(loop, a -> a.await(f) * 2);
            Task<Integer> outer = Task.start(loop, a -> a.await(inner) + 1);
            loop.runUntilIdle();
            f.complete(10);
            loop.runUntilIdle();
            assertEquals(21, outer.join());
        }

        @Test
        void aCompletionStageThatIsNotAFuture() {
            CompletableFuture<String> source = new CompletableFuture<>();
            CompletionStage<String> minimal = source.minimalCompletionStage();
            Task<String> t = Task.start(loop, a -> a.await(minimal).toUpperCase());
            loop.runUntilIdle();
            source.complete("hi");
            loop.runUntilIdle();
            assertEquals("HI", t.join());
        }

        @Test
        @Timeout(10)
        void aPlainFutureThatIsNotACompletionStage() throws Exception {
            FutureTask<Integer> plain = new FutureTask<>(() -> 7);
            CompletableFuture<Integer> result = new CompletableFuture<>();
            try (NamedThreadExecutor e = new NamedThreadExecutor("task-loop")) {
                Task<Integer> t = Task.start(e.executor, a -> a.await(plain) * 6);
                t.whenComplete((v, x) -> result.complete(v));
                plain.run();
                assertEquals(42, result.get(10, TimeUnit.SECONDS));
            }
        }

        @Test
        @Timeout(10)
        void aFailedPlainFutureThrowsItsOriginalCause() throws Exception {
            FutureTask<Integer> plain = new FutureTask<>(() -> {
                throw new IOException("plain failure");
            });
            try (NamedThreadExecutor e = new NamedThreadExecutor("task-loop")) {
                Task<String> t = Task.start(e.executor, a -> {
                    try {
                        return "no " + a.await(plain);
                    } catch (IOException x) {
                        return x.getMessage();
                    }
                });
                plain.run();
                assertEquals("plain failure", t.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Nested
    class Misuse {

        @Test
        void aGeneratorYieldingSomethingThatIsNotAFutureHasItThrownInAtTheYield() {
            AtomicReference<Throwable> caught = new AtomicReference<>();
            Task<String> t = Task.start(loop, Generator.<Object, Object, String>of(y -> {
                try {
                    y.yield("hello");
                } catch (NotAFutureException e) {
                    caught.set(e);
                }
                return "recovered";
            }));
            loop.runUntilIdle();
            assertEquals("recovered", t.join());
            assertEquals("task yielded a java.lang.String, not a Future or CompletionStage: hello",
                    caught.get().getMessage());
        }

        @Test
        void yieldingNullFailsTheTask() {
            Task<Object> t = Task.start(loop, Generator.<Object, Object, Object>of(y -> y.yield(null)));
            loop.runUntilIdle();
            Throwable cause = failureOf(t);
            assertInstanceOf(NotAFutureException.class, cause);
            assertEquals("task yielded null, not a future", cause.getMessage());
        }

        @Test
        void aTaskAwaitingItselfHasTaskAwaitsItselfExceptionThrownIn() {
            AtomicReference<Task<Integer>> self = new AtomicReference<>();
            Task<Integer> t = Task.start(loop, a -> a.await(self.get()));
            self.set(t);
            loop.runUntilIdle();
            Throwable cause = failureOf(t);
            assertInstanceOf(TaskAwaitsItselfException.class, cause);
            assertEquals("task cannot await itself: " + t.toString().replace("failed", "running"), cause.getMessage());
        }

        @Test
        void anAwaiterKeptAfterItsTaskFinishedCannotBeUsed() {
            AtomicReference<Awaiter> kept = new AtomicReference<>();
            Task<Void> t = Task.start(loop, a -> {
                kept.set(a);
                return null;
            });
            loop.runUntilIdle();
            t.join();
            AwaitOutsideTaskException e = assertThrows(AwaitOutsideTaskException.class,
                    () -> kept.get().await(CompletableFuture.completedFuture(1)));
            assertEquals("await called outside the running body of its task", e.getMessage());
        }

        @Test
        void anAwaiterUsedInsideAGeneratorTheBodyIteratesCannotSuspendTheTask() {
            CompletableFuture<Integer> pending = new CompletableFuture<>();
            Task<String> t = Task.start(loop, a -> {
                Generator<Integer, Void, Void> inner = Generator.ofVoid(y -> y.yield(a.await(pending)));
                try {
                    inner.next();
                    return "no";
                } catch (AwaitOutsideTaskException e) {
                    return e.getCause() == null ? "no cause" : e.getCause().getClass().getSimpleName();
                }
            });
            loop.runUntilIdle();
            // On continuations the inner body runs on the task's thread, so the await gets as far as
            // the yield, which refuses; on the thread fallback it runs on a thread of its own, which
            // the awaiter refuses first.
            assertEquals(CONTINUATIONS ? "YieldOutsideGeneratorException" : "no cause", t.join());
        }

        @Test
        void aGeneratorThatHasAlreadyStartedIsRejected() {
            Generator<Object, Object, Void> g = Generator.ofVoid(y -> y.yield(1));
            g.next();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Task.start(loop, g));
            assertEquals("a task needs a generator that has not started: " + g, e.getMessage());
        }

        @Test
        void obtrudingAResultIsNotSupported() {
            Task<Integer> t = Task.start(loop, a -> 1);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> t.obtrudeValue(2));
            assertEquals("a task's result comes from its body; obtrudeValue is not supported", e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> t.obtrudeException(new IOException()));
        }

        @Test
        void anExecutorThatRejectsTheStepFailsTheTaskAndClosesTheBody() {
            List<String> log = new ArrayList<>();
            CompletableFuture<Integer> f = new CompletableFuture<>();
            boolean[] open = {true};
            Task<Integer> t = Task.start(command -> {
                if (!open[0]) {
                    throw new RejectedExecutionException("shut down");
                }
                command.run();
            }, a -> {
                try {
                    return a.await(f);
                } finally {
                    log.add("finally on " + Thread.currentThread().getName());
                }
            });
            open[0] = false;
            f.complete(1);
            Throwable cause = failureOf(t);
            assertInstanceOf(RejectedExecutionException.class, cause);
            assertEquals(List.of("finally on " + Thread.currentThread().getName()), log);
        }

        @Test
        void toStringShowsThePhase() {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            Task<Integer> t = Task.start(loop, a -> a.await(f));
            assertTrue(t.toString().matches("Task@[0-9a-f]+\\[scheduled]"), t.toString());
            loop.runUntilIdle();
            assertTrue(t.toString().endsWith("[waiting]"), t.toString());
            f.complete(1);
            loop.runUntilIdle();
            assertTrue(t.toString().endsWith("[completed]"), t.toString());
            assertNull(Task.start(loop, a -> null).getNow(null));
        }
    }
}
