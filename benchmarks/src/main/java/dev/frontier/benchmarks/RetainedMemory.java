package dev.frontier.benchmarks;

import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Heap bytes retained by one suspended generator, against a bare {@code jdk.internal.vm.Continuation}
 * suspended the same way. Not a JMH benchmark: a plain program that prints its figures.
 *
 * <p>Method, per kind, repeated {@value #ROUNDS} times (the median is reported):
 * <ol>
 *   <li>Warm up: create, suspend and drop {@value #WARMUP_ROUNDS} x N of every kind first, so the
 *       bodies and the yield path are JIT-compiled. This matters: a continuation freezes its real
 *       frames into a heap {@code StackChunk}, and interpreted frames are several times larger
 *       than compiled ones, so a cold measurement overstates the steady state.</li>
 *   <li>Allocate the holding array, then force full GCs until used heap stops shrinking, and read
 *       used heap ({@link MemoryMXBean}).</li>
 *   <li>Create N objects of the kind and run each to its first yield, keeping them in the array.</li>
 *   <li>Force full GCs again, read used heap; (after - before) / N is the figure.</li>
 * </ol>
 * Finally a class histogram (the {@code GC.class_histogram} diagnostic command, which itself runs a
 * full GC) is diffed around one more batch of N of each kind, to show which objects make up the
 * bytes.
 *
 * <p>Run (the manifest's {@code Add-Exports} applies only to {@code -jar}, so pass the flag):
 * <pre>{@code
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -Xms1g -Xmx1g \
 *      -cp benchmarks/target/benchmarks.jar dev.frontier.benchmarks.RetainedMemory [N]
 * }</pre>
 */
public final class RetainedMemory {

    static final int DEFAULT_N = 100_000;
    static final int WARMUP_ROUNDS = 20;
    static final int ROUNDS = 5;

    static final ContinuationScope BARE_SCOPE = new ContinuationScope("bare-memory");

    /** The bare baseline: a continuation whose body yields forever. */
    private static final Runnable BARE_BODY = () -> {
        for (;;) {
            Continuation.yield(BARE_SCOPE);
        }
    };

    /** The shallow generator: a non-capturing body that echoes what is sent, forever. */
    private static final GeneratorFunction<Object, Object, Void> ECHO = y -> {
        Object v = null;
        for (;;) {
            v = y.yield(v);
        }
    };

    private record Kind(String name, Supplier<Object> suspendedOne) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("bare Continuation", () -> {
                Continuation c = new Continuation(BARE_SCOPE, BARE_BODY);
                c.run();
                return c;
            }),
            new Kind("Generator.of(static body)", () -> {
                Generator<Object, Object, Void> g = Generator.of(ECHO);
                g.next();
                return g;
            }),
            new Kind("Generator.ofVoid(capturing lambda)", () -> {
                Generator<Integer, Void, Void> g = countdown(1_000_000);
                g.next();
                return g;
            }));

    /** The README's countdown: a typical small generator with a capturing lambda. */
    static Generator<Integer, Void, Void> countdown(int n) {
        return Generator.ofVoid(y -> {
            for (int i = n; i > 0; i--) {
                y.yield(i);
            }
        });
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_N;
        System.out.printf("RetainedMemory: N=%,d, %s %s, max heap %,d MB, GC %s%n", n,
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());

        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (Kind kind : KINDS) {
                Object[] batch = fill(kind, new Object[n]);
                Reference.reachabilityFence(batch);
            }
        }

        Map<String, double[]> perKind = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Kind kind : KINDS) {
                perKind.computeIfAbsent(kind.name(), k -> new double[ROUNDS])[round] = bytesPerObject(kind, n);
            }
        }
        double bare = median(perKind.get(KINDS.get(0).name()));
        System.out.printf("%n%-36s %12s %10s   %s%n", "kind", "bytes/object", "vs bare", "all rounds");
        for (Kind kind : KINDS) {
            double[] all = perKind.get(kind.name());
            double m = median(all);
            System.out.printf("%-36s %12.1f %9.2fx   %s%n", kind.name(), m, m / bare, format(all));
        }

        for (Kind kind : KINDS) {
            histogram(kind, n);
        }
    }

    private static Object[] fill(Kind kind, Object[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = kind.suspendedOne().get();
        }
        return into;
    }

    private static double bytesPerObject(Kind kind, int n) {
        Object[] keep = new Object[n];
        long before = settledUsedHeap();
        fill(kind, keep);
        long after = settledUsedHeap();
        Reference.reachabilityFence(keep);
        return (after - before) / (double) n;
    }

    /** Full GCs until used heap stops shrinking; returns it. */
    private static long settledUsedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }

    /** Per-class instances and bytes added by N suspended objects of {@code kind}. */
    private static void histogram(Kind kind, int n) throws Exception {
        Map<String, long[]> before = classHistogram();
        Object[] keep = fill(kind, new Object[n]);
        Map<String, long[]> after = classHistogram();
        Reference.reachabilityFence(keep);

        System.out.printf("%nclass histogram delta for %,d x %s (classes adding >= 1 byte/object):%n", n, kind.name());
        System.out.printf("  %10s %12s %10s  %s%n", "instances", "bytes", "bytes/obj", "class");
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(after.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        long total = 0;
        for (Map.Entry<String, long[]> row : rows) {
            long[] was = before.getOrDefault(row.getKey(), new long[2]);
            long instances = row.getValue()[0] - was[0];
            long bytes = row.getValue()[1] - was[1];
            if (bytes >= n && !row.getKey().equals("[Ljava.lang.Object;")) {
                total += bytes;
                System.out.printf("  %10d %12d %10.1f  %s%n", instances, bytes, bytes / (double) n, row.getKey());
            }
        }
        System.out.printf("  %10s %12d %10.1f  total (the holding Object[] excluded)%n", "", total, total / (double) n);
    }

    /** Class name -> {instances, bytes}, from the {@code GC.class_histogram} diagnostic command. */
    private static Map<String, long[]> classHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "  num:   #instances   #bytes  class name (module)"
            if (f.length >= 4 && f[0].endsWith(":") && Character.isDigit(f[0].charAt(0))) {
                byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return byClass;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.1f", v));
        }
        return sb.toString();
    }
}
