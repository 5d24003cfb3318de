package dev.frontier.core;

/**
 * A yield could not suspend the generator because its stack is pinned: a native frame (for
 * example a callback from JNI) or a critical section lies between the yield and the generator's
 * body. The exception is thrown at the yield, inside the body.
 */
public final class GeneratorPinnedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    GeneratorPinnedException(String reason) {
        super("cannot yield: the generator's stack is pinned (" + reason + ")");
    }
}
