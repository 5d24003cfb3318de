package dev.frontier.testkit;

import dev.frontier.scheduler.Fault;
import dev.frontier.scheduler.ManualClock;
import dev.frontier.scheduler.ScheduleStep;
import dev.frontier.scheduler.ScheduleStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Wraps a strategy: injects faults from the seed, and records every step taken. */
final class Recorder implements ScheduleStrategy {

    private final ScheduleStrategy inner;
    private final Faults faults;
    private final SplittableRandom faultRandom;
    private final ManualClock clock;
    private int faultsLeft;
    final ArrayList<Schedule.Step> steps = new ArrayList<>();

    Recorder(ScheduleStrategy inner, Faults faults, long seed, ManualClock clock) {
        this.inner = inner;
        this.faults = faults;
        this.faultRandom = faults.isNone() ? null : new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.faultsLeft = faults.maxPerRun;
        this.clock = clock;
    }

    @Override
    public int choose(List<? extends ScheduleStep> enabled) {
        int i = inner.choose(enabled);
        if (i < 0 || i >= enabled.size()) {
            return i; // the scheduler reports it
        }
        ScheduleStep s = enabled.get(i);
        steps.add(new Schedule.Step(s.key(), s.kind(), s.sender(), s.receiver(), s.message(), "-", clock.nanoTime(), i,
                enabled.size()));
        return i;
    }

    @Override
    public Fault fault(ScheduleStep delivery) {
        Fault f = inner.fault(delivery);
        if ((f == null || f == Fault.NONE) && faultRandom != null && faultsLeft > 0) {
            f = faults.decide(delivery, faultRandom);
        }
        if (f != null && f != Fault.NONE) {
            faultsLeft--;
            int last = steps.size() - 1;
            steps.set(last, steps.get(last).withFault(Schedule.token(f)));
        }
        return f;
    }

    List<Schedule.Step> steps() {
        return steps;
    }
}
