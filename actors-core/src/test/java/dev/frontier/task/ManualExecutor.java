package dev.frontier.task;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * An executor the test drives by hand: {@code execute} only queues; {@link #runUntilIdle()} runs
 * the queue on the calling thread. Deterministic, no threads; also a trampoline, since a command
 * that executes another only queues it.
 *
 * <p><b>Note:</b> this class is not threadsafe; use it from the test thread only.
 */
final class ManualExecutor implements Executor {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private long executed;

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued commands, including those they queue, until none is left; returns how many ran. */
    long runUntilIdle() {
        long ran = 0;
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
            ran++;
        }
        executed += ran;
        return ran;
    }

    int pending() {
        return queue.size();
    }

    long executed() {
        return executed;
    }
}
