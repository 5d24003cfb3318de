package dev.frontier.actor;

/**
 * A supervisor gave up: one of its children needed more restarts than its limit allows. The
 * supervisor has stopped all its children and fails with this, so its own supervisor sees it
 * (Erlang: the supervisor terminates with reason {@code shutdown}). The child's failure is the cause.
 */
public final class RestartIntensityExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name of the supervisor that gave up. */
    private final String supervisor;
    /** The name of the child that needed one restart too many. */
    private final String child;

    /**
     * Makes the exception, with the child's failure as its cause.
     *
     * @param supervisor the name of the supervisor that gave up
     * @param child the name of the child that needed one restart too many
     * @param limit the limit it passed, in words (its intensity, or its backoff's restarts in a row)
     * @param childFailure what ended the child, or null if its body returned
     */
    public RestartIntensityExceededException(String supervisor, String child, String limit, Throwable childFailure) {
        super("supervisor '" + supervisor + "' gave up: child '" + child + "' needed a restart beyond " + limit
                + (childFailure == null ? " (its body returned)" : "; last failure: " + describe(childFailure)), childFailure);
        this.supervisor = supervisor;
        this.child = child;
    }

    /** A nested supervisor's giving up is named, not repeated: the cause chain has the rest. */
    private static String describe(Throwable failure) {
        return failure instanceof RestartIntensityExceededException r
                ? "supervisor '" + r.supervisor + "' gave up (child '" + r.child + "')" : failure.toString();
    }

    /** {@return the name of the supervisor that gave up} */
    public String supervisor() {
        return supervisor;
    }

    /** {@return the name of the child that needed one restart too many} */
    public String child() {
        return child;
    }
}
