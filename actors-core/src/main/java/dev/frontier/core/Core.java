package dev.frontier.core;

import dev.frontier.core.Generator.State;
import java.util.Objects;

/**
 * A generator's machinery: its state machine, the driver that resumes it and the {@link Yielder}
 * its body holds, written once for both ways Frontier can suspend a Java stack. The two
 * implementations supply only the fields and three operations ({@link #resume()},
 * {@link #suspendBody()}, {@link #isCurrent()}):
 * <ul>
 *   <li>{@link ContinuationCore}, a {@code jdk.internal.vm.Continuation}: used when
 *       {@code java.base} exports {@code jdk.internal.vm} to Frontier;</li>
 *   <li>{@link ThreadCore}, public API only: the body runs on a virtual thread of its own, and
 *       the resuming thread hands control to it and waits until it yields.</li>
 * </ul>
 * {@link Cores} picks one when Frontier is first used. Only the chosen class is ever loaded, so
 * the rest of a process sees a single implementation of this interface, and the JIT inlines these
 * methods and the accessors as if they were one class.
 *
 * <p>Why an interface with accessors instead of an abstract class: the continuation core must
 * extend {@code Continuation} (one object per generator for the continuation, the yielder and the
 * state is the footprint goal), so the shared code cannot sit in a superclass. The accessors are
 * the price; neither implementation does anything in them but read or write its field.
 *
 * <p>The fields, in either implementation (state transitions in {@link Generator}'s overview):
 * <ul>
 *   <li>{@code state}: volatile, the only field shared between threads; a resuming thread claims
 *       the generator by compare-and-set into RUNNING and publishes the outcome with the volatile
 *       write that leaves RUNNING. Every other field is touched only by the thread holding
 *       RUNNING or by the running body.</li>
 *   <li>{@code body}: a {@link GeneratorFunction}, or a {@link GeneratorProcedure} that is not one
 *       (kept as is rather than wrapped, which would cost an object and often a frozen frame).
 *       Dropped once the generator has finished.</li>
 *   <li>{@code transfer}: while RUNNING, the value crossing the yield (sent in, or yielded out);
 *       once the body has returned, its return value; while SUSPENDED with {@code hasPeeked}, the
 *       value {@link Generator#hasNext()} fetched ahead.</li>
 *   <li>{@code pendingThrow}: while RUNNING, an exception to raise at the yield on resumption
 *       ({@code throwIn()} and {@code close()}); once the body has failed, its failure.</li>
 *   <li>{@code delegate}: the sub-generator the body is delegating to with {@code yieldFrom}, or
 *       null.</li>
 *   <li>{@code hasPeeked}: {@code transfer} holds a value fetched ahead by {@code hasNext()}.</li>
 * </ul>
 *
 * <p>The driver methods ({@link #enter()}, {@link #step}, ...) must only be called by the thread
 * holding RUNNING; the yielder methods only from the running body.
 */
sealed interface Core<Y, S, R> extends Yielder<Y, S> permits ContinuationCore, ThreadCore {

    // ------------------------------------------------------------ the mechanism

    /** Runs the body to its next suspension; returns {@code true} when it has finished. */
    boolean resume();

    /** Suspends the running body until the next {@link #resume()}. Only from inside the body. */
    void suspendBody();

    /** Whether this core's body is the innermost one running on the calling thread. */
    boolean isCurrent();

    // ------------------------------------------------------------ the fields

    State state();

    void state(State next);

    /** Compare-and-set of {@code state}. */
    boolean claim(State expected, State next);

    Object body();

    void body(Object body);

    Object transfer();

    void transfer(Object value);

    Throwable pendingThrow();

    void pendingThrow(Throwable t);

    Generator<?, ?, ?> delegate();

    void delegate(Generator<?, ?, ?> sub);

    boolean hasPeeked();

    void hasPeeked(boolean peeked);

    // ------------------------------------------------------------ shared

    /**
     * The generator's {@code toString()}. The core, not the handle, supplies the identity, so
     * that the core can name its generator (in {@link YieldOutsideGeneratorException}) without
     * holding a reference back to the handle.
     */
    default String describe() {
        return "Generator@" + Integer.toHexString(System.identityHashCode(this)) + "[" + state() + "]";
    }

    // ------------------------------------------------------------ the body's side

    /** Runs the body; its outcome goes where {@link #runToYield()} looks: transfer or pendingThrow. */
    @SuppressWarnings("unchecked")
    default void runBody() {
        try {
            Object b = body();
            if (b instanceof GeneratorFunction<?, ?, ?> function) {
                transfer(((GeneratorFunction<Y, S, R>) function).apply(this));
            } else {
                ((GeneratorProcedure<Y, S>) b).run(this);
                transfer(null);
            }
        } catch (StopIteration leaked) {
            transfer(null);
            pendingThrow(new IllegalStateException("generator raised StopIteration", leaked));
        } catch (Throwable t) {
            transfer(null);
            pendingThrow(t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    default S yield(Y value) {
        checkInside();
        transfer(value);
        return (S) suspendAndReceive();
    }

    @Override
    @SuppressWarnings("unchecked")
    default <T> T yieldFrom(Generator<? extends Y, ? super S, T> sub) {
        Objects.requireNonNull(sub, "sub");
        checkInside();
        delegate(sub);
        return (T) suspendAndReceive();
    }

    @Override
    default void yieldAll(Iterable<? extends Y> items) {
        for (Y item : items) {
            if (this.yield(item) != null) {
                throw new IllegalArgumentException("can't send a non-null value into yieldAll of a plain iterable");
            }
        }
    }

    /** Suspends; on resumption returns what was sent in, or throws what was thrown in. */
    private Object suspendAndReceive() {
        suspendBody();
        Throwable t = pendingThrow();
        if (t != null) {
            pendingThrow(null);
            throw Sneaky.<RuntimeException>rethrow(t);
        }
        Object in = transfer();
        transfer(null);
        return in;
    }

    /**
     * Being the current coroutine implies RUNNING: state only leaves RUNNING on the driving
     * thread after the body has handed control back, and no other thread changes it out of
     * RUNNING. So one check suffices; the assert documents the implication.
     */
    private void checkInside() {
        if (!isCurrent()) {
            throw new YieldOutsideGeneratorException(describe());
        }
        assert state() == State.RUNNING;
    }

    // ------------------------------------------------------------ the driver's side

    /** Claims the generator for the calling thread: CREATED or SUSPENDED -> RUNNING. */
    default void enter() {
        for (;;) {
            State s = state();
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
     * method call per level, not a nested coroutine, so a chain of delegations costs a few
     * small frames per level and deep chains do not overflow the stack.
     */
    default Y step(Object value, Throwable thrown) {
        assert state() == State.RUNNING;
        Generator<?, ?, ?> sub = delegate();
        if (sub != null) {
            try {
                Y y = forward(sub, value, thrown);
                state(State.SUSPENDED);
                return y;
            } catch (StopIteration done) {
                value = done.value();
                thrown = null;
            } catch (Throwable raised) {
                value = null;
                thrown = raised;
            }
            delegate(null);
        }
        transfer(value);
        pendingThrow(thrown);
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
                Throwable f = pendingThrow();
                Object r = transfer();
                release();
                state(State.CLOSED);
                if (f != null) {
                    throw Sneaky.<RuntimeException>rethrow(f);
                }
                throw new StopIteration(r);
            }
            Generator<?, ?, ?> sub = delegate();
            if (sub == null) {
                Y y = (Y) transfer();
                transfer(null);
                state(State.SUSPENDED);
                return y;
            }
            // The body entered yieldFrom(sub): start sub here, not nested inside the body.
            try {
                Y y = (Y) sub.next();
                state(State.SUSPENDED);
                return y;
            } catch (StopIteration done) {
                transfer(done.value());
            } catch (Throwable raised) {
                pendingThrow(raised);
            }
            delegate(null);
        }
    }

    /** Keeps a value fetched ahead by {@link Generator#hasNext()}. Only while SUSPENDED. */
    default void keepPeeked(Object value) {
        transfer(value);
        hasPeeked(true);
    }

    /** Hands out the value {@link Generator#hasNext()} fetched ahead. */
    @SuppressWarnings("unchecked")
    default Y takePeeked() {
        Y y = (Y) transfer();
        dropPeeked();
        return y;
    }

    default void dropPeeked() {
        transfer(null);
        hasPeeked(false);
    }

    /** Lets go of everything the body referenced, so a finished generator retains nothing. */
    default void release() {
        body(null);
        delegate(null);
        pendingThrow(null);
        dropPeeked();
    }
}
