package dev.frontier.benchmarks;

import dev.frontier.task.Task;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a {@link Task} costs. Figures and the command in docs/benchmarks.md (Tasks).
 *
 * <ul>
 *   <li>{@code awaitCompleted}: one {@code await} of an already-completed future inside a
 *       running task (the fast path: no suspension). Goal: at most 300 ns.
 *       {@code awaitCompletedDistinct}: the same over 1000 different done futures.</li>
 *   <li>{@code awaitPendingSameThread}: one {@code await} that really suspends, of a future
 *       completed later by the task's own (queueing) executor on the same thread: the cost of a
 *       suspension, a callback, a posted step and a resumption, without any thread hand-off.</li>
 *   <li>{@code roundTripSpinning}: one {@code await} of a future completed by another thread, the
 *       task resuming back on its own executor, which the benchmark thread drains as a scheduler
 *       thread would; both threads spin when idle (then yield, after {@value Spinner#SPINS}
 *       spins). Goal: at most 2 µs.</li>
 *   <li>{@code roundTripParked}: the same over two ordinary single-thread executors, whose threads
 *       park when idle: the cost of two thread wake-ups.</li>
 *   <li>{@code startAndFinish}: start an inline task whose body awaits a done future, and join it.</li>
 *   <li>{@code millionTasks}: 1,000,000 tasks started on a queueing executor, each waiting on a
 *       future the executor completes later, all finished.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class TaskBenchmark {

    static final int AWAITS = 1000;
    static final int MILLION = 1_000_000;
    static final int BATCH = 1000;

    final CompletableFuture<Integer> done = CompletableFuture.completedFuture(1);
    /** Distinct done futures, so the loop cannot treat the awaited future as a constant. */
    final CompletableFuture<?>[] distinct = new CompletableFuture<?>[AWAITS];

    {
        for (int i = 0; i < AWAITS; i++) {
            distinct[i] = CompletableFuture.completedFuture(i);
        }
    }

    /** A thread that spins on a queue, running what is offered: the completing side. */
    Spinner completer;
    /** The task's executor for roundTripSpinning: a queue the benchmark thread drains. */
    final Queue<Runnable> loopQueue = new ConcurrentLinkedQueue<>();
    ExecutorService parkedLoop;
    ExecutorService parkedCompleter;

    @Setup(Level.Trial)
    public void start() {
        completer = new Spinner();
        parkedLoop = Executors.newSingleThreadExecutor(r -> new Thread(r, "parked-loop"));
        parkedCompleter = Executors.newSingleThreadExecutor(r -> new Thread(r, "parked-completer"));
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        completer.stop();
        parkedLoop.shutdownNow();
        parkedCompleter.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int awaitCompleted() {
        return Task.startInline(a -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                sum += a.await(done);
            }
            return sum;
        }).join();
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    @SuppressWarnings("unchecked")
    public int awaitCompletedDistinct() {
        return Task.startInline(a -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                sum += a.await((CompletableFuture<Integer>) distinct[i]);
            }
            return sum;
        }).join();
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int awaitPendingSameThread() {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        Executor loop = queue::add;
        Task<Integer> t = Task.start(loop, a -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                loop.execute(() -> f.complete(1));
                sum += a.await(f);
            }
            return sum;
        });
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
        }
        return t.join();
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int roundTripSpinning() {
        Task<Integer> t = Task.start(loopQueue::offer, a -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                completer.execute(() -> f.complete(1));
                sum += a.await(f);
            }
            return sum;
        });
        int idle = 0;
        while (!t.isDone()) {
            Runnable step = loopQueue.poll();
            if (step != null) {
                step.run();
                idle = 0;
            } else {
                idle = Spinner.idle(idle);
            }
        }
        return t.join();
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int roundTripParked() {
        return Task.start(parkedLoop, a -> {
            int sum = 0;
            for (int i = 0; i < AWAITS; i++) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                parkedCompleter.execute(() -> f.complete(1));
                sum += a.await(f);
            }
            return sum;
        }).join();
    }

    @Benchmark
    public int startAndFinish() {
        return Task.startInline(a -> a.await(done) + 1).join();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long millionTasks() {
        ArrayDeque<Runnable> queue = new ArrayDeque<>();
        Executor loop = queue::add;
        long[] sum = {0};
        for (int started = 0; started < MILLION; started += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                int k = i;
                Task.start(loop, a -> {
                    CompletableFuture<Integer> later = new CompletableFuture<>();
                    loop.execute(() -> later.complete(k));
                    sum[0] += a.await(later);
                    return null;
                });
            }
            Runnable next;
            while ((next = queue.poll()) != null) {
                next.run();
            }
        }
        return sum[0];
    }

    /** A busy-spinning (spin, then yield) single-thread executor. */
    static final class Spinner implements Executor {
        static final int SPINS = 100;
        private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;
        private final Thread thread;

        Spinner() {
            thread = new Thread(this::run, "spinning-completer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void execute(Runnable command) {
            queue.offer(command);
        }

        private void run() {
            int idle = 0;
            while (running) {
                Runnable r = queue.poll();
                if (r != null) {
                    r.run();
                    idle = 0;
                } else {
                    idle = idle(idle);
                }
            }
        }

        /**
         * Spin, then yield the CPU: pure spinning collapses when the machine has fewer free CPUs
         * than spinning threads (a spinner waits a whole time slice for the other to run).
         */
        static int idle(int idleCount) {
            if (idleCount < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            return idleCount + 1;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
