package dev.frontier.task;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A future whose value is computed by a body that waits on other futures in the middle of
 * sequential code. The seed's {@code class Task(Future)}; asyncio's {@code Task}.
 *
 * <pre>{@code
 * Task<Integer> t = Task.start(loop, a -> {
 *     try {
 *         int r = a.await(pool.submit(() -> func(2, 3)));   // suspends; resumes on loop
 *         return r;
 *     } catch (IllegalArgumentException e) {                 // func failed on the pool
 *         return -1;
 *     }
 * });
 * t.join();
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>The body runs as a {@link Generator} that yields each future it waits on. The task sends
 *       the future's value back in, or throws its failure in at the wait (the original cause,
 *       unwrapped). A future that is already done is read without suspending.</li>
 *   <li>The task completes with the body's return value, or exceptionally with whatever the body
 *       throws, at its first step or any later one.</li>
 *   <li><b>Where it resumes:</b> every step of the body, the first included, runs on the
 *       {@code executor} the task was started with. When a waited future completes, its
 *       completing thread only posts the next step to that executor. {@link #startInline} opts
 *       out: the first step runs on the caller and each later step on the thread that completed
 *       the future, with nesting capped by {@link InlineExecutor}.</li>
 *   <li><b>Completed from outside:</b> {@link #cancel}, {@link #complete}, {@link #completeExceptionally}
 *       (and so {@link #orTimeout} and {@link #completeOnTimeout}) settle the task at once; the
 *       body is then {@linkplain Generator#close() closed} at its current or next wait, on the
 *       executor, so its {@code finally} blocks run. A body waiting only on futures that are
 *       already done is not interrupted: like Python, it can only be closed where it
 *       suspends. {@code cancel(true)} interrupts nothing.</li>
 *   <li>A task's result comes only from its body or from outside completion:
 *       {@link #obtrudeValue} and {@link #obtrudeException} are not supported.</li>
 *   <li>The executor must run each command once, and must publish what was written before
 *       {@code execute} to the command (every {@code java.util.concurrent} executor does). If it
 *       rejects a step (a {@link RejectedExecutionException}, or any exception thrown by
 *       {@code execute} before it ran the step), the task fails with that exception and its body
 *       is closed on the rejecting thread, since there is no other.</li>
 * </ul>
 *
 * <h2>Implementation overview</h2>
 * The central invariant: <em>at most one thread owns the body at a time</em>, and ownership
 * passes only through {@code phase}. A step owns it from SCHEDULED to WAITING or DONE. While
 * WAITING nobody owns it; two parties may then try to wake it: the waited future's callback
 * (with its outcome) and an outside completion of the task (with nothing, since the task is
 * done and the step will only close the body). The one whose compare-and-set from WAITING wins
 * writes the delivery fields, publishes them with the volatile write to SCHEDULED, and posts
 * the step; the other does nothing. A step re-checks {@link #isDone()} after entering WAITING,
 * so an outside completion that saw RUNNING is never missed.
 *
 * <p>{@code newIncompleteFuture} is deliberately not overridden: stages derived from a task
 * ({@code thenApply} and the rest) are plain {@code CompletableFuture}s, since a task without a
 * body would mean nothing.
 *
 * @param <R> the type of the body's result
 */
public final class Task<R> extends CompletableFuture<R> {

    private static final Logger log = LoggerFactory.getLogger(Task.class);

    /*
     * Phase transitions (each asserted where it happens):
     *
     *   SCHEDULED -> RUNNING    step() starts on the executor (or rejected() on the posting thread)
     *   RUNNING   -> WAITING    the body waits on a future that is not done
     *   RUNNING   -> DONE       the body returned, threw, or was closed because the task is done
     *   WAITING   -> WAKING     the waited future settled, or the task was completed from outside
     *   WAKING    -> SCHEDULED  the waker has stored the delivery and posts step()
     *   DONE      -> (none)
     */
    private static final int SCHEDULED = 0;
    private static final int RUNNING = 1;
    private static final int WAITING = 2;
    private static final int WAKING = 3;
    private static final int DONE = 4;
    private static final String[] PHASE_NAMES = {"scheduled", "running", "waiting", "waking", "done"};

    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(Task.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int phase = SCHEDULED;

    private final Generator<Object, Object, R> body;
    private final Executor executor;
    private final Runnable step = this::step;
    private final BiConsumer<Object, Throwable> onSettled = this::onSettled;

    /** What the next step delivers at the wait: written by the waker, read by the step. */
    private Object sendValue;
    private Throwable throwValue;

    private Task(Executor executor, Generator<Object, Object, R> body) {
        this.executor = executor;
        this.body = body;
    }

    /**
     * Starts a task running {@code body}. Every step of it, the first included, runs on
     * {@code executor}; completions of the futures it waits on post the next step there.
     *
     * @param executor where every step runs
     * @param body the task's code
     * @param <R> the task's result type
     * @return the started task
     */
    public static <R> Task<R> start(Executor executor, TaskBody<R> body) {
        return begin(executor, BodyAwaiter.generator(body));
    }

    /**
     * Starts a task driving a generator that yields the futures it waits on: the seed's
     * {@code Task(gen)} for Python-style bodies, {@code Object r = y.yield(future)}. Yielding
     * anything else throws {@link NotAFutureException} in at that yield.
     *
     * @param executor where every step runs
     * @param generator a generator yielding the futures it waits on, not yet started
     * @param <R> the task's result type
     * @return the started task
     * @throws IllegalArgumentException the generator has already started
     */
    public static <R> Task<R> start(Executor executor, Generator<?, ?, R> generator) {
        return begin(executor, fresh(generator));
    }

    /**
     * Starts a task that resumes inline: its first step runs now on the calling thread, and each
     * later step on whichever thread completes the future it waits on. The seed's
     * {@code start_inline_future}. Nesting is capped by {@link InlineExecutor}.
     *
     * @param body the task's code
     * @param <R> the task's result type
     * @return the started task
     */
    public static <R> Task<R> startInline(TaskBody<R> body) {
        return start(InlineExecutor.INSTANCE, body);
    }

    /**
     * {@link #startInline(TaskBody)} for a generator that yields the futures it waits on.
     *
     * @param generator a generator yielding the futures it waits on, not yet started
     * @param <R> the task's result type
     * @return the started task
     */
    public static <R> Task<R> startInline(Generator<?, ?, R> generator) {
        return start(InlineExecutor.INSTANCE, generator);
    }

    /**
     * The executor this task's steps run on.
     *
     * @return the task's executor
     */
    public Executor executor() {
        return executor;
    }

    private static <R> Task<R> begin(Executor executor, Generator<Object, Object, R> body) {
        Task<R> task = new Task<>(Objects.requireNonNull(executor, "executor"), body);
        task.dispatch();
        return task;
    }

    @SuppressWarnings("unchecked")
    static <R> Generator<Object, Object, R> fresh(Generator<?, ?, R> generator) {
        Objects.requireNonNull(generator, "generator");
        if (generator.state() != Generator.State.CREATED) {
            throw new IllegalArgumentException("a task needs a generator that has not started: " + generator);
        }
        return (Generator<Object, Object, R>) generator;
    }

    // ---------------------------------------------------------------- completion from outside

    /** Cancels the task and closes its body at its current or next wait, on the executor. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        wakeToClose();
        return cancelled;
    }

    /** Completes the task with {@code value} if it is not done, and closes its body. */
    @Override
    public boolean complete(R value) {
        boolean completed = super.complete(value);
        wakeToClose();
        return completed;
    }

    /** Fails the task with {@code ex} if it is not done, and closes its body. */
    @Override
    public boolean completeExceptionally(Throwable ex) {
        boolean completed = super.completeExceptionally(ex);
        wakeToClose();
        return completed;
    }

    /**
     * Completes the task from {@code supplier} run on {@code executor}, as {@link #complete} and
     * {@link #completeExceptionally} would. (The inherited version bypasses them.)
     */
    @Override
    public CompletableFuture<R> completeAsync(Supplier<? extends R> supplier, Executor executor) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(executor, "executor");
        executor.execute(() -> {
            R value;
            try {
                value = supplier.get();
            } catch (Throwable t) {
                completeExceptionally(t);
                return;
            }
            complete(value);
        });
        return this;
    }

    /** Not supported: a task's result comes from its body. */
    @Override
    public void obtrudeValue(R value) {
        throw new UnsupportedOperationException("a task's result comes from its body; obtrudeValue is not supported");
    }

    /** Not supported: a task's result comes from its body. */
    @Override
    public void obtrudeException(Throwable ex) {
        throw new UnsupportedOperationException("a task's result comes from its body; obtrudeException is not supported");
    }

    @Override
    public String toString() {
        String status;
        if (!isDone()) {
            status = PHASE_NAMES[phase];
        } else if (isCancelled()) {
            status = "cancelled";
        } else if (isCompletedExceptionally()) {
            status = "failed";
        } else {
            status = "completed";
        }
        return "Task@" + Integer.toHexString(System.identityHashCode(this)) + "[" + status + "]";
    }

    // ---------------------------------------------------------------- the driver

    /** One step: delivers the outcome at the wait and runs the body to its next real wait. */
    private void step() {
        int p = phase; // volatile read: publishes the delivery fields
        assert p == SCHEDULED : PHASE_NAMES[p];
        phase = RUNNING;
        Object value = sendValue;
        Throwable thrown = throwValue;
        sendValue = null;
        throwValue = null;
        for (;;) {
            if (isDone()) {
                closeBody();
                return;
            }
            Object waitable;
            try {
                waitable = thrown != null ? body.throwIn(thrown) : body.send(value);
            } catch (StopIteration returned) {
                phase = DONE;
                super.complete(returned.value());
                return;
            } catch (Throwable failed) {
                phase = DONE;
                if (!super.completeExceptionally(failed)) {
                    log.warn("{}: its body failed after the task was completed from outside", this, failed);
                }
                return;
            }
            value = null;
            thrown = null;
            if (waitable == this) {
                thrown = new TaskAwaitsItselfException(this);
            } else if (!Waitables.isWaitable(waitable)) {
                thrown = new NotAFutureException(waitable);
            } else if (Waitables.isDone(waitable)) {
                try {
                    value = Waitables.resultNow((Future<?>) waitable);
                } catch (Throwable failed) {
                    thrown = failed;
                }
            } else {
                phase = WAITING;
                Waitables.whenSettled(waitable, onSettled);
                if (isDone()) {
                    wakeToClose();
                }
                return;
            }
        }
    }

    /** The waited future settled, on its completing thread. */
    private void onSettled(Object value, Throwable failure) {
        if (failure == null) {
            wake(value, null);
        } else {
            wake(null, Waitables.unwrap(failure));
        }
    }

    /** The task is done: have the body closed, if it is waiting (otherwise its step will). */
    private void wakeToClose() {
        if (isDone()) {
            wake(null, null);
        }
    }

    private void wake(Object value, Throwable thrown) {
        if (!PHASE.compareAndSet(this, WAITING, WAKING)) {
            return;
        }
        sendValue = value;
        throwValue = thrown;
        phase = SCHEDULED;
        dispatch();
    }

    private void dispatch() {
        try {
            executor.execute(step);
        } catch (RuntimeException rejected) { // RejectedExecutionException, or a broken executor
            rejected(rejected);
        }
    }

    private void rejected(RuntimeException rejected) {
        if (!PHASE.compareAndSet(this, SCHEDULED, RUNNING)) {
            log.warn("{}: executor {} threw after accepting the step", this, executor, rejected);
            return;
        }
        sendValue = null;
        throwValue = null;
        super.completeExceptionally(rejected);
        closeBody();
    }

    /** The task is done: closes the body so its finally blocks run. The caller owns the body. */
    private void closeBody() {
        try {
            body.close();
        } catch (Throwable t) {
            log.warn("{}: its body failed while being closed", this, t);
        } finally {
            phase = DONE;
        }
    }
}
