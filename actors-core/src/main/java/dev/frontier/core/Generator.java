package dev.frontier.core;

import java.lang.ref.Reference;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A generator with Python's semantics: a body of ordinary Java code that suspends at each
 * {@link Yielder#yield(Object) yield}, hands a value out, and later resumes with a value sent in.
 *
 * <pre>{@code
 * static Generator<Integer, Void, Void> countdown(int n) {
 *     return Generator.ofVoid(y -> {
 *         for (int i = n; i > 0; i--) y.yield(i);
 *     });
 * }
 *
 * for (int x : countdown(3)) System.out.println("T-minus " + x);   // 3, 2, 1
 * }</pre>
 *
 * <h2>Python correspondence</h2>
 * <table>
 *   <caption>Generator operations</caption>
 *   <tr><th>Python</th><th>Frontier</th></tr>
 *   <tr><td>{@code gen = func()}</td><td>{@link #of Generator.of(body)} (nothing runs yet)</td></tr>
 *   <tr><td>{@code next(gen)}</td><td>{@link #next()}</td></tr>
 *   <tr><td>{@code gen.send(item)}</td><td>{@link #send(Object)}</td></tr>
 *   <tr><td>{@code gen.throw(exc)}</td><td>{@link #throwIn(Throwable)}</td></tr>
 *   <tr><td>{@code gen.close()}</td><td>{@link #close()}</td></tr>
 *   <tr><td>{@code x = yield v}</td><td>{@code x = y.yield(v)}</td></tr>
 *   <tr><td>{@code r = yield from sub}</td><td>{@code r = y.yieldFrom(sub)}</td></tr>
 *   <tr><td>{@code return r}</td><td>{@code return r}; the caller gets {@link StopIteration#value()}</td></tr>
 *   <tr><td>{@code GeneratorExit}</td><td>{@link GeneratorExit}</td></tr>
 *   <tr><td>{@code gen.gi_running} etc.</td><td>{@link #state()}</td></tr>
 * </table>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Nothing runs until the first {@link #next()} or {@code send(null)}; sending a non-null value
 *       to a just-created generator throws {@link IllegalArgumentException}.</li>
 *   <li>When the body returns, the resuming call throws {@link StopIteration} carrying the return
 *       value, and the generator is {@link State#CLOSED closed}. An exception escaping the body
 *       reaches the caller unchanged (checked ones too, not wrapped) and closes the generator.</li>
 *   <li>A generator may be resumed from any thread, one at a time: resuming a running generator
 *       (from inside itself, or from a second thread at the same moment) throws
 *       {@link GeneratorAlreadyExecutingException} and leaves it as it was.</li>
 *   <li>A generator is its own single-use {@link Iterator} (and {@link Iterable} returning itself,
 *       like Python's {@code iter(gen) is gen}), so {@code for (int x : countdown(10))} works.</li>
 *   <li>A suspended generator is a few hundred bytes of heap, not a thread. Drop it and it is
 *       garbage collected; its {@code finally} blocks then never run (call {@link #close()} if
 *       they must). This and the next rule hold on JDK continuations; see <em>Two
 *       implementations</em> for the fallback.</li>
 *   <li><b>Monitors across a yield:</b> on JDK 24+ a yield inside {@code synchronized} does not
 *       pin, but the monitor <em>stays locked for the whole suspension</em>: other threads that
 *       want it block until the generator is resumed (on any thread) and leaves the block. Do not
 *       hold a monitor across a yield; use a {@link java.util.concurrent.locks.Lock} you release
 *       before yielding.</li>
 * </ul>
 *
 * <h2>Two implementations</h2>
 * Generators run on the JDK's own continuations ({@code jdk.internal.vm.Continuation}) when
 * {@code java.base} exports {@code jdk.internal.vm} to Frontier: run {@code java} with
 * {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} (class path) or
 * {@code --add-exports=java.base/jdk.internal.vm=dev.frontier.core} (module path), or put
 * {@code Add-Exports: java.base/jdk.internal.vm} in an executable jar's manifest. Without it they
 * run on a fallback built on public API only: each started generator's body runs on a virtual
 * thread of its own, and the resuming thread hands control to it and waits until it yields. Which
 * one is in use is logged once, at INFO, when the first generator is created. Everything above
 * holds on both, with these differences in the fallback:
 * <ul>
 *   <li>A round trip is a thread hand-off, tens of times slower (figures in
 *       {@code docs/benchmarks.md}), and a suspended generator holds a parked virtual thread.</li>
 *   <li>Inside the body, {@code Thread.currentThread()}, thread locals and scoped values are the
 *       body thread's, not the resuming thread's (a lock the body takes is held by that thread).
 *       The body's thread takes the resuming thread's name at each resume; the SLF4J MDC and the
 *       interrupt status cross the hand-off as if it were one thread.</li>
 *   <li>Locks are per thread: a monitor or lock the body holds across a yield is held by the
 *       body's thread, so the resuming thread cannot enter it either; and one the resuming thread
 *       holds while it resumes is not held by the body, so a body that takes it blocks for good
 *       (on continuations it would re-enter it).</li>
 *   <li>A suspended generator whose handle is garbage collected is closed, as in Python: a
 *       {@link GeneratorExit} is raised at its yield on its own thread, so its {@code finally}
 *       blocks run, at a time the collector chooses. (A parked virtual thread is never garbage
 *       itself; this is what ends it.)</li>
 *   <li>A {@link GeneratorPinnedException} cannot happen.</li>
 * </ul>
 *
 * <h2>Implementation overview</h2>
 * A generator is this public handle and its {@code Core}: the state machine, the driver that
 * resumes the body and the body's {@link Yielder}, written once in the {@code Core} interface.
 * Its two implementations differ only in how the body's stack is suspended:
 * {@code ContinuationCore} (a {@code Continuation} subclass, the only code touching JDK-internal
 * API, never loaded when the package is not exported) and {@code ThreadCore} (a virtual thread
 * per started generator, with a hand-off); {@code Cores} chooses. The handle only points at its
 * core, and the core has no reference back to it. {@code state} is the only field shared between
 * threads: a resuming thread claims the generator by compare-and-set into RUNNING, exchanges
 * values through {@code transfer} / {@code pendingThrow}, and publishes the outcome with the
 * volatile write that leaves RUNNING.
 *
 * <p>State transitions (each asserted or compare-and-set where it happens):
 * <pre>
 *   CREATED   -&gt; RUNNING    first next()/send(null)
 *   CREATED   -&gt; CLOSED     close(), throwIn()
 *   SUSPENDED -&gt; RUNNING    next(), send(), throwIn(), close()
 *   RUNNING   -&gt; SUSPENDED  the body yields
 *   RUNNING   -&gt; CLOSED     the body returns or throws
 *   CLOSED    -&gt; (none)
 * </pre>
 *
 * <p>Footprint matters (a process may hold a suspended generator per actor), so on continuations a
 * suspended generator is the 16-byte handle, one 64-byte {@code ContinuationCore} that is at once
 * the continuation, the yielder and the holder of every field, and the continuation's stack chunk
 * (its frozen frames): no separate {@code Runnable} (see {@code ContinuationCore}); {@code state}
 * and {@code hasPeeked} sit in the padding of {@code Continuation}; {@code transfer} carries the
 * value crossing a yield, the body's return value at the end, and the value {@link #hasNext()}
 * fetched ahead, and {@code pendingThrow} carries an exception going in and the body's failure
 * coming out, since those uses never overlap. The yield path touches only the core, so only the
 * core is live in the body's compiled frame across a suspension, which keeps the frozen stack
 * small. The shared code reaches the fields through accessors because the continuation core
 * cannot have a superclass of Frontier's; with one implementation loaded per process, the JIT
 * inlines them. Figures: {@code docs/benchmarks.md}.
 *
 * <p>The resuming methods end with {@link Reference#reachabilityFence}: in the fallback a
 * collected handle closes its body, and a handle must not become collectable while one of its own
 * methods is still driving the body.
 *
 * <p>{@code yieldFrom(sub)} does not run {@code sub} nested inside the body. The body records
 * {@code sub} as its {@code delegate} and suspends; the driver ({@code step}/{@code runToYield})
 * then forwards each send, throw and close to {@code sub} by an ordinary method call, and wakes the
 * body only with {@code sub}'s return value or exception. This is CPython's structure
 * ({@code gi_yieldfrom}); it keeps every level of a delegation chain RUNNING while a value passes
 * through it (so re-entry is detected), and costs a few small frames per level instead of a
 * mounted continuation per level, so chains thousands deep fit on an ordinary thread stack.
 *
 * @param <Y> the type of values yielded out
 * @param <S> the type of values sent in
 * @param <R> the type the body returns
 */
public final class Generator<Y, S, R> implements Iterator<Y>, Iterable<Y>, AutoCloseable {

    /** A generator's life. Python's {@code inspect.getgeneratorstate}. */
    public enum State {
        /** Made, not yet started: the body has not run. */
        CREATED,
        /** The body is executing on some thread. */
        RUNNING,
        /** Stopped at a yield, waiting to be resumed. */
        SUSPENDED,
        /** Finished: returned, failed, or closed. Terminal. */
        CLOSED
    }

    private static final String PEEKED = "hasNext() already advanced this generator; call next() first";

    private final Core<Y, S, R> core;

    Generator(Core<Y, S, R> core) {
        this.core = core;
    }

    /**
     * A generator running {@code body}. Nothing runs until the first {@link #next()}.
     *
     * @param body the generator function; it receives the generator's {@link Yielder}
     * @param <Y> the type of values yielded out
     * @param <S> the type of values sent in
     * @param <R> the type the body returns
     * @return a new, just-created generator
     */
    public static <Y, S, R> Generator<Y, S, R> of(GeneratorFunction<Y, S, R> body) {
        return Cores.handle(Objects.requireNonNull(body, "body"));
    }

    /**
     * A generator running a body that returns nothing. Nothing runs until the first {@link #next()}.
     *
     * @param body the generator procedure; it receives the generator's {@link Yielder}
     * @param <Y> the type of values yielded out
     * @param <S> the type of values sent in
     * @return a new, just-created generator whose {@link StopIteration} carries {@code null}
     */
    public static <Y, S> Generator<Y, S, Void> ofVoid(GeneratorProcedure<Y, S> body) {
        Objects.requireNonNull(body, "body");
        if (body instanceof GeneratorFunction) {
            // Core runs a GeneratorFunction as one; this object is also a procedure, run it as that.
            return of(y -> {
                body.run(y);
                return null;
            });
        }
        return Cores.handle(body);
    }

    /**
     * Whether the calling code is this generator's running body: with continuations, the body runs
     * on the thread that resumed it; on the thread fallback, on a thread of its own. Frameworks that
     * confine work to a thread use it to recognise their own generator bodies. Any thread.
     *
     * @return true when called from inside this generator's body while it runs
     */
    public boolean isRunningHere() {
        return core.isCurrent();
    }

    /**
     * The current state. A snapshot: another thread may change it at once.
     *
     * @return the state when this was called
     */
    public State state() {
        return core.state();
    }

    /**
     * Resumes the generator, making the suspended {@code yield} return {@code value}, and runs it
     * to its next yield, whose value is returned. Python's {@code gen.send(value)}.
     *
     * @param value what the suspended {@code yield} returns in the body
     * @return the value the body yields next
     * @throws IllegalArgumentException a non-null value sent to a just-created generator
     * @throws StopIteration the body returned (its value is carried), or the generator was closed
     * @throws GeneratorAlreadyExecutingException the generator is running
     * @throws IllegalStateException a value fetched ahead by {@link #hasNext()} is still pending
     */
    public Y send(S value) {
        Core<Y, S, R> c = core;
        if (value != null && c.state() == State.CREATED) {
            throw new IllegalArgumentException("can't send non-null value to a just-started generator");
        }
        if (c.hasPeeked()) {
            throw new IllegalStateException(PEEKED);
        }
        try {
            c.enter();
            return c.step(value, null);
        } finally {
            Reference.reachabilityFence(this); // see ThreadCore: a collected handle closes its body
        }
    }

    /**
     * Runs the generator to its next yield and returns the yielded value: {@code send(null)}.
     * Python's {@code next(gen)}. Also {@link Iterator#next()}, which it honours: a value fetched
     * ahead by {@link #hasNext()} is returned first.
     *
     * @throws StopIteration (a {@link NoSuchElementException}) the body returned or the generator is closed
     * @throws GeneratorAlreadyExecutingException the generator is running
     */
    @Override
    public Y next() {
        Core<Y, S, R> c = core;
        if (c.hasPeeked()) {
            return c.takePeeked();
        }
        try {
            c.enter();
            return c.step(null, null);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Raises {@code exception} at the suspended yield and runs the generator to its next yield,
     * whose value is returned; if the body does not catch it, it propagates out of this call and
     * the generator is closed. On a just-created or closed generator, closes it and throws
     * {@code exception} at once. Python's {@code gen.throw(exc)}.
     *
     * @param exception what the suspended {@code yield} throws in the body
     * @return the value the body yields next, if it caught the exception
     * @throws StopIteration the body caught the exception and returned
     * @throws GeneratorAlreadyExecutingException the generator is running
     * @throws IllegalStateException a value fetched ahead by {@link #hasNext()} is still pending
     *     (as for {@link #send}: the body has already moved past the yield it would be raised at)
     */
    public Y throwIn(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        Core<Y, S, R> c = core;
        if (c.hasPeeked()) {
            throw new IllegalStateException(PEEKED);
        }
        for (;;) {
            State s = c.state();
            if (s == State.RUNNING) {
                throw new GeneratorAlreadyExecutingException();
            }
            if (s == State.SUSPENDED) {
                if (c.claim(s, State.RUNNING)) {
                    break;
                }
            } else if (s == State.CLOSED || c.claim(s, State.CLOSED)) {
                c.release();
                throw Sneaky.<RuntimeException>rethrow(exception);
            }
        }
        try {
            return c.step(null, exception);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Closes the generator: raises {@link GeneratorExit} at the suspended yield so the body's
     * {@code finally} blocks run, and returns once the body has finished. A no-op on a closed or
     * just-created generator. Python's {@code gen.close()}.
     *
     * @throws GeneratorIgnoredExitException the body yielded again instead of finishing
     * @throws GeneratorAlreadyExecutingException the generator is running
     */
    @Override
    public void close() {
        Core<Y, S, R> c = core;
        for (;;) {
            State s = c.state();
            if (s == State.CLOSED) {
                return;
            }
            if (s == State.RUNNING) {
                throw new GeneratorAlreadyExecutingException();
            }
            if (s == State.CREATED) {
                if (c.claim(s, State.CLOSED)) {
                    c.release();
                    return;
                }
            } else if (c.claim(s, State.RUNNING)) {
                break;
            }
        }
        c.dropPeeked();
        try {
            c.step(null, new GeneratorExit());
        } catch (GeneratorExit exit) {
            reportCleanupFailure(exit);
            return;
        } catch (StopIteration finished) {
            return;
        } finally {
            Reference.reachabilityFence(this);
        }
        throw new GeneratorIgnoredExitException();
    }

    /**
     * A try-with-resources in the body whose {@code close()} failed while GeneratorExit passed
     * through attached that failure to the exit as suppressed. In Python the failure would have
     * propagated from {@code close()}; so it does here, carrying any further ones.
     */
    private static void reportCleanupFailure(GeneratorExit exit) {
        Throwable[] failures = exit.getSuppressed();
        if (failures.length == 0) {
            return;
        }
        Throwable first = failures[0];
        for (int i = 1; i < failures.length; i++) {
            first.addSuppressed(failures[i]);
        }
        throw Sneaky.<RuntimeException>rethrow(first);
    }

    /**
     * Whether there is another value: advances the generator to its next yield if needed and keeps
     * the value for {@link #next()}. Part of {@link Iterator}; a generator's return value is
     * dropped here, as in Python's {@code for} loop.
     */
    @Override
    public boolean hasNext() {
        Core<Y, S, R> c = core;
        if (c.hasPeeked()) {
            return true;
        }
        if (c.state() == State.CLOSED) {
            return false;
        }
        try {
            c.keepPeeked(next());
            return true;
        } catch (StopIteration end) {
            return false;
        }
    }

    /** This generator itself: a generator is a single-use iterable, like Python's. */
    @Override
    public Iterator<Y> iterator() {
        return this;
    }

    /**
     * The remaining yielded values as a sequential, ordered stream. Closing the stream closes the
     * generator.
     *
     * @return a stream over this generator's remaining values
     */
    public Stream<Y> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** {@code Generator@<identity>[<state>]}; the identity is the core's, see {@link Core#describe()}. */
    @Override
    public String toString() {
        return core.describe();
    }
}
