package dev.frontier.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What an exploration found: how many schedules ran, and the first failure, if any, with its seed,
 * its schedule (and file), and the shrunk schedule.
 */
public final class ExplorationResult {

    /**
     * A schedule under which the property failed.
     *
     * @param seed the schedule's seed: {@code explorer.seed(seed).schedules(1)} explores it again
     * @param index which schedule of the exploration it was (0-based)
     * @param property what failed: {@code invariant 'NAME'}, {@code end check 'NAME'}, {@code actor 'X' failed}, ...
     * @param cause the assertion or exception, if there was one
     * @param schedule the run, step by step
     * @param file where the schedule was written (replay it with {@link Replay} or {@link Explorer#replay})
     * @param shrunk a shorter schedule that fails the same way (the same as {@code schedule} if none was found)
     * @param shrunkFile where the shrunk schedule was written
     * @param shrinkRuns how many runs shrinking took
     */
    public record Failure(long seed, int index, String property, Throwable cause, Schedule schedule, Path file,
                          Schedule shrunk, Path shrunkFile, int shrinkRuns) {
    }

    private final String name;
    private final String strategy;
    private final int schedules;
    private final int planned;
    private final Failure failure;
    private final Duration elapsed;

    ExplorationResult(String name, String strategy, int schedules, int planned, Failure failure, Duration elapsed) {
        this.name = name;
        this.strategy = strategy;
        this.schedules = schedules;
        this.planned = planned;
        this.failure = failure;
        this.elapsed = elapsed;
    }

    /** {@return how many schedules ran, up to and including a failing one} */
    public int schedulesRun() {
        return schedules;
    }

    /** {@return whether every schedule passed} */
    public boolean passed() {
        return failure == null;
    }

    /** {@return the first failure, or empty if every schedule passed} */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** {@return the wall-clock time the exploration took (for reports only; nothing is decided by it)} */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Throws an {@link AssertionError} carrying {@link #report()} if a schedule failed.
     *
     * @return this result, if every schedule passed
     * @throws AssertionError a schedule failed; its cause is the failure's cause, if any
     */
    public ExplorationResult assertPassed() {
        if (failure != null) {
            AssertionError e = new AssertionError(report());
            if (failure.cause() != null) {
                e.initCause(failure.cause());
            }
            throw e;
        }
        return this;
    }

    /**
     * {@return a report for people: the failure, the seed, the files, how to replay, and the shrunk
     * trace; one line if every schedule passed}
     */
    public String report() {
        if (failure == null) {
            return "exploration of '" + name + "': " + schedules + " schedules (" + strategy + ") passed in "
                    + elapsed.toMillis() + " ms";
        }
        Failure f = failure;
        StringBuilder b = new StringBuilder();
        b.append("exploration of '").append(name).append("' failed on schedule ").append(f.index() + 1).append(" of ")
                .append(planned).append(" (").append(strategy).append(", seed ").append(f.seed()).append("): ")
                .append(f.property());
        if (f.cause() != null) {
            b.append("\n  cause: ").append(f.cause());
        }
        if (f.file() != null) {
            b.append("\n  schedule: ").append(f.file()).append(" (").append(f.schedule().size()).append(" steps)");
            b.append("\n  replay:   @Replay(\"").append(f.file().toString().replace('\\', '/'))
                    .append("\") on the test, or explorer.replay(Path.of(...), scenario)");
        }
        Schedule s = f.shrunk();
        if (s != f.schedule()) {
            b.append("\n  shrunk to ").append(s.size()).append(" steps, ").append(Explorer.deviations(s))
                    .append(" against the default order (from ").append(f.schedule().size()).append(", ")
                    .append(Explorer.deviations(f.schedule())).append("; faults ").append(Explorer.faults(f.schedule()))
                    .append(" -> ").append(Explorer.faults(s)).append("; ").append(f.shrinkRuns()).append(" runs)");
            if (f.shrunkFile() != null) {
                b.append(": ").append(f.shrunkFile());
            }
        }
        b.append("\n  the failing run (* = chosen against the default, oldest-first order):\n");
        for (Schedule.Step step : s.steps()) {
            b.append(step.choice() > 0 ? "  * " : "    ").append(step.describe()).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
