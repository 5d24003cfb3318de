package dev.frontier.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * The handle a {@link TaskBody} waits with: Python's {@code result = yield fut} as a method.
 *
 * <p>{@code await} returns the future's value, or throws the exception the future failed with
 * (the original cause, unwrapped from {@link java.util.concurrent.ExecutionException} and
 * {@link java.util.concurrent.CompletionException}; a cancelled future throws its
 * {@link java.util.concurrent.CancellationException}), so {@code try/catch} around a wait works
 * as it does around a call. The methods declare {@code throws Exception} because a future can fail
 * with any exception, checked ones included, and Java only lets a {@code catch (IOException e)}
 * stand around a call that may throw it; a {@link TaskBody} may throw {@code Exception} anyway.
 * A future that is already done is read at once, without suspending.
 * Otherwise the task suspends and the rest of the body runs later, on the task's executor: see
 * {@link Task} for which thread that is.
 *
 * <p>Must only be called from the running body of the task it was given to; any other use
 * throws {@link AwaitOutsideTaskException}.
 */
public interface Awaiter {

    /**
     * Waits for {@code future}: any {@link CompletableFuture}, including another {@link Task}.
     *
     * @param future what to wait for
     * @param <T> its value's type
     * @return its value
     * @throws Exception what it failed with, unwrapped
     */
    <T> T await(CompletableFuture<T> future) throws Exception;

    /**
     * Waits for {@code stage}: any {@link CompletionStage}.
     *
     * @param stage what to wait for
     * @param <T> its value's type
     * @return its value
     * @throws Exception what it failed with, unwrapped
     */
    <T> T await(CompletionStage<T> stage) throws Exception;

    /**
     * Waits for a plain {@link Future} that is not a {@link CompletionStage}, such as the one
     * {@link java.util.concurrent.ExecutorService#submit} returns. A plain future has no
     * callback, so while it is pending one virtual thread is blocked in its {@code get()} on the
     * task's behalf; prefer a {@link CompletionStage} where there is a choice.
     *
     * @param future what to wait for
     * @param <T> its value's type
     * @return its value
     * @throws Exception what it failed with, unwrapped
     */
    <T> T await(Future<T> future) throws Exception;
}
