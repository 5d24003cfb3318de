package dev.frontier.benchmarks;

import dev.frontier.examples.bank.BankExploration;
import dev.frontier.testkit.ExplorationResult;
import dev.frontier.testkit.Explorer;
import dev.frontier.testkit.Faults;
import dev.frontier.testkit.Schedule;
import dev.frontier.testkit.Simulation;
import dev.frontier.testkit.Strategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Harness (not JMH: the figures are counts and rates of whole explorations) for the schedule
 * explorer's goals:
 * <ol>
 *   <li>{@code find}: how many schedules random exploration (up to 1,000) and PCT (up to 100) need to
 *       find the bank example's ordering bug, over 100 independent seed ranges;</li>
 *   <li>{@code fidelity}: for 300 seeds, a strict replay of the recorded schedule gives the same
 *       steps and the same delivery sequence (bank, the ten-actor protocol, and the ten-actor
 *       protocol with faults);</li>
 *   <li>{@code rate}: explored schedules per second for a ten-actor, 100-message protocol, on the
 *       calling thread (one core).</li>
 * </ol>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED \
 *      dev.frontier.benchmarks.ExplorerBenchmark [find|fidelity|rate|all]
 * </pre>
 */
public final class ExplorerBenchmark {

    static final int ACTORS = 10;
    static final int HOPS = 10;

    /** A token going round: a record, so the trace shows it and replays compare it. */
    record Token(int stride, int hopsLeft) {
    }

    private ExplorerBenchmark() {
    }

    /**
     * Ten handler actors; ten tokens, one started at each, each hopping {@code HOPS} times around
     * the ring with a stride that depends on the token: 100 deliveries, messages from many senders
     * interleaving in every mailbox.
     */
    static Consumer<Simulation> tenActors() {
        return sim -> {
            int[] delivered = {0};
            for (int i = 0; i < ACTORS; i++) {
                int me = i;
                sim.<Token>spawnHandler("n" + i, (ctx, token) -> {
                    delivered[0]++;
                    if (token.hopsLeft() > 1) {
                        ctx.send("n" + ((me + token.stride()) % ACTORS), new Token(token.stride(), token.hopsLeft() - 1));
                    }
                });
            }
            for (int i = 0; i < ACTORS; i++) {
                sim.send("n" + i, new Token(i + 1, HOPS));
            }
            sim.atEnd("100 deliveries", () -> {
                if (delivered[0] != ACTORS * HOPS) {
                    throw new AssertionError(delivered[0] + " deliveries");
                }
            });
        };
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("find") || what.equals("all")) {
            find("bank", BankExploration.scenario(false), Strategy.random(), 1000);
            find("bank", BankExploration.scenario(false), Strategy.pct(2), 100);
            find("bank", BankExploration.scenario(false), Strategy.pct(3), 100);
            find("deep bank", BankExploration.deepScenario(), Strategy.random(), 1000);
            find("deep bank", BankExploration.deepScenario(), Strategy.pct(2), 100);
            find("deep bank", BankExploration.deepScenario(), Strategy.pct(3), 100);
        }
        if (what.equals("fidelity") || what.equals("all")) {
            fidelity("bank (buggy)", Explorer.named("f1"), BankExploration.scenario(false));
            fidelity("ten actors, random", Explorer.named("f2"), tenActors());
            fidelity("ten actors, pct(3)", Explorer.named("f3").strategy(Strategy.pct(3)), tenActors());
            fidelity("ten actors, faults", Explorer.named("f4").faults(Faults.none().withDrop(0.02).withDuplicate(0.02)
                    .withDelay(0.05, Duration.ofMillis(10)).withCrash(0.005)), ten());
        }
        if (what.equals("rate") || what.equals("all")) {
            rate(Strategy.random());
            rate(Strategy.pct(3));
        }
    }

    /** The ten-actor protocol, allowing injected faults to lose deliveries. */
    private static Consumer<Simulation> ten() {
        return sim -> {
            for (int i = 0; i < ACTORS; i++) {
                int me = i;
                sim.<Token>spawnHandler("n" + i, (ctx, token) -> {
                    if (token.hopsLeft() > 1) {
                        ctx.send("n" + ((me + token.stride()) % ACTORS), new Token(token.stride(), token.hopsLeft() - 1));
                    }
                });
            }
            for (int i = 0; i < ACTORS; i++) {
                sim.send("n" + i, new Token(i + 1, HOPS));
            }
        };
    }

    static void find(String label, Consumer<Simulation> scenario, Strategy strategy, int budget) {
        int ranges = 100;
        int[] needed = new int[ranges];
        int found = 0;
        long start = System.nanoTime();
        for (int r = 0; r < ranges; r++) {
            ExplorationResult res = Explorer.named("find").strategy(strategy).seed(r * 1_000_003L).schedules(budget)
                    .writeFiles(false).shrink(false, 0).run(scenario);
            needed[r] = res.failure().map(f -> f.index() + 1).orElse(Integer.MAX_VALUE);
            if (!res.passed()) {
                found++;
            }
        }
        Arrays.sort(needed);
        System.out.printf("find %-9s %-8s budget %4d: found in %d/%d seed ranges; schedules needed: median %s, p90 %s, "
                        + "max %s (%.0f ms)%n", label, strategy.name(), budget, found, ranges, show(needed[ranges / 2]),
                show(needed[ranges * 9 / 10]), show(needed[ranges - 1]), (System.nanoTime() - start) / 1e6);
    }

    private static String show(int n) {
        return n == Integer.MAX_VALUE ? "not found" : Integer.toString(n);
    }

    static void fidelity(String label, Explorer explorer, Consumer<Simulation> scenario) {
        int same = 0;
        int seeds = 300;
        long steps = 0;
        for (long seed = 0; seed < seeds; seed++) {
            Schedule recorded = explorer.runSchedule(seed, scenario);
            Schedule replayed = explorer.rerun(recorded, scenario);
            steps += recorded.size();
            boolean equal = keys(recorded).equals(keys(replayed)) && recorded.deliveries().equals(replayed.deliveries());
            if (equal) {
                same++;
            } else {
                System.out.println("seed " + seed + " differs:\n" + recorded.trace() + "---\n" + replayed.trace());
            }
        }
        System.out.printf("fidelity %-20s: %d/%d seeds replay to the same steps and deliveries (%.1f steps each)%n", label,
                same, seeds, steps / (double) seeds);
    }

    private static List<String> keys(Schedule s) {
        return s.steps().stream().map(st -> st.key() + " " + st.fault()).toList();
    }

    static void rate(Strategy strategy) {
        Consumer<Simulation> scenario = tenActors();
        Explorer warm = Explorer.named("rate").strategy(strategy).writeFiles(false).shrink(false, 0);
        warm.schedules(20_000).check(scenario);
        double[] rates = new double[5];
        for (int round = 0; round < rates.length; round++) {
            int n = 20_000;
            long t0 = System.nanoTime();
            ExplorationResult r = Explorer.named("rate").strategy(strategy).seed(round * 100_000L).schedules(n)
                    .writeFiles(false).shrink(false, 0).check(scenario);
            double secs = (System.nanoTime() - t0) / 1e9;
            rates[round] = r.schedulesRun() / secs;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("rate %-8s: %s schedules/s per round (10 actors, 100 messages each); median %.0f%n",
                strategy.name(), Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), sorted[2]);
    }
}
