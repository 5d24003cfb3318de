package dev.frontier.benchmarks;

import dev.frontier.examples.compiler.Calc;
import dev.frontier.examples.compiler.Evaluator;
import dev.frontier.examples.compiler.HybridEvaluator;
import dev.frontier.examples.compiler.Node;
import dev.frontier.examples.compiler.Parser;
import dev.frontier.examples.compiler.RecursiveEvaluator;
import dev.frontier.examples.compiler.Token;
import dev.frontier.examples.compiler.Tokenizer;
import dev.frontier.examples.compiler.Value;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The expression compiler (examples module). Two questions:
 * <ul>
 *   <li>How long do tokenize + parse + evaluate take on {@code 0+1+...+999999} (1,000,000 terms,
 *       a tree 999,999 levels deep)? Goal: at most 2 s. The phases are measured cumulatively
 *       (tokenize; tokenize+parse; all three) to show where the time goes.</li>
 *   <li>What does the generator visitor cost against the plain recursive one on a 1,000-deep
 *       tree ({@code 0+1+...+999})? Goal: at most 5x. And the depth-capped hybrid
 *       ({@link HybridEvaluator}: recursion up to {@code cap} levels, then a generator), for a
 *       few caps.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Compiler -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED")
public class CompilerBenchmark {

    private String millionTerms;
    private Node thousandDeep;

    @Setup
    public void setUp() {
        millionTerms = sum(1_000_000);
        thousandDeep = Parser.parse(sum(1_000));
    }

    private static String sum(int terms) {
        return IntStream.range(0, terms).mapToObj(Integer::toString).collect(Collectors.joining("+"));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int millionTermsTokenize() {
        int count = 0;
        for (Token ignored : Tokenizer.tokenize(millionTerms)) {
            count++;
        }
        return count;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Node millionTermsTokenizeParse() {
        return Parser.parse(millionTerms);
    }

    /** The hybrid visitor's depth cap; a state of its own so that only the hybrid benchmarks vary it. */
    @State(Scope.Benchmark)
    public static class Cap {
        @Param({"16", "32", "64", "256"})
        int cap;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Value millionTermsTokenizeParseEvaluate() {
        return Calc.evaluate(millionTerms);
    }

    /**
     * The same under the parallel collector: at the deepest point of the walk about a million
     * generators are suspended (about 420 bytes each), and G1's young pauses copying them
     * dominate the default-collector figure.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(jvmArgsAppend = {"--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-XX:+UseParallelGC"})
    public Value millionTermsTokenizeParseEvaluateParallelGc() {
        return Calc.evaluate(millionTerms);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Value thousandDeepGeneratorVisitor() {
        return new Evaluator().visit(thousandDeep);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Value thousandDeepRecursiveVisitor() {
        return new RecursiveEvaluator().visit(thousandDeep);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Value thousandDeepHybridVisitor(Cap c) {
        return new HybridEvaluator(c.cap).visit(thousandDeep);
    }

    /** {@link #millionTermsTokenizeParseEvaluate} with the hybrid visitor. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Value millionTermsTokenizeParseEvaluateHybrid(Cap c) {
        return new HybridEvaluator(c.cap).visit(Parser.parse(millionTerms));
    }
}
