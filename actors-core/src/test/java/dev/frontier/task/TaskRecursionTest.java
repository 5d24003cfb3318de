package dev.frontier.task;

import static dev.frontier.core.GeneratorImplementation.CONTINUATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The seed's infinite recursion: {@code recursive(n)} waits, ticks, and starts
 * {@code Task(recursive(n+1))}. A million ticks, on a thread with a small stack, without the
 * stack growing.
 */
class TaskRecursionTest {

    /**
     * A million on continuations. On the thread fallback each task's generator is a thread
     * hand-off of some microseconds, so 20,000: still far past where an unbounded stack overflows
     * (about the 90th tick).
     */
    static final int TICKS = CONTINUATIONS ? 1_000_000 : 20_000;
    /** Small enough that a million nested steps, or even a few thousand, would overflow it. */
    static final long STACK_BYTES = 256 * 1024;

    final AtomicInteger ticks = new AtomicInteger();
    final AtomicInteger depthAtTick10 = new AtomicInteger();
    final AtomicInteger maxDepth = new AtomicInteger();

    void tick(int n) {
        ticks.set(n + 1);
        if (n % 10_000 == 10) {
            int depth = new Throwable().getStackTrace().length;
            if (n == 10) {
                depthAtTick10.set(depth);
            }
            maxDepth.accumulateAndGet(depth, Math::max);
        }
    }

    /** Runs {@code body} on a fresh thread with a small stack; rethrows what it threw. */
    static void onSmallStack(Runnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", STACK_BYTES);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Seed: {@code yield pool.submit(time.sleep, 0.001)}: a future the loop completes later. */
    Task<Void> recursive(ManualExecutor loop, int n) {
        return Task.start(loop, a -> {
            CompletableFuture<Void> sleep = new CompletableFuture<>();
            loop.execute(() -> sleep.complete(null));
            a.await(sleep);
            tick(n);
            if (n + 1 < TICKS) {
                recursive(loop, n + 1);
            }
            return null;
        });
    }

    @Test
    @Timeout(120)
    void aMillionTicksOnAQueueingExecutor() throws Throwable {
        onSmallStack(() -> {
            ManualExecutor loop = new ManualExecutor();
            Task<Void> first = recursive(loop, 0);
            loop.runUntilIdle();
            assertNull(first.join());
        });
        assertEquals(TICKS, ticks.get());
        assertEquals(depthAtTick10.get(), maxDepth.get(), "the stack never grew");
    }

    /** Each tick waits on a done future and starts the next task inline: recursion without a cap. */
    Task<Void> recursiveInline(int n) {
        return Task.startInline(a -> {
            a.await(CompletableFuture.completedFuture(null));
            tick(n);
            if (n + 1 < TICKS) {
                recursiveInline(n + 1);
            }
            return null;
        });
    }

    @Test
    @Timeout(120)
    void aMillionTicksStartedInlineAreCappedByTheInlineExecutor() throws Throwable {
        onSmallStack(() -> recursiveInline(0));
        assertEquals(TICKS, ticks.get());
        // tick 10 runs 11 steps deep, and no tick runs more than MAX_DEPTH (16) deep: less than twice
        // as many frames. Without the cap, the 256 KiB stack overflows at about the 90th tick.
        assertTrue(maxDepth.get() < 2 * depthAtTick10.get(),
                "stack depth " + maxDepth.get() + " vs " + depthAtTick10.get() + " at tick 10");
    }

    @Test
    @Timeout(120)
    void aLongChainOfTasksEachAwaitingThePreviousCompletesInlineWithoutOverflow() throws Throwable {
        int length = CONTINUATIONS ? 100_000 : 10_000;
        CompletableFuture<Integer> head = new CompletableFuture<>();
        AtomicReference<Task<Integer>> last = new AtomicReference<>();
        onSmallStack(() -> {
            Task<Integer> previous = Task.startInline(a -> a.await(head));
            for (int i = 1; i < length; i++) {
                Task<Integer> p = previous;
                previous = Task.startInline(a -> a.await(p) + 1);
            }
            last.set(previous);
            head.complete(0); // wakes the whole chain, inline, on this thread
        });
        assertEquals(length - 1, last.get().get(60, TimeUnit.SECONDS), "the last task of the chain");
    }
}
