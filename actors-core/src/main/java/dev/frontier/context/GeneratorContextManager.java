package dev.frontier.context;

import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorProcedure;
import dev.frontier.core.StopIteration;
import java.util.Objects;

/**
 * A context manager made from a generator that yields exactly once: Python's
 * {@code @contextmanager}. The code before the yield is the set-up, the yielded value is what the
 * body receives, and the code after the yield (usually a {@code finally}) is the tear-down.
 *
 * <pre>{@code
 * static GeneratorContextManager<Path> tempdir() {
 *     return GeneratorContextManager.of(y -> {
 *         Path dir = Files.createTempDirectory("frontier-");
 *         try {
 *             y.yield(dir);
 *         } finally {
 *             deleteRecursively(dir);
 *         }
 *     });
 * }
 *
 * Contexts.withVoid(tempdir(), dir -> Files.writeString(dir.resolve("a.txt"), "hi"));
 * }</pre>
 *
 * <h2>Semantics (CPython's {@code _GeneratorContextManager})</h2>
 * <ul>
 *   <li><b>Enter</b> runs the generator to its yield and returns the yielded value. A generator
 *       that returns first: {@link GeneratorDidNotYieldException}. An exception it raises
 *       propagates unchanged and the body does not run.</li>
 *   <li><b>Normal exit</b> resumes the generator; it must then finish. If it yields again:
 *       {@link GeneratorDidNotStopException} {@code "generator didn't stop"}, after closing it.</li>
 *   <li><b>Exit with the body's exception</b> throws that exception in at the yield
 *       ({@link Generator#throwIn}). Then:
 *     <ul>
 *       <li>the generator catches it and returns: the exception is <b>suppressed</b>
 *           ({@code onExit} returns {@code true});</li>
 *       <li>it does not catch it, or rethrows the same exception: not suppressed ({@code false});
 *           rethrowing is not an error of the manager;</li>
 *       <li>it raises a different exception: that one propagates, with the body's exception
 *           added to it as <b>suppressed</b> (Java's form of Python's implicit
 *           {@code __context__}); if the generator made the body's exception the new one's
 *           <em>cause</em> ({@code raise X from e}), it is not added again;</li>
 *       <li>it catches it and yields again: {@link GeneratorDidNotStopException}
 *           {@code "generator didn't stop after throw()"}, after closing it.</li>
 *     </ul>
 *   <li>A {@link StopIteration} raised by the body and not caught by the generator propagates as
 *       itself, not as the "generator raised StopIteration" error the generator turns it into
 *       (PEP 479), and it is never mistaken for the generator finishing.</li>
 *   <li>Single use: entering twice throws {@link ContextAlreadyEnteredException}; exiting when not
 *       entered, or twice, throws {@link ContextNotActiveException}.</li>
 * </ul>
 *
 * <p><b>Note:</b> this class is not threadsafe. Enter and exit on one thread; a generator that
 * holds a thread-owned resource across its yield (such as {@link Contexts#locked}) requires it.
 *
 * @param <T> the type of the yielded value
 */
public final class GeneratorContextManager<T> implements ContextManager<T> {

    private enum State { NEW, ENTERED, EXITED }

    /*
     * State transitions:
     *
     *   NEW     -> ENTERED   onEnter(), before the generator runs (so re-entering from the body is caught)
     *   ENTERED -> EXITED    onExit(); or onEnter() when the generator fails or returns before its yield
     *   EXITED  -> (none)
     */
    private State state = State.NEW;
    private final Generator<? extends T, ?, ?> generator;

    private GeneratorContextManager(Generator<? extends T, ?, ?> generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * A manager running {@code body}, which must yield exactly once. Nothing runs until entered.
     *
     * @param body the generator body: set up, yield the value, tear down
     * @param <T> the type of the value it yields
     * @return a new manager
     */
    public static <T> GeneratorContextManager<T> of(GeneratorProcedure<T, Void> body) {
        return new GeneratorContextManager<>(Generator.ofVoid(body));
    }

    /**
     * A manager driving {@code generator}, which must yield exactly once more.
     *
     * @param generator the generator, not yet started
     * @param <T> the type of the value it yields
     * @return a new manager
     */
    public static <T> GeneratorContextManager<T> of(Generator<? extends T, ?, ?> generator) {
        return new GeneratorContextManager<>(generator);
    }

    /**
     * Runs the generator to its yield and returns the yielded value.
     *
     * @throws ContextAlreadyEnteredException entered before
     * @throws GeneratorDidNotYieldException the generator returned without yielding
     */
    @Override
    public T onEnter() {
        if (state != State.NEW) {
            throw new ContextAlreadyEnteredException();
        }
        state = State.ENTERED;
        try {
            return generator.next();
        } catch (StopIteration returned) {
            state = State.EXITED;
            throw new GeneratorDidNotYieldException();
        } catch (Throwable failed) {
            state = State.EXITED;
            throw failed;
        }
    }

    /**
     * Resumes the generator, or throws {@code failure} into it; see the class comment.
     *
     * @return {@code true} when the generator suppressed {@code failure}
     * @throws GeneratorDidNotStopException the generator yielded again
     * @throws ContextNotActiveException not entered, or exited already
     */
    @Override
    public boolean onExit(Throwable failure) {
        if (state != State.ENTERED) {
            throw state == State.NEW ? ContextNotActiveException.notEntered() : ContextNotActiveException.alreadyExited();
        }
        state = State.EXITED;
        return failure == null ? resume() : throwIn(failure);
    }

    private boolean resume() {
        try {
            generator.next();
        } catch (StopIteration finished) {
            return false;
        }
        throw closeAndFail(GeneratorDidNotStopException.afterResume());
    }

    private boolean throwIn(Throwable failure) {
        try {
            generator.throwIn(failure);
        } catch (StopIteration returned) {
            return returned != failure;
        } catch (Throwable raised) {
            if (raised == failure || isWrappedStopIteration(raised, failure)) {
                return false;
            }
            Failures.attach(raised, failure);
            throw raised;
        }
        GeneratorDidNotStopException didNotStop = GeneratorDidNotStopException.afterThrow();
        Failures.attach(didNotStop, failure);
        throw closeAndFail(didNotStop);
    }

    /** The generator turned the body's StopIteration into "generator raised StopIteration" (PEP 479). */
    private static boolean isWrappedStopIteration(Throwable raised, Throwable failure) {
        return failure instanceof StopIteration && raised instanceof IllegalStateException && raised.getCause() == failure;
    }

    /** Closes the generator that yielded again; a failure of the close wins, carrying {@code error}. */
    private RuntimeException closeAndFail(GeneratorDidNotStopException error) {
        try {
            generator.close();
        } catch (Throwable closeFailed) {
            Failures.attach(closeFailed, error);
            throw closeFailed;
        }
        return error;
    }

    @Override
    public String toString() {
        return "GeneratorContextManager[" + state + "]";
    }
}
