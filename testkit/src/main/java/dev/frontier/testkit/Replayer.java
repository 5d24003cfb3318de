package dev.frontier.testkit;

import dev.frontier.scheduler.Fault;
import dev.frontier.scheduler.ScheduleStep;
import dev.frontier.scheduler.ScheduleStrategy;
import java.util.List;

/**
 * Follows a recorded schedule by key. Strict: every step must be the recorded one, else the replay
 * has diverged (the scenario or the code under test is not deterministic, or changed). Lenient (for
 * shrinking): a recorded step that is not enabled is skipped, and once the schedule is used up the
 * first enabled step is taken.
 */
final class Replayer implements ScheduleStrategy {

    private final List<Schedule.Step> steps;
    private final boolean strict;
    private int cursor;
    private int taken;
    private String fault = "-";

    Replayer(List<Schedule.Step> steps, boolean strict) {
        this.steps = steps;
        this.strict = strict;
    }

    @Override
    public int choose(List<? extends ScheduleStep> enabled) {
        taken++;
        while (cursor < steps.size()) {
            Schedule.Step want = steps.get(cursor++);
            for (int i = 0; i < enabled.size(); i++) {
                if (enabled.get(i).key().equals(want.key())) {
                    fault = want.fault();
                    return i;
                }
            }
            if (strict) {
                throw new IllegalStateException("replay diverged at step " + taken + ": the schedule says '"
                        + want.key() + "' (" + want.describe() + "), but the enabled steps are " + keys(enabled)
                        + "; the scenario or the code under test is not deterministic, or it changed");
            }
        }
        if (strict) {
            throw new IllegalStateException("replay diverged at step " + taken + ": the schedule has ended after "
                    + steps.size() + " steps, but the run goes on with " + keys(enabled));
        }
        fault = "-";
        return 0;
    }

    @Override
    public Fault fault(ScheduleStep delivery) {
        return Schedule.fault(fault, delivery);
    }

    private static String keys(List<? extends ScheduleStep> enabled) {
        return enabled.stream().map(ScheduleStep::key).toList().toString();
    }
}
