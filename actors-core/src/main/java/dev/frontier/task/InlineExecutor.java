package dev.frontier.task;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each command at once on the calling thread, up to {@link #MAX_DEPTH} nested commands;
 * past that depth a command is deferred and run on the same thread as soon as the outermost
 * command returns. This is how a task that resumes inline (on whichever thread completes the
 * future it waits on) stays safe when completions chain: a task completing wakes a task waiting
 * on it, which completes and wakes the next, and so on. Netty's {@code DefaultPromise} bounds its
 * listener recursion the same way.
 *
 * <p>Commands therefore run on the submitting thread, in submission order among the deferred
 * ones, but not always before {@code execute} returns.
 */
public final class InlineExecutor implements Executor {

    /** How many commands may nest on one thread before further ones are deferred. */
    public static final int MAX_DEPTH = 16;

    /** The one instance; it holds no state of its own (each thread has its own depth and queue). */
    public static final InlineExecutor INSTANCE = new InlineExecutor();

    private static final Logger log = LoggerFactory.getLogger(InlineExecutor.class);
    private static final ThreadLocal<Trampoline> TRAMPOLINE = ThreadLocal.withInitial(Trampoline::new);

    private InlineExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        Trampoline t = TRAMPOLINE.get();
        if (t.depth >= MAX_DEPTH) {
            t.deferred.add(command);
            return;
        }
        t.depth++;
        try {
            command.run();
        } finally {
            t.depth--;
            if (t.depth == 0) {
                t.drain();
            }
        }
    }

    @Override
    public String toString() {
        return "InlineExecutor[maxDepth=" + MAX_DEPTH + "]";
    }

    /** One thread's nesting depth and deferred commands. Only that thread touches it. */
    private static final class Trampoline {
        int depth;
        final ArrayDeque<Runnable> deferred = new ArrayDeque<>();

        /** Runs the deferred commands at depth 1; the ones they defer in turn join the queue. */
        void drain() {
            Runnable next;
            while ((next = deferred.poll()) != null) {
                depth++;
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // its submitter has long returned: there is no one else to tell
                    log.warn("deferred command {} failed", next, e);
                } finally {
                    depth--;
                }
            }
        }
    }
}
