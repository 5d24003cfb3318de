package dev.frontier.benchmarks;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds side by side in one JVM: loads the deque scheduler of each benchmarks jar in its own
 * class loader and alternates the same ping-pong rounds between them, so that both see the same
 * machine load at nearly the same time. For changes too small for separate JMH runs on a shared
 * machine (a null check on the send path). Times are the benchmark thread's CPU time, not wall time:
 * on a loaded machine the time a thread spends descheduled is noise, not cost.
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *      dev.frontier.benchmarks.TwoBuilds BASE.jar NEW.jar [ROUNDS]
 * </pre>
 *
 * The round itself ({@link Round}) is compiled here and loaded into each class loader after that
 * build's jar, so it runs against that build's classes.
 */
public final class TwoBuilds {

    private TwoBuilds() {
    }

    /** One round: CPU ns per message of a handler and of a generator ping-pong, one message in flight. */
    public static final class Round {
        private Round() {
        }

        static int remaining;

        public static double[] run(int messages) {
            return new double[] {pingPong(messages, true), pingPong(messages, false)};
        }

        static double pingPong(int messages, boolean handler) {
            try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withMdc(false))) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                ActorRef<Integer>[] refs = new ActorRef[2];
                for (int i = 0; i < 2; i++) {
                    int other = 1 - i;
                    if (handler) {
                        refs[i] = s.spawnHandler("p" + i, (ActorContext<Integer> ctx, Integer n) -> {
                            if (--remaining > 0) {
                                ctx.send(refs[other], n + 1);
                            }
                        });
                    } else {
                        refs[i] = s.spawn("p" + i, (ActorContext<Integer> ctx) -> {
                            while (true) {
                                int n = ctx.receive();
                                if (--remaining > 0) {
                                    ctx.send(refs[other], n + 1);
                                }
                            }
                        });
                    }
                }
                remaining = messages;
                java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                long t0 = cpu.getCurrentThreadCpuTime();
                refs[0].send(0);
                s.run();
                return (cpu.getCurrentThreadCpuTime() - t0) / (double) messages;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        URL harness = TwoBuilds.class.getProtectionDomain().getCodeSource().getLocation();
        String[] labels = {"base", "new"};
        Method[] rounds = new Method[2];
        for (int b = 0; b < 2; b++) {
            URL jar = Path.of(args[b]).toUri().toURL();
            ClassLoader cl = new URLClassLoader(new URL[] {jar, harness}, ClassLoader.getPlatformClassLoader());
            rounds[b] = cl.loadClass(Round.class.getName()).getMethod("run", int.class);
        }
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        double[][][] ns = new double[2][2][n];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < 2; b++) {
                int which = r % 2 == 0 ? b : 1 - b; // alternate who goes first
                double[] out = (double[]) rounds[which].invoke(null, 2_000_000);
                ns[which][0][r] = out[0];
                ns[which][1][r] = out[1];
            }
        }
        String[] kinds = {"handler", "generator"};
        for (int k = 0; k < 2; k++) {
            double base = Harness.median(Arrays.copyOfRange(ns[0][k], n / 3, n));
            double neu = Harness.median(Arrays.copyOfRange(ns[1][k], n / 3, n));
            System.out.printf("%-9s ping-pong: %s %.2f ns/msg (%.1f M/s), %s %.2f ns/msg (%.1f M/s), new/base time %.3f "
                            + "(medians of rounds %d..%d)%n", kinds[k], labels[0], base, 1e3 / base, labels[1], neu,
                    1e3 / neu, neu / base, n / 3 + 1, n);
        }
    }
}
