package dev.frontier.task;

/**
 * The code a {@link Task} runs: ordinary sequential Java that waits on futures with
 * {@link Awaiter#await}. Python's {@code @inlined_future} generator function, with
 * {@code result = yield fut} written {@code result = a.await(fut)}.
 *
 * <pre>{@code
 * Task<Integer> t = Task.start(loop, a -> {
 *     int r = a.await(pool.submit(() -> func(2, 3)));
 *     return r * 10;
 * });
 * }</pre>
 *
 * <p>Whatever the body returns completes the task; whatever it throws (checked exceptions too,
 * unwrapped) completes the task exceptionally.
 *
 * @param <R> the task's result type
 */
@FunctionalInterface
public interface TaskBody<R> {

    /**
     * Runs the task's code.
     *
     * @param a the task's awaiter, to wait on futures with
     * @return the task's result
     * @throws Exception anything; the task completes exceptionally with it
     */
    R run(Awaiter a) throws Exception;
}
