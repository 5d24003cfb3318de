package dev.frontier.task;

import dev.frontier.core.Generator;
import dev.frontier.core.YieldOutsideGeneratorException;
import dev.frontier.core.Yielder;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * Turns a {@link TaskBody} into the generator a task drives: {@code a.await(f)} is
 * {@code y.yield(f)}, except that a done future is read at once without suspending.
 *
 * <p><b>Note:</b> this class is not threadsafe; only the body's generator touches it, on whatever
 * thread is running it.
 */
final class BodyAwaiter implements Awaiter {

    private final Yielder<Object, Object> yielder;
    /** The thread running the body, or null while the body is suspended or finished. */
    private Thread runner;

    private BodyAwaiter(Yielder<Object, Object> yielder) {
        this.yielder = yielder;
    }

    /** The generator that runs {@code body}, yielding each future it waits on that is not done. */
    static <R> Generator<Object, Object, R> generator(TaskBody<R> body) {
        Objects.requireNonNull(body, "body");
        return Generator.of(y -> new BodyAwaiter(y).run(body));
    }

    private <R> R run(TaskBody<R> body) throws Exception {
        runner = Thread.currentThread();
        try {
            return body.run(this);
        } finally {
            runner = null;
        }
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        return awaitAny(Objects.requireNonNull(future, "future"));
    }

    @Override
    public <T> T await(CompletionStage<T> stage) {
        return awaitAny(Objects.requireNonNull(stage, "stage"));
    }

    @Override
    public <T> T await(Future<T> future) {
        return awaitAny(Objects.requireNonNull(future, "future"));
    }

    @SuppressWarnings("unchecked")
    private <T> T awaitAny(Object waitable) {
        if (runner != Thread.currentThread()) {
            throw new AwaitOutsideTaskException(null);
        }
        if (Waitables.isDone(waitable)) {
            return (T) Waitables.resultNow((Future<?>) waitable);
        }
        runner = null;
        try {
            return (T) yielder.yield(waitable);
        } catch (YieldOutsideGeneratorException nested) {
            throw new AwaitOutsideTaskException(nested);
        } finally {
            runner = Thread.currentThread();
        }
    }
}
