/**
 * Tasks: futures computed by sequential code that waits on other futures. Part 3 to 5 of the
 * seed ("inlined futures"), on Frontier's real generators.
 *
 * <h2>The idea</h2>
 * A callback-style computation is "submit, then handle the result in a callback". Written as a
 * generator it becomes one function: the body yields the future it needs, and whoever drives the
 * generator registers the callback, and when it fires sends the result back in at the yield (or
 * throws the failure in, so {@code try/catch} works). That driver is a {@link
 * dev.frontier.task.Task}; making the task itself a future (the seed's {@code class
 * Task(Future)}) gives it a result, lets callers join it, and lets other tasks wait on it.
 *
 * <h2>Python correspondence</h2>
 * <table>
 *   <caption>Inlined futures</caption>
 *   <tr><th>Python (seed)</th><th>Frontier</th></tr>
 *   <tr><td>{@code @inlined_future def f(): r = yield fut}</td>
 *       <td>{@code TaskBody<R>}: {@code a -> { T r = a.await(fut); ... }}, or a
 *           {@code Generator} whose body does {@code Object r = y.yield(fut)}</td></tr>
 *   <tr><td>{@code t = Task(gen); t.step()}</td>
 *       <td>{@link dev.frontier.task.Task#start Task.start(executor, body)}; or
 *           {@link dev.frontier.task.Task#startInline Task.startInline(body)}</td></tr>
 *   <tr><td>{@code t.result()}</td><td>{@code t.get()} / {@code t.join()}; or
 *           {@link dev.frontier.task.InlineFutures#runInlineFuture runInlineFuture}</td></tr>
 *   <tr><td>{@code start_inline_future}, {@code run_inline_future}, {@code run_inline_thread}</td>
 *       <td>{@link dev.frontier.task.InlineFutures}, same names in camel case</td></tr>
 *   <tr><td>{@code yield from gen} inside a task</td><td>{@code y.yieldFrom(gen)}</td></tr>
 *   <tr><td>{@code patch_future} (futures iterable for {@code yield from})</td>
 *       <td>{@link dev.frontier.task.InlineFutures#awaiting InlineFutures.awaiting(future)}</td></tr>
 *   <tr><td>{@code AttributeError: 'generator' object has no attribute 'add_done_callback'}</td>
 *       <td>{@link dev.frontier.task.NotAFutureException}, thrown in at the yield</td></tr>
 *   <tr><td>asyncio {@code task.cancel()}</td><td>{@code task.cancel(true)}: the body is closed
 *       ({@code GeneratorExit}) at its wait, so its {@code finally} blocks run</td></tr>
 * </table>
 *
 * <h2>Where a task resumes</h2>
 * The seed's "Important Lesson": in Python, a task's code after its first yield runs on
 * whichever thread completed the future, the pool's result thread, "and that could be a little
 * weird". In Frontier the thread is a decision the caller makes once, when starting the task:
 * <ul>
 *   <li>{@code Task.start(executor, body)}: every step runs on {@code executor}. A waited future's
 *       completion only posts the next step there. An actor's task is started with its
 *       scheduler's executor, so its body never runs concurrently with the actor, even though
 *       the futures it waits on complete on pool threads.</li>
 *   <li>{@code Task.startInline(body)}: the explicit opt-in to the seed's behaviour. The first
 *       step runs on the caller; every later step on the thread that completed the future
 *       (a pool worker, {@code ForkJoinPool.commonPool-worker-1},
 *       {@code frontier-future-waiter-0} for a plain {@code Future}, ...).</li>
 * </ul>
 *
 * <h2>Bounded recursion</h2>
 * Inline resumption recurses: the completing thread runs the step, whose completion of its own
 * task runs the next waiting task's step, and a body that starts a new inline task per tick (the
 * seed's {@code recursive(n)}) nests one more step each tick. {@link
 * dev.frontier.task.InlineExecutor} runs at most {@value dev.frontier.task.InlineExecutor#MAX_DEPTH}
 * nested steps per thread and defers the rest until the outermost one returns, as Netty's
 * {@code DefaultPromise} does with listeners. An executor that queues (any thread pool, the
 * actor scheduler) never nests at all.
 *
 * <h2>Waiting on a plain Future</h2>
 * A {@link java.util.concurrent.CompletionStage} calls back. A plain {@link
 * java.util.concurrent.Future} (what {@code ExecutorService.submit} returns) cannot, so a waiting
 * task hands it to a virtual thread that blocks in {@code get()} and calls back from there:
 * cheap, exact, and no polling; the cost is one parked virtual thread per pending wait, which
 * stays until the future completes even if the task is cancelled. Prefer
 * {@code CompletableFuture.supplyAsync(work, pool)} where there is a choice.
 *
 * <h2>Cancellation</h2>
 * Closing a generator must happen where nothing else is resuming it. A task is resumed only by
 * its own step, and a step starts only through the WAITING-to-WAKING compare-and-set in {@link
 * dev.frontier.task.Task}; cancelling takes the same path, so the close is one more step on the
 * task's executor, never a second thread racing a resumption in flight. A body that is running
 * when cancelled is closed at its next wait, by the step that is running it.
 */
package dev.frontier.task;
