package dev.frontier.core;

/** Rethrows any throwable unchanged, checked or not: a generator body's exception is not wrapped. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
