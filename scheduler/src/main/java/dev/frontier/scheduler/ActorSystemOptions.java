package dev.frontier.scheduler;

import dev.frontier.actor.ActorErrorHandler;
import dev.frontier.actor.MessageTracer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings shared by every execution mode. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withTracer(recorder));
 * }</pre>
 */
public final class ActorSystemOptions {

    private static final ActorSystemOptions DEFAULTS =
            new ActorSystemOptions(ActorErrorHandler.LOG, null, true, 1024, 256, IdleStrategy::backoff, true,
                    SchedulerClock.SYSTEM);

    final ActorErrorHandler errorHandler;
    final MessageTracer tracer;
    final boolean mdc;
    final int batchLimit;
    final int inboxDrainLimit;
    final Supplier<IdleStrategy> idleStrategy;
    final boolean virtualThreads;
    final SchedulerClock clock;

    private ActorSystemOptions(ActorErrorHandler errorHandler, MessageTracer tracer, boolean mdc, int batchLimit,
                               int inboxDrainLimit, Supplier<IdleStrategy> idleStrategy, boolean virtualThreads,
                               SchedulerClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.tracer = tracer;
        this.mdc = mdc;
        if (batchLimit < 1 || inboxDrainLimit < 1) {
            throw new IllegalArgumentException("limits must be positive: batch " + batchLimit + ", inbox " + inboxDrainLimit);
        }
        this.batchLimit = batchLimit;
        this.inboxDrainLimit = inboxDrainLimit;
        this.idleStrategy = Objects.requireNonNull(idleStrategy, "idleStrategy");
        this.virtualThreads = virtualThreads;
    }

    /** Errors logged, no tracer, MDC on, batch 1024, inbox drain 256, backoff idling, virtual threads, system clock. */
    public static ActorSystemOptions defaults() {
        return DEFAULTS;
    }

    /** Where exceptions that end actors go (default: one ERROR log each). */
    public ActorSystemOptions withErrorHandler(ActorErrorHandler handler) {
        return new ActorSystemOptions(handler, tracer, mdc, batchLimit, inboxDrainLimit, idleStrategy, virtualThreads, clock);
    }

    /** A hook that sees every delivery (default: none). */
    public ActorSystemOptions withTracer(MessageTracer t) {
        return new ActorSystemOptions(errorHandler, t, mdc, batchLimit, inboxDrainLimit, idleStrategy, virtualThreads, clock);
    }

    /**
     * Whether each delivery puts the actor's name ({@code actor}) and the message's sequence number
     * ({@code msgSeq}) in the SLF4J MDC (default: on). Turning it off saves a few MDC writes per
     * message; log lines written by actors then no longer say which actor wrote them.
     */
    public ActorSystemOptions withMdc(boolean on) {
        return new ActorSystemOptions(errorHandler, tracer, on, batchLimit, inboxDrainLimit, idleStrategy, virtualThreads, clock);
    }

    /** Deque scheduler: most messages delivered per duty cycle before the inbox is checked again. */
    public ActorSystemOptions withBatchLimit(int limit) {
        return new ActorSystemOptions(errorHandler, tracer, mdc, limit, inboxDrainLimit, idleStrategy, virtualThreads, clock);
    }

    /** Deque scheduler: most cross-thread entries taken from the inbox per duty cycle. */
    public ActorSystemOptions withInboxDrainLimit(int limit) {
        return new ActorSystemOptions(errorHandler, tracer, mdc, batchLimit, limit, idleStrategy, virtualThreads, clock);
    }

    /** Deque scheduler on its own thread: how to wait when there is no work. */
    public ActorSystemOptions withIdleStrategy(Supplier<IdleStrategy> strategy) {
        return new ActorSystemOptions(errorHandler, tracer, mdc, batchLimit, inboxDrainLimit, strategy, virtualThreads, clock);
    }

    /**
     * The deque scheduler's timer clock (default {@link SchedulerClock#SYSTEM}); inject a
     * {@link ManualClock} in tests. Thread-per-actor mode always uses real time.
     */
    public ActorSystemOptions withClock(SchedulerClock c) {
        return new ActorSystemOptions(errorHandler, tracer, mdc, batchLimit, inboxDrainLimit, idleStrategy, virtualThreads, c);
    }

    /** Thread-per-actor mode: virtual threads (default) or platform threads. */
    public ActorSystemOptions withVirtualThreads(boolean virtual) {
        return new ActorSystemOptions(errorHandler, tracer, mdc, batchLimit, inboxDrainLimit, idleStrategy, virtual, clock);
    }
}
