package dev.frontier.examples.fib;

import dev.frontier.task.InlineFutures;
import dev.frontier.task.Task;
import dev.frontier.task.TaskBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's inlined futures (Parts 3 and 5) as a Java program: a task's body waits on futures
 * computed by a pool, in the middle of ordinary sequential code.
 *
 * <ol>
 *   <li>{@code do_func(2, 3)}: one wait, "Got: 5".</li>
 *   <li>{@code do_func(2, "Hello")}: the pool's function fails (Python's {@code TypeError}, here a
 *       {@link ClassCastException}); the failure is thrown in at the wait, caught by the body, or
 *       left to fail the task.</li>
 *   <li>{@code do_many(5)}: waits in a loop. {@code pool.submit} returns a plain {@code Future}: a
 *       wait on one that is still pending resumes on the virtual thread that blocked on it
 *       ({@code frontier-future-waiter-N}); one already done is read on the spot.</li>
 *   <li>Where a task resumes: inline on the pool's threads, or always on the task's executor.</li>
 *   <li>{@code compute_fibs(n)}: each {@code fib(i)} submitted to a 2-thread pool; two runs one
 *       after the other, then two tasks in parallel, then {@code run_inline_thread} on a second
 *       pool. The times are printed, not asserted.</li>
 * </ol>
 *
 * <p>Run: {@code java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -cp ... 
 * dev.frontier.examples.fib.FibExample [n]} ({@code n} defaults to 38).
 */
public final class FibExample {

    private static final Logger log = LoggerFactory.getLogger(FibExample.class);

    private FibExample() {
    }

    /** Seed: {@code def fib(n): return 1 if n <= 2 else (fib(n-1) + fib(n-2))}. */
    static int fib(int n) {
        return n <= 2 ? 1 : fib(n - 1) + fib(n - 2);
    }

    /** Seed: {@code def func(x, y): return x + y}; with a String it fails as Python's does. */
    static int func(Object x, Object y) {
        return (Integer) x + (Integer) y;
    }

    /** Seed: {@code result = yield pool.submit(func, x, y); print('Got:', result)}, errors caught. */
    static TaskBody<Integer> doFunc(ExecutorService pool, Object x, Object y) {
        return a -> {
            try {
                int result = a.await(pool.submit(() -> func(x, y)));
                log.info("Got: {}", result);
                return result;
            } catch (ClassCastException e) {
                log.info("Failed: {}", e.toString());
                return null;
            }
        };
    }

    /** Seed: {@code do_many(n)}: one wait per loop iteration. */
    static TaskBody<Void> doMany(ExecutorService pool, int n) {
        return a -> {
            for (int k = n; k > 0; k--) {
                int m = k;
                int result = a.await(pool.submit(() -> func(m, m)));
                log.info("Got: {}", result);
            }
            return null;
        };
    }

    /** Seed: {@code compute_fibs(n)}: {@code val = yield from pool.submit(fib, i)} for each i. */
    static TaskBody<List<Integer>> computeFibs(ExecutorService pool, int n) {
        return a -> {
            List<Integer> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                result.add(a.await(CompletableFuture.supplyAsync(() -> fib(k), pool)));
            }
            return result;
        };
    }

    /**
     * The seed's "Execution Model" slide: which thread runs each step of a task. The fibs are big
     * enough that each wait usually suspends. A future that is already done when the task comes to
     * wait on it is read without suspending, and the step goes on on the same thread; so on a busy
     * machine an inline task's later step may still show {@code main}.
     */
    static TaskBody<Void> traceSteps(ExecutorService pool) {
        return a -> {
            log.info("step 0 runs on {}", Thread.currentThread().getName());
            for (int i = 1; i <= 3; i++) {
                a.await(CompletableFuture.supplyAsync(() -> fib(32), pool));
                log.info("step {} runs on {}", i, Thread.currentThread().getName());
            }
            return null;
        };
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 38;
        ExecutorService pool = Executors.newFixedThreadPool(2, named("fib-pool-"));
        ExecutorService loop = Executors.newSingleThreadExecutor(named("task-loop-"));
        ExecutorService tpool = Executors.newFixedThreadPool(2, named("inline-thread-pool-"));
        try {
            log.info("--- do_func(2, 3)");
            InlineFutures.runInlineFuture(doFunc(pool, 2, 3));

            errors(pool, loop);

            log.info("--- do_many(5)");
            InlineFutures.runInlineFuture(doMany(pool, 5));

            whereItResumes(pool, loop);

            fibs(pool, tpool, n);
        } finally {
            pool.shutdownNow();
            loop.shutdownNow();
            tpool.shutdownNow();
        }
    }

    private static void errors(ExecutorService pool, ExecutorService loop) throws Exception {
        log.info("--- do_func(2, \"Hello\"), caught in the body");
        InlineFutures.runInlineFuture(doFunc(pool, 2, "Hello"));

        log.info("--- do_func(2, \"Hello\"), not caught: the task fails");
        Task<Integer> t = Task.start(loop, a -> a.await(pool.submit(() -> func(2, "Hello"))));
        t.handle((v, e) -> e).thenAccept(e -> log.info("task failed: {}", e.toString())).get(10, TimeUnit.SECONDS);
    }

    private static void whereItResumes(ExecutorService pool, ExecutorService loop) throws Exception {
        log.info("--- where a task resumes: startInline (the first step on main, then the pool's threads)");
        Task.startInline(traceSteps(pool)).get(10, TimeUnit.SECONDS);
        log.info("--- where a task resumes: start(loop, ...) (every step on the loop's thread)");
        Task.start(loop, traceSteps(pool)).get(10, TimeUnit.SECONDS);
    }

    private static void fibs(ExecutorService pool, ExecutorService tpool, int n) throws Exception {
        log.info("--- compute_fibs({}) on a 2-thread pool", n);
        List<Integer> warm = InlineFutures.runInlineFuture(computeFibs(pool, n)); // and warm up the JIT
        InlineFutures.runInlineFuture(computeFibs(pool, n));
        log.info("fib(0..{}) = [1, 1, 1, 2, 3, ..., {}]", n - 1, warm.get(n - 1));

        long start = System.nanoTime();
        InlineFutures.runInlineFuture(computeFibs(pool, n));
        InlineFutures.runInlineFuture(computeFibs(pool, n));
        long sequential = System.nanoTime() - start;
        log.info("sequential, run_inline_future twice:  {} ms", TimeUnit.NANOSECONDS.toMillis(sequential));

        start = System.nanoTime();
        Task<List<Integer>> t1 = InlineFutures.startInlineFuture(computeFibs(pool, n));
        Task<List<Integer>> t2 = InlineFutures.startInlineFuture(computeFibs(pool, n));
        t1.get();
        t2.get();
        long parallel = System.nanoTime() - start;
        log.info("two tasks in parallel:                {} ms", TimeUnit.NANOSECONDS.toMillis(parallel));

        start = System.nanoTime();
        Future<List<Integer>> r1 = tpool.submit(() -> InlineFutures.runInlineThread(computeFibs(pool, n)));
        Future<List<Integer>> r2 = tpool.submit(() -> InlineFutures.runInlineThread(computeFibs(pool, n)));
        r1.get();
        r2.get();
        long threads = System.nanoTime() - start;
        log.info("run_inline_thread on two threads:     {} ms", TimeUnit.NANOSECONDS.toMillis(threads));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
