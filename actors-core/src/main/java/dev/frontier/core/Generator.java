package dev.frontier.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 *       they must).</li>
 *   <li><b>Monitors across a yield:</b> on JDK 24+ a yield inside {@code synchronized} does not
 *       pin, but the monitor <em>stays locked for the whole suspension</em>: other threads that
 *       want it block until the generator is resumed (on any thread) and leaves the block. Do not
 *       hold a monitor across a yield; use a {@link java.util.concurrent.locks.Lock} you release
 *       before yielding.</li>
 * </ul>
 *
 * <h2>Implementation overview</h2>
 * A generator is this public handle, its {@code Core} and the continuation's stack chunk (its
 * frozen frames), nothing else. The core is a {@link Coroutine} (the JDK continuation adapter),
 * the body's {@link Yielder}, and the holder of all mutable state; the handle only points at it.
 * {@code state} is the only field shared between threads: a resuming thread claims the generator
 * by compare-and-set into RUNNING, exchanges values through {@code transfer} / {@code pendingThrow}
 * on its own thread, and publishes the outcome with the volatile write that leaves RUNNING.
 *
 * <p>Footprint matters (a process may hold a suspended generator per actor), so the layout is
 * deliberate: the core needs no separate {@code Runnable} (see {@link Coroutine}); {@code state}
 * and {@code hasPeeked} sit in the padding of {@code Continuation}; the core has no reference back
 * to its handle; {@code transfer} carries the value crossing a yield, the body's return value at
 * the end, and the value {@link #hasNext()} fetched ahead, and {@code pendingThrow} carries an
 * exception going in and the body's failure coming out, since those uses never overlap. The yield
 * path touches only the core, so only the core is live in the body's compiled frame across a
 * suspension, which keeps the frozen stack small. Figures: {@code docs/benchmarks.md}.
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

    private final Core<Y, S, R> core;

    private Generator(Core<Y, S, R> core) {
        this.core = core;
    }

    /**
     * A generator running {@code body}. Nothing runs until the first {@link #next()}.
     */
    public static <Y, S, R> Generator<Y, S, R> of(GeneratorFunction<Y, S, R> body) {
        return new Generator<>(new Core<>(Objects.requireNonNull(body, "body")));
    }

    /**
     * A generator running a body that returns nothing. Nothing runs until the first {@link #next()}.
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
        return new Generator<>(new Core<>(body));
    }

    /** The current state. A snapshot: another thread may change it at once. */
    public State state() {
        return core.state;
    }

    /**
     * Resumes the generator, making the suspended {@code yield} return {@code value}, and runs it
     * to its next yield, whose value is returned. Python's {@code gen.send(value)}.
     *
     * @throws IllegalArgumentException a non-null value sent to a just-created generator
     * @throws StopIteration the body returned (its value is carried), or the generator was closed
     * @throws GeneratorAlreadyExecutingException the generator is running
     * @throws IllegalStateException a value fetched ahead by {@link #hasNext()} is still pending
     */
    public Y send(S value) {
        Core<Y, S, R> c = core;
        if (value != null && c.state == State.CREATED) {
            throw new IllegalArgumentException("can't send non-null value to a just-started generator");
        }
        if (c.hasPeeked) {
            throw new IllegalStateException("hasNext() already advanced this generator; call next() first");
        }
        c.enter();
        return c.step(value, null);
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
        if (c.hasPeeked) {
            return c.takePeeked();
        }
        c.enter();
        return c.step(null, null);
    }

    /**
     * Raises {@code exception} at the suspended yield and runs the generator to its next yield,
     * whose value is returned; if the body does not catch it, it propagates out of this call and
     * the generator is closed. On a just-created or closed generator, closes it and throws
     * {@code exception} at once. Python's {@code gen.throw(exc)}.
     *
     * @throws StopIteration the body caught the exception and returned
     * @throws GeneratorAlreadyExecutingException the generator is running
     */
    public Y throwIn(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        Core<Y, S, R> c = core;
        for (;;) {
            State s = c.state;
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
        c.dropPeeked();
        return c.step(null, exception);
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
            State s = c.state;
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
        if (c.hasPeeked) {
            return true;
        }
        if (c.state == State.CLOSED) {
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

    // ---------------------------------------------------------------- implementation

    /**
     * The generator's coroutine, the body's yielder, and all of its mutable state. One object per
     * generator besides the handle. The driver methods ({@code step}, {@code runToYield}, ...) must
     * only be called by the thread holding RUNNING; the yielder methods only from the running body.
     */
    private static final class Core<Y, S, R> extends Coroutine implements Yielder<Y, S> {

        /*
         * State transitions (each asserted where it happens):
         *
         *   CREATED   -> RUNNING    first next()/send(null)
         *   CREATED   -> CLOSED     close(), throwIn()
         *   SUSPENDED -> RUNNING    next(), send(), throwIn(), close()
         *   RUNNING   -> SUSPENDED  the body yields
         *   RUNNING   -> CLOSED     the body returns or throws
         *   CLOSED    -> (none)
         */
        private volatile State state = State.CREATED;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Core.class, "state", State.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /**
         * The body: a {@link GeneratorFunction}, or a {@link GeneratorProcedure} that is not one
         * (kept as is rather than wrapped, which would cost an object and often a frozen frame).
         * Dropped once the generator has finished.
         */
        private Object body;
        /**
         * While RUNNING, the value crossing the yield: sent in, or yielded out; once the body has
         * returned, its return value. While SUSPENDED with {@code hasPeeked}, the value fetched
         * ahead by {@link Generator#hasNext()}.
         */
        private Object transfer;
        /**
         * While RUNNING, an exception to raise at the yield on resumption (throwIn() and close());
         * once the body has failed, its failure.
         */
        private Throwable pendingThrow;
        /** The sub-generator the body is delegating to with yieldFrom, or null. */
        private Generator<?, ?, ?> delegate;
        /** {@code transfer} holds a value fetched ahead by {@link Generator#hasNext()}. */
        private boolean hasPeeked;

        Core(GeneratorFunction<Y, S, R> body) {
            this.body = body;
        }

        Core(GeneratorProcedure<Y, S> body) {
            assert !(body instanceof GeneratorFunction);
            this.body = body;
        }

        /**
         * The generator's {@code toString()}. The core, not the handle, supplies the identity, so
         * that the core can name its generator (in {@link YieldOutsideGeneratorException}) without
         * holding a reference back to the handle.
         */
        String describe() {
            return "Generator@" + Integer.toHexString(System.identityHashCode(this)) + "[" + state + "]";
        }

        // ------------------------------------------------------------ the body's side

        /** Runs the body; its outcome goes where {@link #runToYield()} looks: transfer or pendingThrow. */
        @Override
        @SuppressWarnings("unchecked")
        void runBody() {
            try {
                if (body instanceof GeneratorFunction<?, ?, ?> function) {
                    transfer = ((GeneratorFunction<Y, S, R>) function).apply(this);
                } else {
                    ((GeneratorProcedure<Y, S>) body).run(this);
                    transfer = null;
                }
            } catch (StopIteration leaked) {
                transfer = null;
                pendingThrow = new IllegalStateException("generator raised StopIteration", leaked);
            } catch (Throwable t) {
                transfer = null;
                pendingThrow = t;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public S yield(Y value) {
            checkInside();
            transfer = value;
            return (S) suspendAndReceive();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T yieldFrom(Generator<? extends Y, ? super S, T> sub) {
            Objects.requireNonNull(sub, "sub");
            checkInside();
            delegate = sub;
            return (T) suspendAndReceive();
        }

        @Override
        public void yieldAll(Iterable<? extends Y> items) {
            for (Y item : items) {
                if (this.yield(item) != null) {
                    throw new IllegalArgumentException("can't send a non-null value into yieldAll of a plain iterable");
                }
            }
        }

        /** Suspends; on resumption returns what was sent in, or throws what was thrown in. */
        private Object suspendAndReceive() {
            Coroutine.suspend();
            Throwable t = pendingThrow;
            if (t != null) {
                pendingThrow = null;
                throw Sneaky.<RuntimeException>rethrow(t);
            }
            Object in = transfer;
            transfer = null;
            return in;
        }

        /**
         * Being the current coroutine implies RUNNING: state only leaves RUNNING on the driving
         * thread after the coroutine has returned from {@code resume()}, and no other thread
         * changes it out of RUNNING. So one check suffices; the assert documents the implication.
         */
        private void checkInside() {
            if (!isCurrent()) {
                // A second handle on this core: the same generator, and the same toString().
                throw new YieldOutsideGeneratorException(new Generator<>(this));
            }
            assert state == State.RUNNING;
        }

        // ------------------------------------------------------------ the driver's side

        /** Compare-and-set of {@code state}. */
        boolean claim(State expected, State next) {
            return STATE.compareAndSet(this, expected, next);
        }

        /** Claims the generator for the calling thread: CREATED or SUSPENDED -> RUNNING. */
        void enter() {
            for (;;) {
                State s = state;
                if (s == State.RUNNING) {
                    throw new GeneratorAlreadyExecutingException();
                }
                if (s == State.CLOSED) {
                    throw StopIteration.closed();
                }
                if (claim(s, State.RUNNING)) {
                    return;
                }
            }
        }

        /**
         * Delivers a value or an exception and runs to the next yield. The caller holds RUNNING.
         * While the body is inside {@code yieldFrom(sub)}, the delivery goes to {@code sub} (PEP 380)
         * and the body only wakes when {@code sub} returns or raises. This forwarding is a plain
         * method call per level, not a nested continuation, so a chain of delegations costs a few
         * small frames per level and deep chains do not overflow the stack.
         */
        Y step(Object value, Throwable thrown) {
            assert state == State.RUNNING;
            Generator<?, ?, ?> sub = delegate;
            if (sub != null) {
                try {
                    Y y = forward(sub, value, thrown);
                    state = State.SUSPENDED;
                    return y;
                } catch (StopIteration done) {
                    value = done.value();
                    thrown = null;
                } catch (Throwable raised) {
                    value = null;
                    thrown = raised;
                }
                delegate = null;
            }
            transfer = value;
            pendingThrow = thrown;
            return runToYield();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Y forward(Generator sub, Object value, Throwable thrown) {
            if (thrown == null) {
                return (Y) (value == null ? sub.next() : sub.send(value));
            }
            if (thrown instanceof GeneratorExit) {
                sub.close();
                throw (GeneratorExit) thrown;
            }
            return (Y) sub.throwIn(thrown);
        }

        /** Runs the body to its next yield or its end. The caller holds RUNNING. */
        @SuppressWarnings("unchecked")
        private Y runToYield() {
            for (;;) {
                if (resume()) {
                    Throwable f = pendingThrow;
                    Object r = transfer;
                    release();
                    state = State.CLOSED;
                    if (f != null) {
                        throw Sneaky.<RuntimeException>rethrow(f);
                    }
                    throw new StopIteration(r);
                }
                Generator<?, ?, ?> sub = delegate;
                if (sub == null) {
                    Y y = (Y) transfer;
                    transfer = null;
                    state = State.SUSPENDED;
                    return y;
                }
                // The body entered yieldFrom(sub): start sub here, not nested inside the body.
                try {
                    Y y = (Y) sub.next();
                    state = State.SUSPENDED;
                    return y;
                } catch (StopIteration done) {
                    transfer = done.value();
                } catch (Throwable raised) {
                    pendingThrow = raised;
                }
                delegate = null;
            }
        }

        /** Keeps a value fetched ahead by {@link Generator#hasNext()}. Only while SUSPENDED. */
        void keepPeeked(Object value) {
            transfer = value;
            hasPeeked = true;
        }

        /** Hands out the value {@link Generator#hasNext()} fetched ahead. */
        @SuppressWarnings("unchecked")
        Y takePeeked() {
            Y y = (Y) transfer;
            dropPeeked();
            return y;
        }

        void dropPeeked() {
            transfer = null;
            hasPeeked = false;
        }

        /** Lets go of everything the body referenced, so a finished generator retains nothing. */
        void release() {
            body = null;
            delegate = null;
            pendingThrow = null;
            dropPeeked();
        }
    }
}
