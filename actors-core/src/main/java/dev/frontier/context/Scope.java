package dev.frontier.context;

/**
 * An entered context for a try-with-resources statement, from {@link ContextManager#enter()}.
 *
 * <pre>{@code
 * try (Scope<Path> dir = Contexts.tempdir().enter()) {
 *     Files.writeString(dir.value().resolve("a.txt"), "hello");
 * }   // the directory is gone here
 * }</pre>
 *
 * <h2>What this form cannot do</h2>
 * Java calls {@link #close()} without telling it whether, or with what, the body failed. So:
 * <ul>
 *   <li>the manager always sees a <em>normal</em> exit ({@code onExit(null)}): a generator
 *       manager is resumed at its yield, not thrown into; its {@code finally} blocks run, its
 *       {@code catch} blocks for the body's exception do not;</li>
 *   <li>it <b>cannot suppress</b>: the body's exception always propagates;</li>
 *   <li>if the body failed and {@code close()} fails too, Java adds the close failure to the body's
 *       exception as suppressed (the reverse of {@code with}, where the exit's exception wins).</li>
 * </ul>
 * For any of these, use {@link Contexts#with(ContextManager, ContextBody)}.
 *
 * <p><b>Note:</b> this class is not threadsafe.
 *
 * @param <T> the type of the entered value
 */
public final class Scope<T> implements AutoCloseable {

    private final ContextManager<?> manager;
    private final T value;
    private boolean closed;

    Scope(ContextManager<?> manager, T value) {
        this.manager = manager;
        this.value = value;
    }

    /**
     * The value the manager's {@code onEnter()} returned: Python's {@code as} target.
     *
     * @return the entered value
     */
    public T value() {
        return value;
    }

    /**
     * Exits the manager with no exception. Its failures are rethrown unchanged, checked ones
     * too. Closing again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            manager.onExit(null);
        } catch (Exception e) {
            throw Failures.rethrow(e);
        }
    }
}
