package dev.frontier.scheduler;

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
 * <p><b>Note:</b> this class is not threadsafe; use it from one thread.
 */
public final class DirectActorSystem extends AbstractActorSystem {

    private ActorCell<?> current;

    private DirectActorSystem(ActorSystemOptions options) {
        super(options);
    }

    public static DirectActorSystem create() {
        return new DirectActorSystem(ActorSystemOptions.defaults());
    }

    public static DirectActorSystem create(ActorSystemOptions options) {
        return new DirectActorSystem(options);
    }

    @Override
    void post(ActorCell<?> target, ActorCell<?> sender, Object message) {
        if (target.isExecuting()) {
            // the seed's ValueError, raised in the sender: the target is further down this stack
            throw new GeneratorAlreadyExecutingException();
        }
        ActorCell<?> outer = current;
        current = target;
        Throwable failure;
        try {
            failure = deliver(target, sender, message);
        } finally {
            current = outer;
            mdcLeave(outer);
        }
        if (failure != null) {
            throw Rethrow.<RuntimeException>unchecked(failure);
        }
    }

    @Override
    void launch(ActorCell<?> cell) {
        ActorCell<?> outer = current;
        current = cell;
        try {
            start(cell);
        } finally {
            current = outer;
            mdcLeave(outer);
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

    /** Direct mode has no thread of its own to fire timers on. */
    @Override
    Cancellable schedule(Duration delay, Runnable action) {
        throw new UnsupportedOperationException(
                "DirectActorSystem has no timers (sleep, receive with a timeout, sendAfter, ask); use DequeScheduler");
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
            mdcLeave(outer);
        }
    }

    @Override
    public void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        for (ActorCell<?> cell : registry.values()) {
            closeActor(cell);
        }
    }
}
