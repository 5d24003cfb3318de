package dev.frontier.benchmarks.savina;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The seven Savina micro-benchmarks (Imam and Sarkar, "Savina - An Actor Benchmark Suite",
 * AGERE! 2014; github.com/shamsimam/savina) on Frontier's execution modes and on Apache Pekko
 * classic, side by side in one JVM, every result checked. Parameters: {@link Params}.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED \
 *     -cp benchmarks/target/benchmarks.jar dev.frontier.benchmarks.savina.Savina [options]
 * </pre>
 *
 * Every variant ({@link Variant}) is created once and reused for the whole run. First
 * {@code --warmup} rounds, then {@code --rounds} measured rounds; a round runs every
 * (benchmark, variant) pair once, benchmarks and variants each in an order rotated by one place
 * per round, so drift in the machine's load hits every variant alike. A run is timed from the
 * first actor's creation until every actor of the run has ended, and its result is checked: a
 * wrong result (or a run that does not end within {@code --timeout}) aborts the whole program
 * with exit status 1. Before each run the harness asks for a full GC (untimed) unless
 * {@code --no-gc}, so one run's garbage is not collected during the next.
 *
 * <p>Progress goes to stderr; the report, in Markdown, to stdout.
 */
public final class Savina {

    private Savina() {
    }

    /** What to run. */
    public record Options(int rounds, int warmup, double scale, List<Bench> benches, List<Variant> variants,
                          Duration timeout, boolean gcBetweenRuns) {

        public static Options defaults() {
            return new Options(5, 2, 1.0, List.of(Bench.values()), Variant.defaults(), Duration.ofMinutes(5), true);
        }

        public Params params() {
            return scale == 1.0 ? Params.defaults() : Params.defaults().scaled(scale);
        }
    }

    static final String USAGE = """
            usage: Savina [--rounds R] [--warmup W] [--scale F | --quick] [--bench a,b] [--variants a,b]
                          [--timeout SECONDS] [--no-gc]
              --rounds R     measured rounds (default 5)
              --warmup W     warm-up rounds, not reported (default 2)
              --scale F      multiply the work of every benchmark by F (default 1 = Savina's defaults)
              --quick        --scale 0.1 --warmup 1 --rounds 3: a smoke run of a minute or so
              --bench        benchmarks to run (default all): %s
              --variants     variants to run (default %s); also: %s
              --timeout S    a run that takes longer fails (default 300)
              --no-gc        do not ask for a full GC before each run
            """;

    static Options parse(String[] args) {
        Options o = Options.defaults();
        int rounds = o.rounds();
        int warmup = o.warmup();
        double scale = o.scale();
        List<Bench> benches = o.benches();
        List<Variant> variants = o.variants();
        Duration timeout = o.timeout();
        boolean gc = o.gcBetweenRuns();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, a));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--scale" -> scale = Double.parseDouble(value(args, ++i, a));
                case "--quick" -> {
                    scale = 0.1;
                    warmup = 1;
                    rounds = 3;
                }
                case "--bench", "--benches" -> benches = Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::trim).map(Bench::byId).distinct().toList();
                case "--variants", "--variant" -> variants = Arrays.stream(value(args, ++i, a).split(","))
                        .map(String::trim).map(Variant::byId).distinct().toList();
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                case "--no-gc" -> gc = false;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rounds < 1 || warmup < 0 || !(scale > 0)) {
            throw new IllegalArgumentException("need --rounds >= 1, --warmup >= 0, --scale > 0");
        }
        return new Options(rounds, warmup, scale, benches, variants, timeout, gc);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.printf(USAGE, Arrays.stream(Bench.values()).map(b -> b.id).collect(Collectors.joining(",")),
                    Variant.defaults().stream().map(v -> v.id).collect(Collectors.joining(",")),
                    Arrays.stream(Variant.values()).filter(v -> !v.byDefault).map(v -> v.id).collect(Collectors.joining(",")));
            System.exit(2);
            return;
        }
        String loadBefore = loadAverage();
        Instant start = Instant.now();
        Results results;
        try {
            results = measure(options, System.err);
        } catch (Check.Failed e) {
            System.err.println("ABORTED: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        } catch (IllegalAccessError e) {
            System.err.println("run with --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED: " + e);
            System.exit(1);
            return;
        }
        String loadAfter = loadAverage();
        Duration took = Duration.between(start, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        System.out.print(report(options, results, environment(loadBefore, loadAfter, took)));
        System.out.flush();
        // Pekko and the thread-per-actor system are closed; nothing else should keep the JVM
        System.exit(0);
    }

    // ------------------------------------------------------------------ measuring

    /** Per-run times in milliseconds, warm-up and measured, by benchmark and variant. */
    public static final class Results {
        final Map<Bench, Map<Variant, List<Double>>> measured = new EnumMap<>(Bench.class);
        final Map<Bench, Map<Variant, List<Double>>> warmup = new EnumMap<>(Bench.class);

        void add(boolean warm, Bench b, Variant v, double ms) {
            (warm ? warmup : measured).computeIfAbsent(b, k -> new EnumMap<>(Variant.class))
                    .computeIfAbsent(v, k -> new ArrayList<>()).add(ms);
        }

        public List<Double> times(Bench b, Variant v) {
            return measured.getOrDefault(b, Map.of()).getOrDefault(v, List.of());
        }

        List<Double> warmupTimes(Bench b, Variant v) {
            return warmup.getOrDefault(b, Map.of()).getOrDefault(v, List.of());
        }

        /** Median of the measured runs, or NaN when (b, v) was not run. */
        public double median(Bench b, Variant v) {
            List<Double> t = new ArrayList<>(times(b, v));
            if (t.isEmpty()) {
                return Double.NaN;
            }
            t.sort(null);
            int n = t.size();
            return n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2;
        }
    }

    /**
     * Runs everything {@code options} asks for on the calling thread and returns the times.
     *
     * @throws Check.Failed on the first wrong result
     */
    public static Results measure(Options options, PrintStream progress) throws Exception {
        Params params = options.params();
        Map<Variant, Implementation> impls = new LinkedHashMap<>();
        Results results = new Results();
        try {
            for (Variant v : options.variants()) {
                impls.put(v, v.create());
            }
            int total = options.warmup() + options.rounds();
            for (int round = 0; round < total; round++) {
                boolean warm = round < options.warmup();
                List<Bench> benches = rotate(options.benches(), round);
                List<Variant> variants = rotate(options.variants(), round);
                for (Bench b : benches) {
                    for (Variant v : variants) {
                        Implementation impl = impls.get(v);
                        if (!impl.supports(b)) {
                            continue;
                        }
                        if (options.gcBetweenRuns()) {
                            System.gc();
                        }
                        long t0 = System.nanoTime();
                        try {
                            impl.run(b, params, options.timeout());
                        } catch (Check.Failed e) {
                            throw new Check.Failed(b.title + " on " + v.id + ": " + e.getMessage(), e.getCause());
                        } catch (Exception e) {
                            throw new Check.Failed(b.title + " on " + v.id + " failed: " + e, e);
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        results.add(warm, b, v, ms);
                        if (progress != null) {
                            progress.printf(Locale.ROOT, "%s %d/%d  %-10s %-13s %10.2f ms%n",
                                    warm ? "warm-up" : "round  ", warm ? round + 1 : round - options.warmup() + 1,
                                    warm ? options.warmup() : options.rounds(), b.id, v.id, ms);
                        }
                    }
                }
            }
        } finally {
            for (Implementation impl : impls.values()) {
                impl.close();
            }
        }
        return results;
    }

    static <T> List<T> rotate(List<T> list, int by) {
        if (list.isEmpty()) {
            return list;
        }
        int k = by % list.size();
        List<T> out = new ArrayList<>(list.subList(k, list.size()));
        out.addAll(list.subList(0, k));
        return out;
    }

    // ------------------------------------------------------------------ reporting

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String environment(String loadBefore, String loadAfter, Duration took) {
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT,
                "JDK %s %s (%s); GC: %s; %d CPUs; max heap %d MB; load average (1/5/15 min) %s before, %s after; took %s",
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), gcs, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadBefore, loadAfter,
                took.toString().substring(2).toLowerCase(Locale.ROOT));
    }

    /** The Markdown report. */
    static String report(Options o, Results r, String environment) {
        StringBuilder s = new StringBuilder();
        Params p = o.params();
        List<Variant> vs = o.variants();
        s.append("### Savina, ").append(o.rounds()).append(" rounds after ").append(o.warmup())
                .append(" warm-up").append(o.scale() == 1.0 ? ", Savina's default parameters" : ", work scaled by " + o.scale())
                .append("\n\n").append(environment).append(".\n\n");

        s.append("Median time per run in ms (min-max over the rounds); `-`: not applicable.\n\n");
        s.append("| benchmark | parameters |");
        vs.forEach(v -> s.append(' ').append(v.id).append(" |"));
        s.append("\n| --- | --- |");
        vs.forEach(v -> s.append(" ---: |"));
        s.append('\n');
        for (Bench b : o.benches()) {
            s.append("| ").append(b.title).append(" | ").append(p.describe(b)).append(" |");
            for (Variant v : vs) {
                List<Double> t = r.times(b, v);
                if (t.isEmpty()) {
                    s.append(" - |");
                } else {
                    s.append(' ').append(ms(r.median(b, v))).append(" (").append(ms(min(t))).append('-')
                            .append(ms(max(t))).append(") |");
                }
            }
            s.append('\n');
        }

        s.append("\nNanoseconds per message (median time / messages delivered).\n\n");
        s.append("| benchmark | messages |");
        vs.forEach(v -> s.append(' ').append(v.id).append(" |"));
        s.append("\n| --- | ---: |");
        vs.forEach(v -> s.append(" ---: |"));
        s.append('\n');
        for (Bench b : o.benches()) {
            long msgs = p.messages(b);
            s.append("| ").append(b.title).append(" | ").append(msgs).append(" |");
            for (Variant v : vs) {
                double m = r.median(b, v);
                double count = v.kind == Variant.Kind.BASELINE && !Double.isNaN(m) ? baselineUnits(v, b, p) : msgs;
                s.append(' ').append(Double.isNaN(m) ? "-" : fmt(m * 1e6 / count)).append(" |");
            }
            s.append('\n');
        }
        if (vs.contains(Variant.CONT) || vs.contains(Variant.VTHREAD)) {
            s.append("\n(Baselines per unit of their own work: `cont` per continuation resume, ")
                    .append("`vthread` per hand-off.)\n");
        }

        List<Variant> frontier = vs.stream().filter(v -> v.kind == Variant.Kind.FRONTIER).toList();
        boolean anyPekko = vs.contains(Variant.PEKKO) || vs.contains(Variant.PEKKO_1T);
        if (anyPekko && !frontier.isEmpty()) {
            s.append("\nRatio to Pekko's better dispatcher (its median / the variant's median; > 1: Frontier faster).\n\n");
            s.append("| benchmark | better Pekko (ms) |");
            frontier.forEach(v -> s.append(' ').append(v.id).append(" |"));
            boolean tpaVsDefault = vs.contains(Variant.TPA) && vs.contains(Variant.PEKKO);
            if (tpaVsDefault) {
                s.append(" tpa vs Pekko default |");
            }
            s.append("\n| --- | --- |");
            frontier.forEach(v -> s.append(" ---: |"));
            if (tpaVsDefault) {
                s.append(" ---: |");
            }
            s.append('\n');
            for (Bench b : o.benches()) {
                double pd = r.median(b, Variant.PEKKO);
                double p1 = r.median(b, Variant.PEKKO_1T);
                Variant best = Double.isNaN(p1) || (!Double.isNaN(pd) && pd <= p1) ? Variant.PEKKO : Variant.PEKKO_1T;
                double bestMs = r.median(b, best);
                s.append("| ").append(b.title).append(" | ").append(best.id).append(' ').append(ms(bestMs)).append(" |");
                for (Variant v : frontier) {
                    s.append(' ').append(ratio(bestMs / r.median(b, v))).append(" |");
                }
                if (tpaVsDefault) {
                    s.append(' ').append(ratio(pd / r.median(b, Variant.TPA))).append(" |");
                }
                s.append('\n');
            }
        }

        boolean limit = vs.containsAll(List.of(Variant.GEN, Variant.HANDLER, Variant.CONT));
        boolean vthread = vs.containsAll(List.of(Variant.TPA, Variant.VTHREAD));
        List<Bench> limited = o.benches().stream().filter(b -> b == Bench.PINGPONG || b == Bench.THREADRING).toList();
        if ((limit || vthread) && !limited.isEmpty()) {
            s.append("\nAgainst the physical limits (medians, ms). Generator actors: limit = handler actors (defaults) ")
                    .append("+ bare continuations, one resume per receive that suspends; goal gen / limit <= 1.15. ")
                    .append("Thread-per-actor: limit = raw virtual-thread hand-off; goal tpa / vthread <= 1.3.\n\n");
            s.append("| benchmark |");
            if (limit) {
                s.append(" gen | handler | cont | limit | gen / limit |");
            }
            if (vthread) {
                s.append(" tpa | vthread | tpa / vthread |");
            }
            s.append("\n| --- |");
            if (limit) {
                s.append(" ---: | ---: | ---: | ---: | ---: |");
            }
            if (vthread) {
                s.append(" ---: | ---: | ---: |");
            }
            s.append('\n');
            for (Bench b : limited) {
                s.append("| ").append(b.title).append(" |");
                if (limit) {
                    double g = r.median(b, Variant.GEN);
                    double h = r.median(b, Variant.HANDLER);
                    double c = r.median(b, Variant.CONT);
                    s.append(' ').append(ms(g)).append(" | ").append(ms(h)).append(" | ").append(ms(c)).append(" | ")
                            .append(ms(h + c)).append(" | ").append(ratio(g / (h + c))).append(" |");
                }
                if (vthread) {
                    double t = r.median(b, Variant.TPA);
                    double vt = r.median(b, Variant.VTHREAD);
                    s.append(' ').append(ms(t)).append(" | ").append(ms(vt)).append(" | ").append(ratio(t / vt)).append(" |");
                }
                s.append('\n');
            }
        }

        s.append("\nPer-run times in ms, in round order (warm-up runs in brackets).\n\n```\n");
        for (Bench b : o.benches()) {
            for (Variant v : vs) {
                List<Double> t = r.times(b, v);
                if (t.isEmpty()) {
                    continue;
                }
                s.append(String.format(Locale.ROOT, "%-10s %-13s [%s] %s%n", b.id, v.id,
                        r.warmupTimes(b, v).stream().map(Savina::ms).collect(Collectors.joining(" ")),
                        t.stream().map(Savina::ms).collect(Collectors.joining(" "))));
            }
        }
        s.append("```\n");
        return s.toString();
    }

    private static double baselineUnits(Variant v, Bench b, Params p) {
        if (v == Variant.CONT) {
            return p.switches(b);
        }
        return b == Bench.PINGPONG ? 2.0 * p.pingPongN() : (p.ringPings() + 1.0) + p.ringActors();
    }

    private static double min(List<Double> t) {
        return t.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> t) {
        return t.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return fmt(v);
    }

    /** Three significant digits, at most two decimals. */
    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return fmt(v) + "x";
    }
}
