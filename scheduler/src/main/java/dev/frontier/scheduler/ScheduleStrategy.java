package dev.frontier.scheduler;

import java.util.List;

/**
 * <b>SPI for test tools</b> (frontier-testkit's schedule explorer), not for applications: decides,
 * step by step, what a {@link DequeScheduler#createExplored explored} deque scheduler does next.
 *
 * <p>An explored scheduler holds every message in flight in a channel per (sender, receiver) pair
 * instead of putting it straight into the receiver's mailbox. At each step it lists the enabled
 * steps ({@link ScheduleStep}): the oldest message of each channel (so messages from one sender to
 * one receiver keep their order, the only order Frontier promises), each actor that can run without
 * a new message (a start, a wake-up after {@code await}, a backlog), each queued command, and each
 * timer already due. The strategy picks one; the scheduler performs it (a delivery also runs the
 * receiver's turn of one message) and asks again. When nothing is enabled, virtual time moves to the
 * next timer or delayed channel. Choosing which channel delivers next decides both which actor runs
 * next and in which order messages from different senders reach one mailbox.
 *
 * <p>Determinism is the strategy's side of the contract: the list is built in a fixed order (channels
 * in the order they first held a message, actors and commands in the order they were queued, timers
 * by deadline then by the order they were set), never from hash order, identity hash codes or the
 * wall clock; a strategy that decides from a seeded random source alone makes the same run twice.
 *
 * <p>Called on the scheduler thread only, between turns (never while an actor runs).
 */
public interface ScheduleStrategy {

    /**
     * Picks the next step: an index into {@code enabled}, which is never empty and is only valid
     * during this call.
     *
     * @param enabled the steps that may be taken now, in the fixed order described above
     * @return the index of the step to take, from 0 to {@code enabled.size() - 1}; another value
     *     fails the step with {@link IllegalStateException}
     */
    int choose(List<? extends ScheduleStep> enabled);

    /**
     * What happens to the delivery just chosen (a {@link ScheduleStep.Kind#DELIVER} step): by
     * default it is delivered as sent. Called once per chosen delivery, after {@link #choose}.
     *
     * @param delivery the step just chosen; valid only during this call
     * @return the fault to apply; {@link Fault#NONE} (or null) to deliver as sent
     */
    default Fault fault(ScheduleStep delivery) {
        return Fault.NONE;
    }
}
