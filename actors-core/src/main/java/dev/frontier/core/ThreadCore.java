package dev.frontier.core;

import dev.frontier.core.Generator.State;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A generator's {@link Core} on public API only, for when {@code jdk.internal.vm} is not exported
 * to Frontier (see {@link Cores}): the body runs on a virtual thread of its own, and control is
 * handed back and forth so that exactly one of the two runs at a time.
 *
 * <p><b>The hand-off.</b> {@code resume()} records the calling thread as the resumer, gives the
 * turn to the body (starting its thread the first time, unparking it after that) and parks until
 * the turn comes back. The body's {@code suspendBody()} (a yield) gives the turn back, unparks the
 * resumer and parks until the next resume. {@code turn} is the only synchronization: every other
 * field is written by one side before it hands the turn over with a volatile write and read by the
 * other after it has seen that write. A resumer blocked in {@code resume()} is just a thread
 * blocked in a call, so everything {@link Generator} promises (states, "generator already
 * executing", nesting: a body that resumes another generator blocks its own thread the same way)
 * holds as with continuations.
 *
 * <p><b>What the body sees.</b> The body runs on its own thread, so {@code Thread.currentThread()},
 * thread locals and scoped values inside the body are that thread's, not the resumer's. To keep
 * logs reading the same, the body's thread takes the resumer's name at each resume, and the SLF4J
 * MDC is copied to the body at each resume and back at each yield (so an actor's log lines still
 * name the actor). The interrupt status belongs to the logical thread: an
 * interrupt pending on the resumer moves to the body at a resume, an interrupt of the resumer while
 * it waits is delivered to the body, and one the body has not consumed moves back at the yield.
 * A monitor held across a yield belongs to the body's thread, so the resumer cannot enter it
 * (with continuations it could, when the same thread resumes).
 *
 * <p><b>A dropped generator.</b> A parked virtual thread is not garbage: the JDK keeps every
 * virtual thread reachable for thread dumps ({@code jdk.trackAllThreads}, on by default), and a
 * suspended body is a parked thread. So each handle is registered with a {@link Cleaner}: when a
 * suspended generator's handle is collected, its body is resumed once more, on its own thread, with
 * a {@link GeneratorExit} at the yield, as Python closes a collected generator. Its
 * {@code finally} blocks run (with continuations they never run for a dropped generator) and the
 * thread ends. The body's thread does not reference the handle, so holding a suspended body does
 * not keep its handle alive. A failure while closing is logged at WARN; a body that yields again
 * instead of finishing is logged at WARN and keeps its thread, parked, for the life of the JVM.
 *
 * <p>Figures (round trip against the continuation core): {@code docs/benchmarks.md}.
 */
final class ThreadCore<Y, S, R> implements Core<Y, S, R> {

    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

    /** Closes the bodies of collected handles; its thread is a daemon. */
    private static final Cleaner CLEANER = Cleaner.create();

    /*
     * Turns. Transitions:
     *
     *   DRIVER       -> BODY          resume() hands over (or the cleaner, to close a dropped body)
     *   BODY         -> INTERRUPTING  the waiting resumer was interrupted and delivers it to the body
     *   INTERRUPTING -> BODY          delivered
     *   BODY         -> HANDING       the body yields or finishes: no interrupt is delivered now
     *   HANDING      -> DRIVER        the body's own interrupt status is recorded; handed back
     */
    private static final int DRIVER = 0;
    private static final int BODY = 1;
    private static final int INTERRUPTING = 2;
    private static final int HANDING = 3;

    private static final VarHandle STATE;
    private static final VarHandle TURN;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(ThreadCore.class, "state", State.class);
            TURN = lookup.findVarHandle(ThreadCore.class, "turn", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // The generator's fields (described in Core).
    private volatile State state = State.CREATED;
    private Object body;
    private Object transfer;
    private Throwable pendingThrow;
    private Generator<?, ?, ?> delegate;
    private boolean hasPeeked;

    // The hand-off.
    /** Whose turn it is: see the transitions above. */
    private volatile int turn = DRIVER;
    /** The body's thread: started by the first resume(), null once the body has finished. */
    private Thread thread;
    /** The thread blocked in resume(), which the body hands the turn back to. */
    private Thread resumer;
    /** The body has returned or thrown (its outcome is in transfer/pendingThrow). */
    private boolean finished;
    /** An interrupt status crossing the hand-off, in either direction. */
    private boolean interruptCarried;
    /** The SLF4J MDC crossing the hand-off, in either direction (null: empty). */
    private Map<String, String> mdcCarried;
    /** The handle was collected while suspended: the body is closing with nobody to hand back to. */
    private boolean abandoned;

    private ThreadCore(Object body) {
        this.body = body;
    }

    /** A generator handle on a new thread core, registered to close its body when collected. */
    static <Y, S, R> Generator<Y, S, R> handle(Object body) {
        ThreadCore<Y, S, R> core = new ThreadCore<>(body);
        Generator<Y, S, R> handle = new Generator<>(core);
        CLEANER.register(handle, core::abandon);
        return handle;
    }

    // ------------------------------------------------------------ the mechanism

    @Override
    public boolean resume() {
        Thread me = Thread.currentThread();
        resumer = me;
        interruptCarried = Thread.interrupted();
        mdcCarried = MDC.getCopyOfContextMap();
        Thread t = thread;
        if (t == null) {
            t = Thread.ofVirtual().name(me.getName()).unstarted(this::runThread);
            thread = t;
            turn = BODY;
            t.start();
        } else {
            String name = me.getName();
            if (!name.equals(t.getName())) {
                t.setName(name);
            }
            turn = BODY;
            LockSupport.unpark(t);
        }
        boolean interrupted = false;
        while (turn != DRIVER) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                if (TURN.compareAndSet(this, BODY, INTERRUPTING)) {
                    t.interrupt();
                    turn = BODY;
                } else {
                    interrupted = true; // the body is handing back: the interrupt stays here
                }
            }
        }
        resumer = null;
        setMdc(mdcCarried);
        mdcCarried = null;
        if (finished) {
            thread = null; // the body's thread ends on its own: it has nothing left to run
        }
        if (interruptCarried || interrupted) {
            interruptCarried = false;
            me.interrupt();
        }
        return finished;
    }

    @Override
    public void suspendBody() {
        if (abandoned) {
            // Closing a dropped generator, and the body yielded instead of finishing.
            LOG.warn("{} was dropped while suspended and ignored GeneratorExit when closed; its thread stays parked",
                    describe());
            for (;;) {
                LockSupport.park(this);
            }
        }
        handBack();
        awaitTurn();
    }

    @Override
    public boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** The body's thread: runs the body once, then hands back for the last time. */
    private void runThread() {
        takeTurn();
        try {
            runBody();
        } finally {
            finished = true;
            if (abandoned) {
                closeAbandoned();
            } else {
                handBack();
            }
        }
    }

    /** Gives the turn to the resumer. On the body's thread, while it holds the turn. */
    private void handBack() {
        while (!TURN.compareAndSet(this, BODY, HANDING)) {
            Thread.onSpinWait(); // the resumer is delivering an interrupt
        }
        Thread r = resumer; // read before the turn passes: the resumer clears it once it has the turn
        interruptCarried = Thread.interrupted();
        mdcCarried = MDC.getCopyOfContextMap();
        turn = DRIVER;
        LockSupport.unpark(r);
    }

    /** Parks the body's thread until a resume gives it the turn. */
    private void awaitTurn() {
        while (turn != BODY) {
            LockSupport.park(this);
            Thread.interrupted(); // no interrupt is delivered to a suspended body (see handBack)
        }
        takeTurn();
    }

    private void takeTurn() {
        setMdc(mdcCarried);
        mdcCarried = null;
        if (interruptCarried) {
            interruptCarried = false;
            Thread.currentThread().interrupt();
        }
    }

    private static void setMdc(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    // ------------------------------------------------------------ a dropped generator

    /**
     * The cleaner's action once the handle is unreachable. Nobody can resume the generator any
     * more, so a suspended body is closed on its own thread without waiting for it here (the
     * cleaner's thread must not run user code). Must not reference the handle.
     */
    private void abandon() {
        if (!claim(State.SUSPENDED, State.RUNNING)) {
            return; // never started (no thread), or already finished
        }
        abandoned = true;
        dropPeeked();
        delegate = null; // a sub-generator's handle is closed by its own cleaner once unreachable
        pendingThrow = new GeneratorExit();
        Thread t = thread;
        turn = BODY;
        LockSupport.unpark(t);
    }

    /** The end of a dropped generator's body, on its thread. */
    private void closeAbandoned() {
        Throwable failure = pendingThrow;
        release();
        thread = null;
        state = State.CLOSED;
        if (failure != null && (!(failure instanceof GeneratorExit) || failure.getSuppressed().length > 0)) {
            LOG.warn("{} was dropped while suspended and failed while it was closed", describe(), failure);
        }
    }

    // ------------------------------------------------------------ the fields

    @Override
    public State state() {
        return state;
    }

    @Override
    public void state(State next) {
        state = next;
    }

    @Override
    public boolean claim(State expected, State next) {
        return STATE.compareAndSet(this, expected, next);
    }

    @Override
    public Object body() {
        return body;
    }

    @Override
    public void body(Object body) {
        this.body = body;
    }

    @Override
    public Object transfer() {
        return transfer;
    }

    @Override
    public void transfer(Object value) {
        transfer = value;
    }

    @Override
    public Throwable pendingThrow() {
        return pendingThrow;
    }

    @Override
    public void pendingThrow(Throwable t) {
        pendingThrow = t;
    }

    @Override
    public Generator<?, ?, ?> delegate() {
        return delegate;
    }

    @Override
    public void delegate(Generator<?, ?, ?> sub) {
        delegate = sub;
    }

    @Override
    public boolean hasPeeked() {
        return hasPeeked;
    }

    @Override
    public void hasPeeked(boolean peeked) {
        hasPeeked = peeked;
    }
}
