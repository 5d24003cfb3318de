package dev.frontier.benchmarks;

import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generator fallback (a virtual thread per started generator, used when
 * {@code jdk.internal.vm} is not exported) against the continuation core, on the same code: the
 * forks get no {@code --add-exports} flag, so this class measures the fallback; run it again with
 * {@code -jvmArgsAppend --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} for the continuation
 * side. Which one a fork used is in its log's first INFO line.
 *
 * <ul>
 *   <li>{@code roundTrip}: one {@code send(v)} into a suspended body that yields {@code v} back,
 *       from JMH's (platform) thread.</li>
 *   <li>{@code createStepClose}: {@code Generator.of(body)}, the first {@code next()}, and
 *       {@code close()}. Closed rather than dropped: a dropped fallback generator is closed later
 *       by a {@code Cleaner}, which would leave its cost out of the measurement.</li>
 * </ul>
 *
 * Figures and commands: {@code docs/benchmarks.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class FallbackBenchmark {

    static final Object TOKEN = new Object();

    /** A generator echoing what is sent at each yield. */
    @State(Scope.Thread)
    public static class Echo {
        Generator<Object, Object, Void> generator;

        @Setup
        public void start() {
            generator = Generator.ofVoid(y -> {
                Object v = null;
                for (;;) {
                    v = y.yield(v);
                }
            });
            generator.next();
        }

        @TearDown
        public void stop() {
            generator.close();
        }
    }

    private static final GeneratorFunction<Object, Object, Object> ONE_YIELD = y -> {
        y.yield(TOKEN);
        return null;
    };

    @Benchmark
    public Object roundTrip(Echo s) {
        return s.generator.send(TOKEN);
    }

    @Benchmark
    public Object createStepClose() {
        Generator<Object, Object, Object> g = Generator.of(ONE_YIELD);
        Object first = g.next();
        g.close();
        return first;
    }
}
