package dev.frontier.benchmarks;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.FlowRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The diagnostics' cost per message, measured in CPU time rather than wall time, because the
 * machine they were measured on is shared: one JVM runs deque ping-pong (one message in flight)
 * in every mode, round after round in rotating order, and reports per mode the median over the
 * rounds of the process's CPU time per message (which counts the garbage collector's threads: the
 * recorder's allocation is paid there) and of the driving thread's CPU time per message.
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.frontier.benchmarks.DiagnosticsOverhead [ROUNDS] [MESSAGES]
 * </pre>
 *
 * Modes: {@code off} (no recording, no JFR), {@code record} (every actor recorded into the ring),
 * {@code jfr} (a JFR recording with the default settings running: Frontier's events enabled at
 * their defaults). Each in a handler pair and a generator pair.
 */
public final class DiagnosticsOverhead {

    private DiagnosticsOverhead() {
    }

    static final class Pair {
        final DequeScheduler scheduler;
        ActorRef<Integer> ping;
        ActorRef<Integer> pong;
        int remaining;

        Pair(String kind, boolean record) {
            scheduler = DequeScheduler.create(ActorSystemOptions.defaults()
                    .withRecorder(FlowRecorder.create(Integer.getInteger("capacity", FlowRecorder.DEFAULT_CAPACITY))));
            if (kind.equals("handler")) {
                ping = scheduler.spawnHandler("ping", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, pong, n));
                pong = scheduler.spawnHandler("pong", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, ping, n));
            } else {
                ping = scheduler.spawn("ping", (ActorContext<Integer> ctx) -> {
                    while (true) {
                        int n = ctx.receive(); // first: pong is only set after this body starts
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
            if (record) {
                scheduler.record("*");
            }
        }

        private void bounce(ActorContext<Integer> ctx, ActorRef<Integer> other, int n) {
            if (--remaining > 0) {
                ctx.send(other, n + 1);
            }
        }

        long run(int messages) {
            remaining = messages;
            ping.send(0);
            return scheduler.run();
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> modes = List.of("off", "record", "jfr");
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (String kind : List.of("handler", "generator")) {
            Map<String, Pair> pairs = new LinkedHashMap<>();
            for (String mode : modes) {
                pairs.put(mode, new Pair(kind, mode.equals("record")));
            }
            List<String> order = new ArrayList<>(modes);
            for (int round = -3; round < rounds; round++) { // three rounds of warm-up
                Collections.rotate(order, 1);
                for (String mode : order) {
                    Recording jfr = null;
                    if (mode.equals("jfr")) {
                        jfr = new Recording(Configuration.getConfiguration("default"));
                        jfr.setToDisk(false);
                        jfr.start();
                    }
                    System.gc();
                    long wall = System.nanoTime();
                    long cpu = os.getProcessCpuTime();
                    long thread = threads.getCurrentThreadCpuTime();
                    pairs.get(mode).run(messages);
                    thread = threads.getCurrentThreadCpuTime() - thread;
                    cpu = os.getProcessCpuTime() - cpu;
                    wall = System.nanoTime() - wall;
                    if (jfr != null) {
                        jfr.close();
                    }
                    if (round >= 0) {
                        samples.computeIfAbsent(kind + " " + mode, k -> new ArrayList<>())
                                .add(new double[] {(double) cpu / messages, (double) thread / messages, (double) wall / messages});
                    }
                }
            }
            for (Pair p : pairs.values()) {
                p.scheduler.shutdown();
            }
        }
        System.out.printf("%d rounds of %,d messages per mode; medians per message (min-max)%n", rounds, messages);
        System.out.printf("| %-16s | %-22s | %-22s | %-22s |%n", "pair, mode", "process CPU ns", "thread CPU ns", "wall ns");
        System.out.println("|------------------|------------------------|------------------------|------------------------|");
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            System.out.printf("| %-16s | %s | %s | %s |%n", e.getKey(), stat(e.getValue(), 0), stat(e.getValue(), 1), stat(e.getValue(), 2));
        }
    }

    private static String stat(List<double[]> xs, int i) {
        List<Double> v = new ArrayList<>();
        for (double[] x : xs) {
            v.add(x[i]);
        }
        Collections.sort(v);
        double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
        return String.format("%6.1f (%6.1f-%6.1f)", median, v.get(0), v.get(v.size() - 1));
    }
}
