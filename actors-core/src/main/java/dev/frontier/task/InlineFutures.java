package dev.frontier.task;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The seed's task runners, by their Python names, for bodies written either way: a
 * {@link TaskBody} ({@code r = a.await(f)}) or a generator yielding futures
 * ({@code r = y.yield(f)}).
 *
 * <ul>
 *   <li>{@code startInlineFuture}: start a task that resumes inline; returns the task.</li>
 *   <li>{@code runInlineFuture}: start one and block the caller until it finishes; returns its
 *       result or throws the body's exception, unwrapped (Python's {@code t.result()}).</li>
 *   <li>{@code runInlineThread}: no task and no callbacks: step the body entirely on the calling
 *       thread, blocking in {@code get()} at each wait.</li>
 * </ul>
 */
public final class InlineFutures {

    private InlineFutures() {
    }

    /**
     * Python's {@code start_inline_future(gen)}: {@link Task#startInline(TaskBody)}.
     *
     * @param body the task's code
     * @param <R> the task's result type
     * @return the started task
     */
    public static <R> Task<R> startInlineFuture(TaskBody<R> body) {
        return Task.startInline(body);
    }

    /**
     * Python's {@code start_inline_future(gen)}: {@link Task#startInline(Generator)}.
     *
     * @param generator a generator yielding the futures it waits on, not yet started
     * @param <R> the task's result type
     * @return the started task
     */
    public static <R> Task<R> startInlineFuture(Generator<?, ?, R> generator) {
        return Task.startInline(generator);
    }

    /**
     * Python's {@code run_inline_future(gen)}: starts an inline task and blocks until it is done.
     *
     * @param body the task's code
     * @param <R> the task's result type
     * @return the body's return value
     * @throws Exception what the body threw, unwrapped; {@link java.util.concurrent.CancellationException}
     *         if the task was cancelled; {@link InterruptedException} if the caller was
     *         interrupted while blocked (the task goes on)
     */
    public static <R> R runInlineFuture(TaskBody<R> body) throws Exception {
        return resultOf(Task.startInline(body));
    }

    /**
     * {@link #runInlineFuture(TaskBody)} for a generator yielding futures.
     *
     * @param generator a generator yielding the futures it waits on, not yet started
     * @param <R> the task's result type
     * @return the generator's return value
     * @throws Exception as for {@link #runInlineFuture(TaskBody)}
     */
    public static <R> R runInlineFuture(Generator<?, ?, R> generator) throws Exception {
        return resultOf(Task.startInline(generator));
    }

    /**
     * Python's {@code run_inline_thread(gen)}: runs the body to completion on the calling thread,
     * blocking at each wait; nothing is posted anywhere and no callback is registered.
     *
     * @param body the task's code
     * @param <R> the task's result type
     * @return the body's return value
     * @throws Exception what the body threw; {@link InterruptedException} if the caller was
     *         interrupted while blocked (the body is closed first, so its finally blocks run)
     */
    public static <R> R runInlineThread(TaskBody<R> body) throws Exception {
        return runInlineThread(BodyAwaiter.generator(body));
    }

    /**
     * {@link #runInlineThread(TaskBody)} for a generator yielding futures.
     *
     * @param generator a generator yielding the futures it waits on, not yet started
     * @param <R> the task's result type
     * @return the generator's return value
     * @throws Exception as for {@link #runInlineThread(TaskBody)}
     */
    public static <R> R runInlineThread(Generator<?, ?, R> generator) throws Exception {
        Generator<Object, Object, R> body = Task.fresh(generator);
        Object value = null;
        Throwable thrown = null;
        for (;;) {
            Object waitable;
            try {
                waitable = thrown != null ? body.throwIn(thrown) : body.send(value);
            } catch (StopIteration returned) {
                return returned.value();
            }
            value = null;
            thrown = null;
            if (!Waitables.isWaitable(waitable)) {
                thrown = new NotAFutureException(waitable);
                continue;
            }
            try {
                value = Waitables.block(waitable);
            } catch (InterruptedException interrupted) {
                try {
                    body.close();
                } catch (RuntimeException | Error closing) {
                    interrupted.addSuppressed(closing);
                }
                throw interrupted;
            } catch (Throwable failed) {
                thrown = failed;
            }
        }
    }

    /**
     * A generator that waits on {@code future} and returns its value: the seed's
     * {@code patch_future}, which makes a future something {@code yield from} can delegate to.
     * Inside a task's generator, {@code T r = y.yieldFrom(awaiting(f))} is {@code y.yield(f)}
     * typed; a done future is read without yielding.
     *
     * @param future the future to wait on
     * @param <T> its value's type
     * @return a new generator yielding {@code future} (unless it is done) and returning its value
     */
    @SuppressWarnings("unchecked")
    public static <T> Generator<Object, Object, T> awaiting(Future<T> future) {
        Objects.requireNonNull(future, "future");
        return Generator.of(y -> future.isDone() ? (T) Waitables.resultNow(future) : (T) y.yield(future));
    }

    private static <R> R resultOf(Task<R> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw Sneaky.<Exception>rethrow(e.getCause());
        }
    }
}
