package dev.frontier.context;

/**
 * Python's context-manager protocol: {@link #onEnter()} is {@code __enter__}, {@link #onExit}
 * is {@code __exit__}. Most code does not call these two hooks itself; it uses one of the three
 * drivers:
 * <ul>
 *   <li>{@link Contexts#with(ContextManager, ContextBody)}: Python's {@code with} statement, full
 *       semantics: the manager sees the body's exception and may suppress it.</li>
 *   <li>{@link #enter()} in a try-with-resources statement: the value plus a normal exit. Java's
 *       {@code close()} cannot see the body's exception, so this form <b>cannot suppress</b>
 *       and, on a failing body, the manager sees a normal exit (see {@link Scope}).</li>
 *   <li>{@link ExitStack#enterContext(ContextManager)}: many managers, unwound in reverse order.</li>
 * </ul>
 *
 * <p>Managers made from generators are {@link GeneratorContextManager}s; a class can also
 * implement this interface directly, as a Python class defines {@code __enter__}/{@code __exit__}.
 *
 * <p><b>Note:</b> a context manager is not threadsafe; enter and exit it on one thread.
 *
 * @param <T> the type of the value the body receives (Python's {@code as} target)
 */
public interface ContextManager<T> {

    /**
     * Sets up and returns the value the body receives. Python's {@code __enter__}.
     *
     * @return the value the body receives
     * @throws Exception setting up failed; the body does not run
     */
    T onEnter() throws Exception;

    /**
     * Tears down. {@code failure} is the exception the body raised, or {@code null} if the body
     * completed. Returns {@code true} to suppress {@code failure} (ignored when it is
     * {@code null}); throws if tearing down itself failed. Python's {@code __exit__}.
     *
     * @param failure the body's exception, or {@code null}
     * @return whether to suppress {@code failure}
     * @throws Exception tearing down failed
     */
    boolean onExit(Throwable failure) throws Exception;

    /**
     * Enters this manager for a try-with-resources statement:
     * {@code try (var scope = cm.enter()) { use(scope.value()); }}. Closing the scope exits with
     * no exception, whatever the body did; this form cannot suppress. Use
     * {@link Contexts#with(ContextManager, ContextBody)} when the manager must see the body's
     * exception. Exceptions from {@link #onEnter()} are rethrown unchanged, checked ones too.
     *
     * @return the entered scope, holding the value
     */
    default Scope<T> enter() {
        T value;
        try {
            value = onEnter();
        } catch (Exception e) {
            throw Failures.rethrow(e);
        }
        return new Scope<>(this, value);
    }
}
