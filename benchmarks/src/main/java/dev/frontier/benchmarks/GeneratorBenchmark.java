package dev.frontier.benchmarks;

import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import dev.frontier.core.Yielder;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Generator} against a bare {@code jdk.internal.vm.Continuation} doing the same work, in
 * one JMH run so the figures are side by side. Each pair differs only in the layer under test:
 *
 * <ul>
 *   <li>{@code roundTrip*}: one {@code send(v)} into a suspended body that yields {@code v}
 *       straight back. The bare side writes {@code v} to a field, {@code run()}s, and reads the
 *       echoed field: the minimum a value exchange over a continuation costs.</li>
 *   <li>{@code deepRoundTrip*}: the same, but the body first calls a recursive helper
 *       {@value #DEPTH} frames deep (kept out of line with {@code DONT_INLINE}, so they are real
 *       frames) and yields from the bottom; every yield freezes, every resume thaws, that stack.</li>
 *   <li>{@code createAndFirstStep*}: {@code Generator.of(body)} plus the first {@code next()},
 *       which runs to the first yield, against {@code new Continuation(...)} plus {@code run()} to
 *       its first yield. Both are then dropped while suspended (so their collection is included).</li>
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark -f 3 -wi 5 -i 5 -w 1s -r 1s}.
 * Figures and how to read them: {@code docs/benchmarks.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class GeneratorBenchmark {

    /** How many frames below the body the deep variants yield from. */
    static final int DEPTH = 20;

    /** The token sent around; preallocated so no benchmark boxes. */
    static final Object TOKEN = new Object();

    static final ContinuationScope BARE_SCOPE = new ContinuationScope("bare-benchmark");

    // ------------------------------------------------------------------ shallow round trip

    /** A bare continuation echoing {@code in} to {@code out} at each yield. */
    @State(Scope.Thread)
    public static class BareEcho implements Runnable {
        Object in;
        Object out;
        Continuation continuation;

        @Setup
        public void start() {
            continuation = new Continuation(BARE_SCOPE, this);
            continuation.run();
        }

        @Override
        public void run() {
            for (;;) {
                out = in;
                Continuation.yield(BARE_SCOPE);
            }
        }

        Object roundTrip(Object value) {
            in = value;
            continuation.run();
            return out;
        }
    }

    /** A generator echoing what is sent at each yield. */
    @State(Scope.Thread)
    public static class GeneratorEcho {
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
    }

    @Benchmark
    public Object roundTripBareContinuation(BareEcho s) {
        return s.roundTrip(TOKEN);
    }

    @Benchmark
    public Object roundTripGenerator(GeneratorEcho s) {
        return s.generator.send(TOKEN);
    }

    // ------------------------------------------------------------------ deep round trip

    /** As {@link BareEcho}, yielding {@value #DEPTH} frames below the continuation's entry. */
    @State(Scope.Thread)
    public static class BareDeepEcho extends BareEcho {
        @Override
        public void run() {
            descend(DEPTH);
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        private void descend(int depth) {
            if (depth == 0) {
                for (;;) {
                    out = in;
                    Continuation.yield(BARE_SCOPE);
                }
            }
            descend(depth - 1);
        }
    }

    /** As {@link GeneratorEcho}, yielding {@value #DEPTH} frames below the body. */
    @State(Scope.Thread)
    public static class GeneratorDeepEcho {
        Generator<Object, Object, Void> generator;

        @Setup
        public void start() {
            generator = Generator.ofVoid(y -> descend(y, DEPTH));
            generator.next();
        }

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        private static void descend(Yielder<Object, Object> y, int depth) {
            if (depth == 0) {
                Object v = null;
                for (;;) {
                    v = y.yield(v);
                }
            }
            descend(y, depth - 1);
        }
    }

    @Benchmark
    public Object deepRoundTripBareContinuation(BareDeepEcho s) {
        return s.roundTrip(TOKEN);
    }

    @Benchmark
    public Object deepRoundTripGenerator(GeneratorDeepEcho s) {
        return s.generator.send(TOKEN);
    }

    // ------------------------------------------------------------------ create + first step

    private static final Runnable BARE_ONE_YIELD = () -> Continuation.yield(BARE_SCOPE);

    private static final GeneratorFunction<Object, Object, Object> GENERATOR_ONE_YIELD = y -> {
        y.yield(TOKEN);
        return null;
    };

    @Benchmark
    public Continuation createAndFirstStepBareContinuation() {
        Continuation c = new Continuation(BARE_SCOPE, BARE_ONE_YIELD);
        c.run();
        return c;
    }

    @Benchmark
    public Generator<Object, Object, Object> createAndFirstStepGenerator() {
        Generator<Object, Object, Object> g = Generator.of(GENERATOR_ONE_YIELD);
        g.next();
        return g;
    }
}
