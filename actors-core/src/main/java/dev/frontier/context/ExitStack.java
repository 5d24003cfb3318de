package dev.frontier.context;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * A stack of exits unwound in reverse order: Python's {@code contextlib.ExitStack}. Use it when the
 * number of managers or resources is known only at run time.
 *
 * <pre>{@code
 * Contexts.withVoid(new ExitStack(), stack -> {
 *     for (Path p : paths) readers.add(stack.closing(Files.newBufferedReader(p)));
 *     merge(readers);
 * });   // every reader closed, last opened first
 * }</pre>
 *
 * <h2>Unwinding: Python's semantics</h2>
 * On exit every registered exit runs, last registered first, <em>even when earlier ones fail</em>,
 * and each sees the <em>current</em> exception: at first the body's, or none.
 * <ul>
 *   <li>An exit that suppresses the current exception (a manager returning {@code true} from
 *       {@code onExit}) clears it; later exits see none.</li>
 *   <li>An exit that throws a different exception makes it the current one; the exception it
 *       replaced is added to it as suppressed (Python's {@code __context__}). So no failure is
 *       lost: the one finally thrown reaches every earlier one through its suppressed list, and
 *       an outer manager can suppress a failure raised by an inner one's exit.</li>
 * </ul>
 * A failure raised <em>after</em> the body's exception was suppressed does not carry it (Python
 * takes care of this case too). This is exactly what nesting the same managers in
 * {@link Contexts#with} blocks does; Java's
 * try-with-resources differs: there the <em>first</em> failure is thrown and later ones are added
 * to it as suppressed.
 *
 * <p>Used in try-with-resources, {@link #close()} unwinds with no exception: as for any
 * {@link Scope}, the managers cannot see or suppress the body's exception. Use
 * {@link Contexts#with} for full semantics. A stack can be reused after it has been unwound.
 *
 * <p><b>Note:</b> this class is not threadsafe.
 */
public final class ExitStack implements ContextManager<ExitStack>, AutoCloseable {

    /** An exit that sees the current exception and may suppress it: Python's {@code push(exit)}. */
    @FunctionalInterface
    public interface Exit {
        /**
         * Tears down.
         *
         * @param failure the current exception, or {@code null}
         * @return {@code true} to suppress {@code failure}
         * @throws Exception tearing down failed
         */
        boolean onExit(Throwable failure) throws Exception;
    }

    private final Deque<Exit> exits = new ArrayDeque<>();

    /** An empty stack. */
    public ExitStack() {
    }

    /**
     * Enters {@code manager} now and registers its exit. Returns the entered value. If entering
     * throws, nothing is registered. Python's {@code enter_context}.
     *
     * @param manager the manager to enter
     * @param <T> the type of its value
     * @return the entered value
     */
    public <T> T enterContext(ContextManager<T> manager) {
        Objects.requireNonNull(manager, "manager");
        T value;
        try {
            value = manager.onEnter();
        } catch (Exception e) {
            throw Failures.rethrow(e);
        }
        exits.push(manager instanceof ExitStack nested ? new NestedStack(nested) : manager::onExit);
        return value;
    }

    /** The exit of a stack entered into this one: it chains its own failures. */
    private record NestedStack(ExitStack stack) implements Exit {
        @Override
        public boolean onExit(Throwable failure) {
            return stack.onExit(failure);
        }
    }

    /**
     * Registers {@code resource} to be closed, and returns it. Never suppresses.
     *
     * @param resource what to close when the stack unwinds
     * @param <C> its type
     * @return {@code resource}
     */
    public <C extends AutoCloseable> C closing(C resource) {
        callback(Objects.requireNonNull(resource, "resource"));
        return resource;
    }

    /**
     * Registers a clean-up action, such as {@code () -> Files.delete(p)}. Never suppresses.
     * Python's {@code callback}.
     *
     * @param action what to run when the stack unwinds
     */
    public void callback(AutoCloseable action) {
        Objects.requireNonNull(action, "action");
        exits.push(failure -> {
            action.close();
            return false;
        });
    }

    /**
     * Registers an exit that sees the current exception and may suppress it. Python's {@code push}.
     *
     * @param exit the exit to run when the stack unwinds
     */
    public void push(Exit exit) {
        exits.push(Objects.requireNonNull(exit, "exit"));
    }

    /**
     * Moves every registered exit to a new stack and returns it; this one is left empty. Used to
     * keep resources open past a block that succeeded. Python's {@code pop_all}.
     *
     * @return a new stack holding this one's exits
     */
    public ExitStack popAll() {
        ExitStack moved = new ExitStack();
        moved.exits.addAll(exits);
        exits.clear();
        return moved;
    }

    /**
     * The number of registered exits not yet run.
     *
     * @return how many exits are registered
     */
    public int size() {
        return exits.size();
    }

    /**
     * Returns this stack: {@code with(new ExitStack(), stack -> ...)}.
     *
     * @return this stack
     */
    @Override
    public ExitStack onEnter() {
        return this;
    }

    /**
     * Runs every registered exit, last first, as described in the class comment.
     *
     * @return {@code true} when {@code failure} was suppressed and no exit raised another
     */
    @Override
    public boolean onExit(Throwable failure) {
        Throwable current = failure;
        boolean raisedNew = false;
        while (!exits.isEmpty()) {
            Exit exit = exits.pop();
            try {
                if (exit.onExit(current)) {
                    current = null;
                    raisedNew = false;
                }
            } catch (Throwable raised) {
                if (!(exit instanceof NestedStack)) {
                    Failures.attach(raised, current);
                }
                raisedNew = raised != failure;
                current = raised;
            }
        }
        if (raisedNew) {
            throw Failures.rethrow(current);
        }
        return failure != null && current == null;
    }

    /**
     * Unwinds with no exception, for try-with-resources. The exception left at the end of the
     * unwinding is thrown unchanged.
     */
    @Override
    public void close() {
        onExit(null);
    }
}
