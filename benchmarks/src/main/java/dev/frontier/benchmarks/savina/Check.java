package dev.frontier.benchmarks.savina;

/** Result checks: a wrong result throws {@link Failed}, which aborts the whole run. */
public final class Check {

    /** A benchmark computed a wrong result (or did not finish). */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }

        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Check() {
    }

    public static void equal(long expected, long actual, String what) {
        if (expected != actual) {
            throw new Failed(what + ": expected " + expected + ", got " + actual);
        }
    }

    public static void that(boolean condition, String what) {
        if (!condition) {
            throw new Failed(what);
        }
    }

    /** For an actor that got a message its protocol does not have. */
    public static IllegalStateException unexpected(Object message) {
        return new IllegalStateException("unexpected message: " + message);
    }
}
