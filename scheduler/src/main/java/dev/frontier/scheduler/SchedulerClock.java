package dev.frontier.scheduler;

/**
 * The time source of a scheduler's timers, in nanoseconds from an arbitrary origin, like
 * {@link System#nanoTime()}. Tests inject a {@link ManualClock} and advance it instead of sleeping.
 */
@FunctionalInterface
public interface SchedulerClock {

    long nanoTime();

    /** {@link System#nanoTime()}. */
    SchedulerClock SYSTEM = System::nanoTime;
}
