package dev.frontier.actor;

/**
 * A blocking wait ({@code get()}, {@code join()}) on a future that only the calling thread could
 * complete: an {@code ask} made on the deque scheduler's own thread, whose request and reply that
 * thread must deliver. It would wait forever (and the ask's own timeout, a timer on the same thread,
 * would never fire), so it fails at once instead, saying what to do: {@code ctx.await(future)} in
 * an actor, {@code start()} the scheduler before a blocking ask from outside.
 */
public class BlockingWaitException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param message what blocked, on which thread, and what to do instead
     */
    public BlockingWaitException(String message) {
        super(message);
    }
}
