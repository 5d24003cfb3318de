package dev.frontier.benchmarks;

import dev.frontier.actor.MessageHandler;
import dev.frontier.scheduler.DequeScheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Harness for issue 8's "the millionth ask costs what the first did (±20%), and leaves no growth":
 * 1,000,000 asks (each with a one-hour timeout) answered by an echo actor on a deque scheduler
 * driven by this thread, timed in blocks of 10,000: the median block of the first 100,000 against
 * the median block of the last 100,000, and the heap retained after GC at the start and at the
 * end. The JIT is warmed up first by the same run on another scheduler, so the first asks of the
 * measured one are the first it ever answered but not the first the JVM compiled.
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *      dev.frontier.benchmarks.MillionAsks [ASKS]
 * </pre>
 *
 * With {@code -Dblocks=true} it also prints every block's ns per ask, twenty to a line.
 */
public final class MillionAsks {

    private static final int BLOCK = 10_000;

    /** One handler object for both systems: the measured one runs code the warm-up compiled. */
    private static final MessageHandler<Integer> ECHO = (ctx, m) -> ctx.send(ctx.sender(), m);

    private MillionAsks() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (DequeScheduler warmUp = DequeScheduler.create()) { // the JIT's, on another system
            warmUp.spawnHandler("echo", ECHO);
            askMany(warmUp, n);
        }
        try (DequeScheduler s = DequeScheduler.create()) {
            s.spawnHandler("echo", ECHO);
            long heapBefore = Harness.usedAfterGc();
            int blocks = n / BLOCK;
            double[] nsPerAsk = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                long start = System.nanoTime();
                askMany(s, BLOCK);
                nsPerAsk[b] = (System.nanoTime() - start) / (double) BLOCK;
            }
            long heapAfter = Harness.usedAfterGc();
            if (Boolean.getBoolean("blocks")) {
                for (int b = 0; b < blocks; b++) {
                    System.out.printf("%.0f%s", nsPerAsk[b], b % 20 == 19 ? "\n" : " ");
                }
            }
            int tenth = Math.max(1, blocks / 10);
            double first = Harness.median(Arrays.copyOfRange(nsPerAsk, 0, tenth));
            double last = Harness.median(Arrays.copyOfRange(nsPerAsk, blocks - tenth, blocks));
            System.out.printf("%,d asks: first %,d asks %.0f ns/ask, last %,d asks %.0f ns/ask (median of blocks of %,d): last/first %.2f%n",
                    (long) blocks * BLOCK, tenth * BLOCK, first, tenth * BLOCK, last, BLOCK, last / first);
            System.out.printf("heap retained after GC: %,d bytes before, %,d after (%+,d); timers pending %d, actors %s%n",
                    heapBefore, heapAfter, heapAfter - heapBefore, s.pendingTimers(), s.actorNames());
        }
    }

    private static void askMany(DequeScheduler s, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            CompletableFuture<Integer> reply = s.ask("echo", i, Duration.ofHours(1));
            s.run();
            sum += reply.join();
        }
        if (sum != (long) count * (count - 1) / 2) {
            throw new AssertionError("wrong replies: " + sum);
        }
    }
}
