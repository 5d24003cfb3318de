package dev.frontier.context;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Python's {@code with} statement ({@link #with}, {@link #withVoid}) and a few context managers
 * written as generators, after the seed's {@code timethis} and {@code tempdir} and
 * {@code contextlib.suppress}.
 */
public final class Contexts {

    private static final Logger LOG = LoggerFactory.getLogger(Contexts.class);

    private Contexts() {
    }

    // ---------------------------------------------------------------- the with statement

    /**
     * Python's {@code with manager as value: body}, with full semantics. Enters {@code manager},
     * runs {@code body} with the entered value, and exits, handing the manager the body's
     * exception if there was one.
     * <ul>
     *   <li>The body completes: returns {@link Outcome.Completed} with its result.</li>
     *   <li>The body throws and the manager suppresses it: returns {@link Outcome.Suppressed}
     *       carrying the exception. Nothing is thrown.</li>
     *   <li>The body throws and the manager does not suppress it: that exception is rethrown
     *       unchanged (checked ones too, not wrapped).</li>
     *   <li>Exiting throws: that exception propagates; the body's exception, if any, is added to it
     *       as suppressed (Python's {@code __context__}) unless already its cause.</li>
     *   <li>Entering throws: it propagates; the body does not run and there is no exit.</li>
     * </ul>
     *
     * @param manager the context manager to enter and exit
     * @param body the block, receiving the entered value
     * @param <T> the type of the entered value
     * @param <R> the type of the block's result
     * @return how the block ended: its result, or the failure the manager suppressed
     */
    public static <T, R> Outcome<R> with(ContextManager<? extends T> manager, ContextBody<? super T, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        T value = enter(manager);
        R result;
        try {
            result = body.apply(value);
        } catch (Throwable failure) {
            return exitWith(manager, failure);
        }
        exitNormally(manager);
        return new Outcome.Completed<>(result);
    }

    /**
     * {@link #with} for a body that returns nothing; a completed outcome holds {@code null}.
     *
     * @param manager the context manager to enter and exit
     * @param body the block, receiving the entered value
     * @param <T> the type of the entered value
     * @return how the block ended
     */
    public static <T> Outcome<Void> withVoid(ContextManager<? extends T> manager, ContextAction<? super T> body) {
        Objects.requireNonNull(body, "body");
        return with(manager, value -> {
            body.run(value);
            return null;
        });
    }

    private static <T> T enter(ContextManager<T> manager) {
        try {
            return manager.onEnter();
        } catch (Exception e) {
            throw Failures.rethrow(e);
        }
    }

    private static void exitNormally(ContextManager<?> manager) {
        try {
            manager.onExit(null);
        } catch (Exception e) {
            throw Failures.rethrow(e);
        }
    }

    private static <R> Outcome<R> exitWith(ContextManager<?> manager, Throwable failure) {
        boolean suppressed;
        try {
            suppressed = manager.onExit(failure);
        } catch (Throwable raised) {
            if (!Failures.chainsItsOwnFailures(manager)) {
                Failures.attach(raised, failure);
            }
            throw Failures.rethrow(raised);
        }
        if (suppressed) {
            return new Outcome.Suppressed<>(failure);
        }
        throw Failures.rethrow(failure);
    }

    // ---------------------------------------------------------------- managers made from generators

    /**
     * Times the block and logs {@code "label: 1.234 s"} at INFO through SLF4J, also when the block
     * fails. The seed's {@code timethis}, which prints seconds; here the unit is the largest of
     * {@code s}, {@code ms} and {@code us} in which the time is at least 1 (three decimals), so a
     * fast block reads {@code "label: 41.250 us"}, not {@code "label: 0.000"}.
     *
     * @param label the start of the log line
     * @return a manager timing one block
     */
    public static GeneratorContextManager<Void> timethis(String label) {
        return timethis(label, System::nanoTime);
    }

    /**
     * {@link #timethis(String)} reading the time from {@code nanoClock} (nanoseconds).
     *
     * @param label the start of the log line
     * @param nanoClock the clock, in nanoseconds
     * @return a manager timing one block
     */
    public static GeneratorContextManager<Void> timethis(String label, LongSupplier nanoClock) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(nanoClock, "nanoClock");
        return GeneratorContextManager.of(y -> {
            long start = nanoClock.getAsLong();
            try {
                y.yield();
            } finally {
                long elapsed = nanoClock.getAsLong() - start;
                if (LOG.isInfoEnabled()) {
                    LOG.info("{}: {}", label, formatNanos(elapsed));
                }
            }
        });
    }

    /** {@code nanos} in the largest of s, ms and us that keeps the value at least 1, three decimals. */
    static String formatNanos(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f us", nanos / 1e3);
    }

    /**
     * A new temporary directory, deleted with everything in it when the block ends, also when it
     * fails. Symbolic links inside are deleted, not followed. The seed's {@code tempdir}. If the
     * deletion fails, its {@link IOException} is raised at exit (carrying the body's exception,
     * if any, as suppressed).
     *
     * @return a manager whose value is the new directory
     */
    public static GeneratorContextManager<Path> tempdir() {
        return GeneratorContextManager.of(y -> {
            Path dir = Files.createTempDirectory("frontier-");
            try {
                y.yield(dir);
            } finally {
                deleteRecursively(dir);
            }
        });
    }

    /**
     * Holds {@code lock} for the block: locks on enter, unlocks on exit (also on failure); the
     * body receives the lock. Python's {@code with lock:}. Enter and exit on the same thread, as
     * {@link #with} and try-with-resources do: a {@link java.util.concurrent.locks.ReentrantLock}
     * is owned by the thread that locked it.
     *
     * @param lock the lock to hold
     * @param <L> its type
     * @return a manager whose value is the lock
     */
    public static <L extends Lock> GeneratorContextManager<L> locked(L lock) {
        Objects.requireNonNull(lock, "lock");
        return GeneratorContextManager.of(y -> {
            lock.lock();
            try {
                y.yield(lock);
            } finally {
                lock.unlock();
            }
        });
    }

    /**
     * Suppresses a failure of the block that is an instance of one of {@code types}; anything else
     * propagates. With no types it suppresses nothing. Python's {@code contextlib.suppress}. Only
     * {@link #with} can suppress: in try-with-resources this manager does nothing (see {@link Scope}).
     *
     * @param types the failures to suppress
     * @return a manager with no value
     */
    @SafeVarargs
    public static GeneratorContextManager<Void> suppress(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> suppressed = new ArrayList<>(types.length);
        for (Class<? extends Throwable> type : types) {
            suppressed.add(Objects.requireNonNull(type, "type"));
        }
        return GeneratorContextManager.of(y -> {
            try {
                y.yield();
            } catch (Throwable failure) {
                if (!isInstanceOfAny(failure, suppressed)) {
                    throw failure;
                }
                LOG.debug("suppressed {}", failure.toString());
            }
        });
    }

    private static boolean isInstanceOfAny(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failed) throws IOException {
                if (failed != null) {
                    throw failed;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
