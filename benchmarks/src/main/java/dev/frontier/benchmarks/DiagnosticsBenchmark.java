package dev.frontier.benchmarks;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the diagnostics cost per message, side by side in one run: deque-scheduler ping-pong (one
 * message in flight, so every message is a turn, a send and a delivery) with
 * <ul>
 *   <li>{@code off}: nothing recorded, no JFR recording (the hooks' fast paths only);</li>
 *   <li>{@code record}: every actor recorded by the flow recorder into its ring (64 Ki deliveries,
 *       overwritten round and round);</li>
 *   <li>{@code jfr}: a JFR recording running with the {@code default} settings, which enable
 *       Frontier's events at their defaults ({@code frontier.Delivery} over 20 ms: here every
 *       delivery makes and times an event, and none is written).</li>
 * </ul>
 * Average time per message, in ns. The cost of the hooks themselves when off is measured against
 * the engine without them: see docs/benchmarks.md for the interleaved runs of the same
 * {@code ActorBenchmark} from main and from this branch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-Xmx1g"})
public class DiagnosticsBenchmark {

    static final int N = 1_000_000;

    @State(Scope.Thread)
    public static class Pair {
        @Param({"handler", "generator"})
        public String kind;
        @Param({"off", "record", "jfr"})
        public String mode;

        DequeScheduler scheduler;
        ActorRef<Integer> ping;
        ActorRef<Integer> pong;
        Recording jfr;
        int remaining;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            scheduler = DequeScheduler.create(ActorSystemOptions.defaults());
            if (kind.equals("handler")) {
                ping = scheduler.spawnHandler("ping", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, pong, n));
                pong = scheduler.spawnHandler("pong", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, ping, n));
            } else {
                ping = scheduler.spawn("ping", (ActorContext<Integer> ctx) -> {
                    while (true) {
                        int n = ctx.receive();
                        bounce(ctx, pong, n);
                    }
                });
                pong = scheduler.spawn("pong", (ActorContext<Integer> ctx) -> {
                    while (true) {
                        int n = ctx.receive();
                        bounce(ctx, ping, n);
                    }
                });
            }
            if (mode.equals("record")) {
                scheduler.record("*");
            } else if (mode.equals("jfr")) {
                jfr = new Recording(Configuration.getConfiguration("default"));
                jfr.setToDisk(false);
                jfr.start();
            }
        }

        private void bounce(ActorContext<Integer> ctx, ActorRef<Integer> other, int n) {
            if (--remaining > 0) {
                ctx.send(other, n + 1);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scheduler.shutdown();
            if (jfr != null) {
                jfr.close();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long pingPong(Pair p) {
        p.remaining = N;
        p.ping.send(0);
        return p.scheduler.run();
    }
}
