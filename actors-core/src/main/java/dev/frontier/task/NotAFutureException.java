package dev.frontier.task;

import dev.frontier.core.Generator;

/**
 * A task's generator yielded something that is not a {@link java.util.concurrent.Future} or a
 * {@link java.util.concurrent.CompletionStage}, so there is nothing to wait for. It is thrown in
 * at that yield (as asyncio throws "Task got bad yield"); if the body does not catch it, the
 * task fails with it. Python's {@code AttributeError: 'generator' object has no attribute
 * 'add_done_callback'}, which the seed's first {@code after(delay, gen)} attempt runs into.
 */
public final class NotAFutureException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotAFutureException(Object yielded) {
        super(message(yielded));
    }

    private static String message(Object yielded) {
        if (yielded == null) {
            return "task yielded null, not a future";
        }
        if (yielded instanceof Generator<?, ?, ?> g) {
            return "task yielded a generator, not a future: " + g
                    + "; to run a generator inside a task, delegate to it with yieldFrom(gen)";
        }
        return "task yielded a " + yielded.getClass().getName()
                + ", not a Future or CompletionStage: " + yielded;
    }
}
