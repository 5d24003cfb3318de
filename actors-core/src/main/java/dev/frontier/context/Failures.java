package dev.frontier.context;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/** Exception plumbing shared by the drivers: rethrowing unchanged and Python-style chaining. */
final class Failures {
    private Failures() {
    }

    /** Rethrows {@code t} unchanged, checked or not. Written {@code throw Failures.rethrow(t)}. */
    static RuntimeException rethrow(Throwable t) {
        throw Failures.<RuntimeException>sneaky(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * Python's implicit chaining ({@code __context__}): an exception raised while {@code original}
     * was being handled carries it. In Java the original is added as suppressed, unless it is
     * already reachable from {@code raised} (the manager wrapped it as the cause, Python's
     * {@code raise X from e}, or it was attached before).
     */
    static void attach(Throwable raised, Throwable original) {
        if (original == null || raised == original || reaches(raised, original)) {
            return;
        }
        raised.addSuppressed(original);
    }

    /**
     * Whether {@code manager} already chained what its exit raised, so the caller must not attach
     * the exception it handed in. Only {@link ExitStack} does: it follows Python's
     * {@code ExitStack}, which leaves a failure raised <em>after</em> the body's exception was
     * suppressed unchained, exactly as nested {@code with} blocks would.
     */
    static boolean chainsItsOwnFailures(Object manager) {
        return manager instanceof ExitStack;
    }

    private static boolean reaches(Throwable from, Throwable target) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (t == target) {
                return true;
            }
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return false;
    }
}
