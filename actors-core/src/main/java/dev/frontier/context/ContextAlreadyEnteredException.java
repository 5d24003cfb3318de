package dev.frontier.context;

/**
 * A single-use context manager was entered a second time (also from inside its own body). A
 * {@link GeneratorContextManager} wraps one generator, which can run to its yield only once:
 * make a new manager for each {@code with}, as Python's {@code @contextmanager} makes a new one per
 * call.
 */
public final class ContextAlreadyEnteredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ContextAlreadyEnteredException() {
        super("context manager already entered; a generator context manager is single-use");
    }
}
