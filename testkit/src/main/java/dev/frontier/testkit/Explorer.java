package dev.frontier.testkit;

import dev.frontier.actor.ActorFailure;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import dev.frontier.scheduler.ScheduleStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Seeded schedule exploration: runs a scenario under many schedules, each chosen step by step from
 * a seed by a {@link Strategy} (random walk or PCT), with optional {@link Faults}, and checks its
 * property after every step and at the end. The first failing schedule is reported with its seed,
 * written to a file that {@link Replay} or {@link #replay} reruns exactly, and shrunk to a shorter
 * schedule that fails the same way.
 *
 * <pre>{@code
 * Explorer.named("bank").strategy(Strategy.pct()).schedules(500).check(sim -> {
 *     Ledger ledger = new Ledger();
 *     Bank.spawn(sim.system(), ledger);
 *     sim.send("alice", new Transfer("bob", 60));
 *     sim.invariant("no account frozen", () -> !ledger.frozen);
 *     sim.atEnd("money is conserved", () -> assertEquals(100, ledger.total()));
 * });
 * }</pre>
 *
 * <h2>What is explored</h2>
 * The system is an {@link DequeScheduler#createExplored explored deque scheduler}: every message in
 * flight waits in its (sender, receiver) channel, and each step the strategy picks which channel
 * delivers next (so both which actor runs and the order in which messages from different senders
 * reach one mailbox), which actor resumes after a wait, and which due timer fires. Messages from one
 * sender to one receiver keep their order, the only order Frontier promises. Virtual time moves only
 * when nothing else can happen.
 *
 * <h2>Same seed, same run</h2>
 * A schedule depends on its seed and the scenario only: no hash order, identity hash codes, wall
 * clock or thread timing in any decision (Pony's systematic-testing checklist). The scenario must
 * keep to that too: it runs on the explorer's thread, and work arriving from another thread fails the
 * run. A message's {@code toString} appears in traces only.
 *
 * <p>Defaults: random, 100 schedules, seed 1, no faults, 100,000 steps at most per schedule; the
 * system properties {@code frontier.explore.schedules} and {@code frontier.explore.seed} override the
 * count and the seed (to explore longer outside CI), {@code frontier.schedules.dir} the directory
 * schedules are written to ({@code target/frontier-schedules}).
 *
 * <p><b>Note:</b> this class is not threadsafe.
 */
public final class Explorer {

    /** One schedule's outcome. */
    record Outcome(Schedule schedule, String property, Throwable cause) {
        boolean failed() {
            return property != null;
        }
    }

    private final String name;
    private Strategy strategy = Strategy.random();
    private int schedules = Integer.getInteger("frontier.explore.schedules", 100);
    private long seed = Long.getLong("frontier.explore.seed", 1L);
    private int maxSteps = 100_000;
    private Faults faults = Faults.none();
    private Path dir = Path.of(System.getProperty("frontier.schedules.dir", "target/frontier-schedules"));
    private boolean writeFiles = true;
    private boolean shrink = true;
    private int maxShrinkRuns = 2_000;
    private ActorSystemOptions options = ActorSystemOptions.defaults().withMdc(false);
    private Path replayFile;

    private Explorer(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * {@return a new explorer, with the defaults above, whose reports and schedule files carry {@code name}}
     *
     * @param name a test's name; must not be null
     */
    public static Explorer named(String name) {
        return new Explorer(name);
    }

    /**
     * How each schedule is chosen (default {@link Strategy#random()}).
     *
     * @param s the strategy; must not be null
     * @return this explorer
     */
    public Explorer strategy(Strategy s) {
        this.strategy = Objects.requireNonNull(s, "strategy");
        return this;
    }

    /**
     * How many schedules to run (default 100, or {@code -Dfrontier.explore.schedules}).
     *
     * @param n the number of schedules, at least 1
     * @return this explorer
     * @throws IllegalArgumentException {@code n} is below 1
     */
    public Explorer schedules(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one schedule: " + n);
        }
        this.schedules = n;
        return this;
    }

    /**
     * The first schedule's seed; schedule i has seed {@code seed + i} (default 1, or {@code -Dfrontier.explore.seed}).
     *
     * @param first the seed of schedule 0
     * @return this explorer
     */
    public Explorer seed(long first) {
        this.seed = first;
        return this;
    }

    /**
     * A schedule that has not come to rest after this many steps fails (default 100,000).
     *
     * @param n the most steps per schedule
     * @return this explorer
     */
    public Explorer maxSteps(int n) {
        this.maxSteps = n;
        return this;
    }

    /**
     * Which faults the schedules inject (default {@link Faults#none()}).
     *
     * @param f the faults; must not be null
     * @return this explorer
     */
    public Explorer faults(Faults f) {
        this.faults = Objects.requireNonNull(f, "faults");
        return this;
    }

    /**
     * Where schedule files go (default {@code target/frontier-schedules}, or {@code -Dfrontier.schedules.dir}).
     *
     * @param d the directory, made when a file is written; must not be null
     * @return this explorer
     */
    public Explorer scheduleDir(Path d) {
        this.dir = Objects.requireNonNull(d, "dir");
        return this;
    }

    /**
     * Whether a failing schedule is written to a file (default true).
     *
     * @param write false to write no files
     * @return this explorer
     */
    public Explorer writeFiles(boolean write) {
        this.writeFiles = write;
        return this;
    }

    /**
     * Whether a failing schedule is shrunk (default true), and with at most how many runs (default 2,000).
     *
     * @param on false not to shrink
     * @param maxRuns the most runs shrinking may take
     * @return this explorer
     */
    public Explorer shrink(boolean on, int maxRuns) {
        this.shrink = on;
        this.maxShrinkRuns = maxRuns;
        return this;
    }

    /**
     * Options of the explored systems (their clock, throughput and error handler are the explorer's).
     *
     * @param o the options; must not be null
     * @return this explorer
     */
    public Explorer options(ActorSystemOptions o) {
        this.options = Objects.requireNonNull(o, "options");
        return this;
    }

    /**
     * Makes {@link #run}/{@link #check} replay this schedule file instead of exploring ({@link Replay} sets it).
     *
     * @param file the schedule file, or null to explore again
     * @return this explorer
     */
    public Explorer replayFrom(Path file) {
        this.replayFile = file;
        return this;
    }

    /** {@return the name given to {@link #named}} */
    public String name() {
        return name;
    }

    /**
     * Explores (or replays, if a replay file is set) and throws an {@link AssertionError} with the
     * report if a schedule fails.
     *
     * @param scenario sets up the system, sends the first messages and declares the properties; run
     *     once per schedule, on this thread
     * @return the result, which passed
     * @throws AssertionError a schedule failed; the message is {@link ExplorationResult#report()}
     */
    public ExplorationResult check(Consumer<Simulation> scenario) {
        return run(scenario).assertPassed();
    }

    /**
     * Explores (or replays, if a replay file is set) and returns what it found; stops at the first failure.
     *
     * @param scenario sets up the system, sends the first messages and declares the properties; run
     *     once per schedule, on this thread; must not be null
     * @return what was found: passed, or the first failure with its files and shrunk schedule
     */
    public ExplorationResult run(Consumer<Simulation> scenario) {
        Objects.requireNonNull(scenario, "scenario");
        if (replayFile != null) {
            return replay(replayFile, scenario);
        }
        long started = System.nanoTime(); // for the report only
        int expected = expectedSteps(scenario);
        for (int i = 0; i < schedules; i++) {
            long s = seed + i;
            Outcome o = runOne(strategy.forSeed(s, expected), faults, s, scenario);
            if (o.failed()) {
                return new ExplorationResult(name, describe(), i + 1, schedules, failure(o, s, i, scenario),
                        since(started));
            }
        }
        return new ExplorationResult(name, describe(), schedules, schedules, null, since(started));
    }

    /**
     * Reruns exactly the schedule in {@code file} (strictly: a step that differs is reported as divergence).
     *
     * @param file a schedule file written by an exploration
     * @param scenario the scenario that produced it
     * @return the replay's result: one schedule, passed or failed (nothing is written or shrunk)
     * @throws java.io.UncheckedIOException the file could not be read
     */
    public ExplorationResult replay(Path file, Consumer<Simulation> scenario) {
        return replay(Schedule.read(file), scenario);
    }

    /**
     * Reruns exactly {@code schedule}, strictly, as {@link #replay(Path, Consumer)} does.
     *
     * @param schedule the schedule to rerun
     * @param scenario the scenario that produced it
     * @return the replay's result: one schedule, passed or failed (nothing is written or shrunk)
     */
    public ExplorationResult replay(Schedule schedule, Consumer<Simulation> scenario) {
        long started = System.nanoTime();
        long s = seedOf(schedule);
        Outcome o = runOne(new Replayer(schedule.steps(), true), Faults.none(), s, scenario);
        ExplorationResult.Failure f = o.failed()
                ? new ExplorationResult.Failure(s, 0, o.property(), o.cause(), o.schedule(), null, o.schedule(), null, 0)
                : null;
        return new ExplorationResult(name, "replay", 1, 1, f, since(started));
    }

    /**
     * Runs one schedule, the one {@code seed} gives with this explorer's strategy and faults, without
     * checking the outcome, writing or shrinking. For measurements and tools.
     *
     * @param seed the schedule's seed
     * @param scenario the scenario to run
     * @return the schedule it took, step by step (whether it failed is not returned)
     */
    public Schedule runSchedule(long seed, Consumer<Simulation> scenario) {
        return runOne(strategy.forSeed(seed, expectedSteps(scenario)), faults, seed, scenario).schedule();
    }

    /**
     * How many steps a run takes, for PCT's change points: the length of one run in the default
     * order, with seed 0. The same for every schedule of the scenario, so that a schedule depends on
     * its own seed only (and {@code seed(s).schedules(1)} explores schedule {@code s} again).
     */
    private int expectedSteps(Consumer<Simulation> scenario) {
        return Math.max(1, runOne(Strategy.fifo().forSeed(0, 1), Faults.none(), 0, scenario).schedule().size());
    }

    /**
     * Replays {@code schedule} strictly and returns the run as recorded again (for replay-fidelity checks).
     *
     * @param schedule the schedule to replay
     * @param scenario the scenario that produced it
     * @return the schedule the replay took, step by step
     */
    public Schedule rerun(Schedule schedule, Consumer<Simulation> scenario) {
        return runOne(new Replayer(schedule.steps(), true), Faults.none(), seedOf(schedule), scenario).schedule();
    }

    private static long seedOf(Schedule schedule) {
        for (String c : schedule.comments()) {
            if (c.startsWith("seed: ")) {
                return Long.parseLong(c.substring(6).strip());
            }
        }
        return 0;
    }

    private String describe() {
        return strategy.name() + (faults.isNone() ? "" : ", " + faults);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    // ------------------------------------------------------------------ one schedule

    Outcome runOne(ScheduleStrategy choice, Faults f, long s, Consumer<Simulation> scenario) {
        ManualClock clock = new ManualClock();
        Recorder recorder = new Recorder(choice, f, s, clock);
        List<ActorFailure> failures = new ArrayList<>();
        DequeScheduler system = DequeScheduler.createExplored(options.withClock(clock).withThroughput(1)
                .withErrorHandler(failures::add), recorder);
        Simulation sim = new Simulation(system, clock, s);
        String property = null;
        Throwable cause = null;
        try {
            scenario.accept(sim);
            int steps = 0;
            while (property == null && system.runOnce() > 0) {
                steps++;
                for (ActorFailure af : failures) {
                    if (!(af.cause() instanceof InjectedCrash) && !sim.actorFailuresAllowed) {
                        property = af.describe();
                        cause = af.cause();
                        break;
                    }
                }
                failures.clear();
                for (int i = 0; property == null && i < sim.invariants.size(); i++) {
                    Simulation.Check<BooleanSupplier> inv = sim.invariants.get(i);
                    try {
                        if (!inv.check().getAsBoolean()) {
                            property = "invariant '" + inv.name() + "' violated after step " + steps;
                        }
                    } catch (RuntimeException | AssertionError e) {
                        property = "invariant '" + inv.name() + "' threw after step " + steps;
                        cause = e;
                    }
                }
                if (property == null && steps >= maxSteps) {
                    property = "not at rest after " + maxSteps + " steps (maxSteps): a timer or a message loop goes on";
                }
            }
            for (int i = 0; property == null && i < sim.endChecks.size(); i++) {
                Simulation.Check<Runnable> check = sim.endChecks.get(i);
                try {
                    check.check().run();
                } catch (RuntimeException | AssertionError e) {
                    property = "end check '" + check.name() + "' failed";
                    cause = e;
                }
            }
        } catch (RuntimeException | Error e) {
            property = "the run threw " + e.getClass().getSimpleName();
            cause = e;
        } finally {
            try {
                system.shutdown();
            } catch (RuntimeException ignored) {
                // the outcome is already decided
            }
        }
        return new Outcome(new Schedule(recorder.steps(), List.of()), property, cause);
    }

    // ------------------------------------------------------------------ a failure: files and shrinking

    private ExplorationResult.Failure failure(Outcome o, long s, int index, Consumer<Simulation> scenario) {
        List<String> header = List.of("name: " + name, "strategy: " + describe(), "seed: " + s,
                "failure: " + o.property() + (o.cause() == null ? "" : " (" + o.cause() + ")"));
        Schedule full = new Schedule(o.schedule().steps(), header);
        Path file = writeFiles ? full.write(dir.resolve(fileName(s, ""))) : null;
        Schedule shrunk = full;
        Path shrunkFile = null;
        int runs = 0;
        if (shrink) {
            Shrinker sh = new Shrinker(this, scenario, s, o, maxShrinkRuns);
            Schedule found = sh.shrink();
            runs = sh.runs();
            if (found.size() < full.size() || deviations(found) < deviations(full) || faults(found) < faults(full)) {
                shrunk = new Schedule(found.steps(), header);
                shrunkFile = writeFiles ? shrunk.write(dir.resolve(fileName(s, ".shrunk"))) : null;
            }
        }
        return new ExplorationResult.Failure(s, index, o.property(), o.cause(), full, file, shrunk, shrunkFile, runs);
    }

    /** Steps chosen against the default (oldest channel first) order. */
    static int deviations(Schedule s) {
        int n = 0;
        for (Schedule.Step step : s.steps()) {
            if (step.choice() > 0) {
                n++;
            }
        }
        return n;
    }

    /** Steps with an injected fault. */
    static int faults(Schedule s) {
        int n = 0;
        for (Schedule.Step step : s.steps()) {
            if (!"-".equals(step.fault())) {
                n++;
            }
        }
        return n;
    }

    private String fileName(long s, String suffix) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + s + suffix + ".schedule";
    }
}
