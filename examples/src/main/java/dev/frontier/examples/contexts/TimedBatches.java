package dev.frontier.examples.contexts;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.context.Contexts;
import dev.frontier.context.Scope;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * An actor that handles its messages in batches and times each batch with
 * {@link Contexts#timethis}: the timer is entered at the first message of a batch and exited
 * after the last one is handled, across the receives in between, and logs
 * {@code "NAME batch K: 750.000 ms"} at INFO on {@code dev.frontier.context.Contexts}.
 * The log line is written inside the actor but by {@code Contexts}' own logger, not
 * {@code ctx.log()}: run it with {@code MdcMode.EVERY_MESSAGE} for the MDC to name the actor there.
 *
 * <pre>{@code
 * M first = ctx.receive();
 * try (Scope<Void> timer = Contexts.timethis(ctx.name() + " batch " + batch, nanoClock).enter()) {
 *     handler.handle(ctx, first);
 *     for (int i = 1; i < size; i++) handler.handle(ctx, ctx.receive());
 * }
 * }</pre>
 *
 * A batch cut short (the actor is stopped, or the handler throws) is still timed and logged: the
 * timer's {@code finally} runs as the try-with-resources statement unwinds.
 *
 * <p>The time includes the waits between messages: it is how long the batch took to arrive and be
 * handled. Give it the clock the actor system runs on ({@code ManualClock::nanoTime} in tests).
 */
public final class TimedBatches {

    private TimedBatches() {
    }

    /** Handles one message; may send, but must not receive. */
    @FunctionalInterface
    public interface Handler<M> {
        void handle(ActorContext<M> ctx, M message) throws Exception;
    }

    /**
     * An actor that passes each message to {@code handler}, {@code size} messages to a timed batch,
     * reading the time from {@code nanoClock} (nanoseconds).
     */
    @SuppressWarnings("try") // the timer scope is only closed: closing it logs the batch time
    public static <M> GeneratorActor<M> actor(int size, LongSupplier nanoClock, Handler<M> handler) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch has at least one message: " + size);
        }
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(handler, "handler");
        return ctx -> {
            for (long batch = 1; ; batch++) {
                M first = ctx.receive();
                try (Scope<Void> timer = Contexts.timethis(ctx.name() + " batch " + batch, nanoClock).enter()) {
                    handler.handle(ctx, first);
                    for (int i = 1; i < size; i++) {
                        handler.handle(ctx, ctx.receive());
                    }
                }
            }
        };
    }
}
