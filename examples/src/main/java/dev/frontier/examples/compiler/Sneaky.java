package dev.frontier.examples.compiler;

/** Rethrows any throwable unchanged, checked or not. Written {@code throw Sneaky.rethrow(t)}. */
final class Sneaky {
    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        throw Sneaky.<RuntimeException>sneaky(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
