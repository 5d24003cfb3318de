package dev.frontier.core;

/**
 * A {@link Yielder} was used outside the running body of the generator it belongs to: after the
 * generator finished, from another thread, from a lambda kept for later, or from inside a
 * different generator's body. In Python this is a syntax error; in Java it is caught at run time.
 */
public final class YieldOutsideGeneratorException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** {@code owner}: the generator as its {@code toString()} names it. */
    YieldOutsideGeneratorException(String owner) {
        super("yield called outside the running body of " + owner);
    }
}
