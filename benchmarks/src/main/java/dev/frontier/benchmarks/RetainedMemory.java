package dev.frontier.benchmarks;

import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>What a suspended continuation retains is mostly its stack chunk: the frames between the
 * continuation's entry and the yield, frozen into a heap object. Their size is whatever the JIT
 * made of those methods, so the figure depends on what was compiled, and how, when the
 * continuation froze. The harness therefore controls that:
 * <ul>
 *   <li>Each kind is measured in a JVM of its own (a child process, like a JMH fork), so one
 *       kind's profile does not shape another's compiled code.</li>
 *   <li>Before measuring, the child creates, suspends and drops {@value #WARMUP_ROUNDS} x N of the
 *       kind, so the body and the yield path are C2-compiled. A cold measurement overstates the
 *       steady state: interpreted frames are several times larger than compiled ones.</li>
 *   <li>Each kind runs in two profiles. <em>monomorphic</em>: only that kind ever runs, so the JIT
 *       may inline the body into the continuation's entry frame (best case). <em>megamorphic</em>:
 *       the warm-up also runs continuations and generators with several other bodies, as a real
 *       application (virtual threads, many generator bodies) would, so those call sites stay
 *       virtual calls and each body keeps a compiled frame of its own.</li>
 * </ul>
 *
 * <p>One measurement: allocate the holding array, force full GCs until used heap stops shrinking,
 * read used heap ({@link MemoryMXBean}); create N of the kind, each run to its first yield and kept
 * in the array; force full GCs again and read used heap; (after - before) / N is the figure. It is
 * repeated {@value #ROUNDS} times and the median reported. Then a class histogram (the
 * {@code GC.class_histogram} diagnostic command, which runs its own full GC) is diffed around one
 * more batch, to show which objects make up the bytes.
 *
 * <p>Run (the manifest's {@code Add-Exports} applies only to {@code -jar}, so pass the flag; the
 * children inherit the JVM options):
 * <pre>{@code
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -Xms1g -Xmx1g -XX:MarkSweepDeadRatio=0 \
 *      -cp benchmarks/target/benchmarks.jar dev.frontier.benchmarks.RetainedMemory [N]
 * }</pre>
 * {@code -XX:MarkSweepDeadRatio=0} makes the full GCs compact everything. Without it G1 leaves
 * mostly-live regions uncompacted and their dead objects as filler arrays
 * ({@code jdk.internal.vm.FillerElement[]}), which count as used heap: a kind whose first step
 * leaves garbage behind (the countdown boxes an {@code Integer}) then reads about 16 bytes high.
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

    /** Other bodies, run during a megamorphic warm-up so the shared call sites see many types. */
    private static final List<Supplier<Object>> NOISE = List.of(
            () -> bare(() -> {
                Continuation.yield(BARE_SCOPE);
                Continuation.yield(BARE_SCOPE);
            }),
            () -> bare(() -> {
                for (int i = 0; i < 3; i++) {
                    Continuation.yield(BARE_SCOPE);
                }
            }),
            () -> bare(() -> {
                Object o = new Object();
                Continuation.yield(BARE_SCOPE);
                Reference.reachabilityFence(o);
            }),
            () -> started(Generator.of(y -> y.yield("a") + "b")),
            () -> started(Generator.of(y -> {
                y.yield(1);
                return y.yield(2);
            })),
            () -> started(Generator.of(y -> {
                Object last = null;
                for (int i = 0; i < 4; i++) {
                    last = y.yield(i);
                }
                return last;
            })),
            () -> started(Generator.ofVoid(y -> y.yield(3L))),
            () -> started(Generator.ofVoid(y -> {
                y.yield('x');
                y.yield('y');
            })));

    private static Object bare(Runnable body) {
        Continuation c = new Continuation(BARE_SCOPE, body);
        c.run();
        return c;
    }

    private static Object started(Generator<?, ?, ?> g) {
        g.next();
        return g;
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--child")) {
            child(Integer.parseInt(args[1]), args[2].equals("megamorphic"), Integer.parseInt(args[3]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_N;
        System.out.printf("RetainedMemory: N=%,d, %s %s, max heap %,d MB, GC %s, one JVM per measurement%n", n,
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());

        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (String profile : List.of("monomorphic", "megamorphic")) {
            for (int k = 0; k < KINDS.size(); k++) {
                List<String> out = runChild(k, profile, n);
                for (String line : out) {
                    if (line.startsWith("MEDIAN ")) {
                        medians.put(KINDS.get(k).name() + "|" + profile, Double.parseDouble(line.substring(7)));
                    } else {
                        details.add(line);
                    }
                }
            }
        }

        System.out.printf("%n%-36s %-12s %12s %9s%n", "kind", "profile", "bytes/object", "vs bare");
        for (String profile : List.of("monomorphic", "megamorphic")) {
            double bare = medians.get(KINDS.get(0).name() + "|" + profile);
            for (Kind kind : KINDS) {
                double m = medians.get(kind.name() + "|" + profile);
                System.out.printf("%-36s %-12s %12.1f %8.2fx%n", kind.name(), profile, m, m / bare);
            }
        }
        System.out.println();
        details.forEach(System.out::println);
    }

    /** Runs one measurement in a fresh JVM with this JVM's options; returns its output lines. */
    private static List<String> runChild(int kind, String profile, int n) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RetainedMemory.class.getName(),
                "--child", Integer.toString(kind), profile, Integer.toString(n)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("child failed: " + String.join("\n", lines));
        }
        return lines;
    }

    private static void child(int k, boolean megamorphic, int n) throws Exception {
        Kind kind = KINDS.get(k);
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            if (megamorphic) {
                for (Supplier<Object> noise : NOISE) {
                    Reference.reachabilityFence(fill(noise, new Object[n / 10]));
                }
            }
            Reference.reachabilityFence(fill(kind.suspendedOne(), new Object[n]));
        }
        double[] all = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            all[round] = bytesPerObject(kind, n);
        }
        String profile = megamorphic ? "megamorphic" : "monomorphic";
        System.out.printf("%s, %s: rounds %s%n", kind.name(), profile, format(all));
        histogram(kind, n);
        System.out.println("MEDIAN " + median(all));
    }

    private static Object[] fill(Supplier<Object> suspendedOne, Object[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = suspendedOne.get();
        }
        return into;
    }

    private static double bytesPerObject(Kind kind, int n) {
        Object[] keep = new Object[n];
        long before = settledUsedHeap();
        fill(kind.suspendedOne(), keep);
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
        Object[] keep = fill(kind.suspendedOne(), new Object[n]);
        Map<String, long[]> after = classHistogram();
        Reference.reachabilityFence(keep);

        System.out.printf("  class histogram delta for %,d (classes adding >= 1 byte/object):%n", n);
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
        System.out.printf("  %10s %12d %10.1f  total (the holding Object[] excluded)%n%n", "", total, total / (double) n);
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
