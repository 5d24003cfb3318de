package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Cancellable;
import dev.frontier.core.GeneratorAlreadyExecutingException;
import java.time.Duration;

/**
 * The seed's Attempt 1, kept to show why Frontier has a scheduler: {@code send} <em>is</em> the
 * receiver's {@code gen.send(msg)}, a plain synchronous call on the sender's stack. It works for
 * the printer; recursive ping-pong fails with "generator already executing" as soon as pong
 * sends back to ping, which is still running (after {@code ping 0}, {@code pong 1}, exactly as in
 * the seed). As in Python, the exception propagates back through every actor on the call stack
 * (each one ends, and is reported to the error handler) to the original caller.
 *
 * <p>It has no timers ({@code sleep}, {@code receive} with a timeout, {@code sendAfter} and
 * {@code ask} are refused), so it has no use for a clock: a clock other than
 * {@link SchedulerClock#SYSTEM} (a {@link ManualClock}) is refused at creation rather than
 * silently ignored.
 *
 * <p><b>Note:</b> this class is not threadsafe; use it from one thread.
 */
public final class DirectActorSystem extends AbstractActorSystem {

    private ActorCell<?> current;

    private DirectActorSystem(ActorSystemOptions options) {
        super(options);
        if (options.clock != SchedulerClock.SYSTEM) {
            throw new IllegalArgumentException("DirectActorSystem has no timers, so it cannot follow " + options.clock
                    + "; use a DequeScheduler for virtual time");
        }
    }

    /** {@return a direct system with {@linkplain ActorSystemOptions#defaults() default options}} */
    public static DirectActorSystem create() {
        return new DirectActorSystem(ActorSystemOptions.defaults());
    }

    /**
     * {@return a direct system with these options}
     *
     * @param options the system's settings; must not be null, and their clock must be
     *     {@link SchedulerClock#SYSTEM}
     * @throws IllegalArgumentException the options name another clock: this system has no timers
     */
    public static DirectActorSystem create(ActorSystemOptions options) {
        return new DirectActorSystem(options);
    }

    @Override
    void post(ActorCell<?> target, ActorRef<?> sender, Object message) {
        checkMessage(target.name, message);
        if (target.messageType() != null && refusedType(target, sender, message)) {
            return;
        }
        if (!target.isAlive() || lifecycle() != RUNNING) {
            deadLetter(target.name, sender, message);
            return;
        }
        if (target.isExecuting()) {
            // the seed's ValueError, raised in the sender: the target is further down this stack
            throw new GeneratorAlreadyExecutingException();
        }
        if (recording) {
            sender = stamp(target, sender, message);
        }
        target.enqueue(sender, message);
        runNow(target);
    }

    /** Runs {@code cell}'s turn on this stack; a failure that ended it propagates to the caller. */
    private void runNow(ActorCell<?> cell) {
        ActorCell<?> outer = current;
        current = cell;
        try {
            cell.turn(Integer.MAX_VALUE);
        } finally {
            current = outer;
            mdcLeave(cell);
        }
        Throwable failure = cell.failure();
        if (failure != null) {
            throw Rethrow.<RuntimeException>unchecked(failure);
        }
    }

    /**
     * Direct mode refuses watch, link and supervisors: a {@code Terminated}, an {@code Exit} or a
     * restart would run the receiver on the stack of the actor that ended, the very re-entrance this
     * mode exists to show failing.
     */
    @Override
    void checkCanSupervise(String operation) {
        throw new UnsupportedOperationException("DirectActorSystem cannot " + operation + ": it would deliver to an "
                + "actor on the stack of the actor that ended; use DequeScheduler or ThreadPerActorSystem");
    }

    @Override
    void deliverNotice(ActorCell<?> target, ActorRef<?> sender, Object notice) {
        checkCanSupervise("deliver " + notice);
    }

    @Override
    void launch(ActorCell<?> cell) {
        if (cell.hasWork()) {
            runNow(cell);
        }
    }

    @Override
    void stopActor(ActorCell<?> cell) {
        closeActor(cell);
    }

    @Override
    ActorCell<?> currentActor() {
        return current;
    }

    @Override
    boolean isRunning(ActorCell<?> cell) {
        return current == cell;
    }

    @Override
    String hostThreadName(ActorCell<?> cell) {
        return "the sender's";
    }

    @Override
    int unboundedMailboxSize(ActorCell<?> cell) {
        return cell.mailbox == null ? 0 : cell.mailbox.size();
    }

    /** Direct mode has no thread of its own to fire timers on. */
    @Override
    Cancellable schedule(Duration delay, Runnable action, Runnable onAbandon) {
        throw new UnsupportedOperationException(
                "DirectActorSystem has no timers (sleep, receive with a timeout, sendAfter, ask); use DequeScheduler");
    }

    @Override
    void wake(ActorCell<?> cell, int epoch, byte waitingIn, Object value) {
        if (cell.wake(epoch, waitingIn, value)) {
            runNow(cell);
        }
    }

    /** Runs {@code action} at once on the calling thread, as {@code cell}. */
    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        ActorCell<?> outer = current;
        current = cell;
        try {
            action.run();
        } finally {
            current = outer;
            mdcLeave(cell);
        }
    }

    @Override
    public void shutdown() {
        if (!beginShutdown()) {
            return;
        }
        for (ActorCell<?> cell : liveActorsLatestFirst()) {
            closeActor(cell);
        }
        terminated();
    }
}
