package dev.frontier.scheduler;

/**
 * <b>SPI for test tools</b>: one step an {@link ScheduleStrategy explored} scheduler may take next.
 * A view, valid only during the strategy call that received it.
 */
public interface ScheduleStep {

    /** What a step does. */
    enum Kind {
        /** The oldest message in flight from one sender to one receiver reaches the receiver, which takes a turn. */
        DELIVER,
        /** An actor that can run without a new message runs a turn: its start, a wake-up, a backlog. */
        TURN,
        /** A queued command runs (a task's step, an {@code Executor} job), as its actor if it has one. */
        COMMAND,
        /** A timer that is due fires. */
        TIMER
    }

    /** {@return what this step does} */
    Kind kind();

    /**
     * A name for this step that is the same in every run of the same scenario taking the same earlier
     * steps, and unique among the steps enabled at one time: {@code "alice->bob"} (a channel),
     * {@code "turn:bob"}, {@code "cmd:bob"}, {@code "timer#3"} (timers numbered in the order set). An
     * actor whose name was used before in the run carries its incarnation: {@code "bob#2"}. Schedule
     * files record these keys; a replay looks them up.
     *
     * @return this step's key; never null
     */
    String key();

    /** {@return for {@link Kind#DELIVER}, the sender's name, or {@code "outside"}; otherwise null} */
    String sender();

    /** {@return the name of the actor the step runs (DELIVER: the receiver); null for a timer or a command of no actor} */
    String receiver();

    /** {@return for {@link Kind#DELIVER}, the message that would be delivered; otherwise null} */
    Object message();

    /** {@return for {@link Kind#TIMER}, its deadline in nanoseconds on the scheduler's clock; otherwise 0} */
    long deadline();

    /** {@return one line for traces: {@code "alice -> bob: Deposit[60]"}, {@code "turn bob"}, {@code "timer#3"}} */
    String describe();
}
