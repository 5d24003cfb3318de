package dev.frontier.scheduler;

/** Rethrows any throwable unchanged, checked or not. */
final class Rethrow {
    private Rethrow() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T unchecked(Throwable t) throws T {
        throw (T) t;
    }
}
