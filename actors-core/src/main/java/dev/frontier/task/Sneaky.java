package dev.frontier.task;

/** Rethrows any throwable unchanged, checked or not: a future's failure is not wrapped. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
