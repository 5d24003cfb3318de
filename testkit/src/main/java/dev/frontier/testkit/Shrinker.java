package dev.frontier.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds a shorter schedule that fails the same way (DEMi's minimisation, NSDI'16, on a recorded
 * schedule instead of woven Akka): first without each injected fault, then delta debugging over the
 * steps the schedule forces. A candidate is replayed leniently: its steps are followed in order where
 * enabled, skipped where not, and once they run out the run goes on in the default order (the
 * oldest channel first). Messages whose delivery is no longer forced wait, so a violation that needs
 * only a few deliveries is reached in few steps. "The same way" is the same property (for an actor
 * failure: the same actor and exception class).
 */
final class Shrinker {

    private final Explorer explorer;
    private final Consumer<Simulation> scenario;
    private final long seed;
    private final String signature;
    private final int maxRuns;
    private int runs;
    private Explorer.Outcome best;

    Shrinker(Explorer explorer, Consumer<Simulation> scenario, long seed, Explorer.Outcome failed, int maxRuns) {
        this.explorer = explorer;
        this.scenario = scenario;
        this.seed = seed;
        this.signature = signature(failed);
        this.maxRuns = maxRuns;
        this.best = failed;
    }

    int runs() {
        return runs;
    }

    static String signature(Explorer.Outcome o) {
        String p = o.property();
        int failed = p.indexOf("' failed");
        String what = p.startsWith("actor '") && failed > 0 ? p.substring(0, failed + 8) : p.replaceAll(" after step \\d+", "");
        return what + (o.cause() == null ? "" : " | " + o.cause().getClass().getName());
    }

    /** The shortest failing run found (the original one if none is shorter). */
    Schedule shrink() {
        List<Schedule.Step> spec = new ArrayList<>(best.schedule().steps());
        for (int i = 0; i < spec.size(); i++) {
            if (!"-".equals(spec.get(i).fault())) {
                List<Schedule.Step> cand = new ArrayList<>(spec);
                cand.set(i, spec.get(i).withoutFault());
                if (fails(cand)) {
                    spec = cand;
                }
            }
        }
        int granularity = 2;
        while (spec.size() >= 2 && runs < maxRuns) {
            int chunk = (spec.size() + granularity - 1) / granularity;
            boolean reduced = false;
            for (int start = 0; start < spec.size() && runs < maxRuns; start += chunk) {
                List<Schedule.Step> cand = new ArrayList<>(spec.subList(0, start));
                cand.addAll(spec.subList(Math.min(spec.size(), start + chunk), spec.size()));
                if (fails(cand)) {
                    spec = cand;
                    granularity = Math.max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (granularity >= spec.size()) {
                    break;
                }
                granularity = Math.min(granularity * 2, spec.size());
            }
        }
        return best.schedule();
    }

    /** Replays {@code cand} leniently; keeps the run if it fails the same way and is no longer. */
    private boolean fails(List<Schedule.Step> cand) {
        runs++;
        Explorer.Outcome r = explorer.runOne(new Replayer(cand, false), Faults.none(), seed, scenario);
        if (!r.failed() || !signature(r).equals(signature)) {
            return false;
        }
        if (r.schedule().size() <= best.schedule().size()) {
            best = r;
        }
        return true;
    }
}
