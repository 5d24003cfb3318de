package dev.frontier.task;

/**
 * A task waited on its own result, which can never arrive while it waits. Thrown in at the wait.
 * asyncio's {@code RuntimeError: Task cannot await on itself}.
 */
public final class TaskAwaitsItselfException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TaskAwaitsItselfException(Task<?> task) {
        super("task cannot await itself: " + task);
    }
}
