package dev.frontier.scheduler;

/**
 * The time source of a scheduler's timers, in nanoseconds from an arbitrary origin, like
 * {@link System#nanoTime()}. Tests inject a {@link ManualClock} and advance it instead of sleeping.
 */
@FunctionalInterface
public interface SchedulerClock {

    /**
     * {@return the current time in nanoseconds from this clock's origin} Only differences between
     * two readings mean anything; they may overflow, so compare readings by subtracting them.
     */
    long nanoTime();

    /** {@link System#nanoTime()}. */
    SchedulerClock SYSTEM = System::nanoTime;
}
