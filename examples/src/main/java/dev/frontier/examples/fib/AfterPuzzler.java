package dev.frontier.examples.fib;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.task.InlineFutures;
import dev.frontier.task.Task;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The seed's puzzler (Part 4): a library function {@code after(delay, gen)} that runs a user's
 * inlined future {@code gen} after a delay. Each attempt runs as a task on a deque scheduler, the
 * delay is the scheduler's awaitable {@code sleep}, and {@code func(2, 3)} runs on a pool. The
 * same attempts are asserted in {@code AfterPuzzlerTest}.
 */
public final class AfterPuzzler {

    private AfterPuzzler() {
    }

    public static void run(PrintStream out) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool"));
        try (DequeScheduler scheduler = DequeScheduler.create().start()) {
            Duration delay = Duration.ofMillis(20);
            attempt(out, "1. yield the generator", Task.start(scheduler, Generator.ofVoid(g -> {
                g.yield(scheduler.sleep(delay));
                g.yield(doFunc(pool, out));
            })));
            attempt(out, "2. iterate it by hand", Task.start(scheduler, Generator.ofVoid(g -> {
                g.yield(scheduler.sleep(delay));
                for (Object f : doFunc(pool, out)) {
                    g.yield(f); // the result goes to after(), not to do_func
                }
            })));
            attempt(out, "3. send by hand", Task.start(scheduler, Generator.ofVoid(g -> {
                g.yield(scheduler.sleep(delay));
                Generator<Object, Object, Integer> gen = doFunc(pool, out);
                Object result = null;
                try {
                    while (true) {
                        result = g.yield(gen.send(result));
                    }
                } catch (StopIteration done) {
                    // do_func returned
                }
            })));
            attempt(out, "4. yieldFrom(gen)", Task.start(scheduler, Generator.of(g -> {
                g.yield(scheduler.sleep(delay));
                return g.yieldFrom(doFunc(pool, out));
            })));
            out.println("5. yieldFrom(future): does not compile in Java (a Future is not a Generator);"
                    + " the seed's patch, InlineFutures.awaiting(future), makes it work:");
            attempt(out, "5'. yieldFrom(awaiting(sleep))", Task.start(scheduler, Generator.of(g -> {
                g.yieldFrom(InlineFutures.awaiting(scheduler.sleep(delay)));
                return g.yieldFrom(doFunc(pool, out));
            })));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seed: {@code def do_func(x, y): result = yield pool.submit(func, x, y); print('Got:', result)}. */
    static Generator<Object, Object, Integer> doFunc(ExecutorService pool, PrintStream out) {
        return Generator.of(g -> {
            Integer result = (Integer) g.yield(CompletableFuture.supplyAsync(() -> 2 + 3, pool));
            out.println("   Got: " + result);
            return result;
        });
    }

    private static void attempt(PrintStream out, String name, Task<?> task) throws Exception {
        out.println(name + ":");
        try {
            out.println("   after() returned " + task.get(10, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            out.println("   failed: " + e.getCause());
        }
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }
}
