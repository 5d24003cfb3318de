package dev.frontier.core;

import dev.frontier.core.Generator.State;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The one place Frontier touches {@code jdk.internal.vm.Continuation}: a generator's {@link Core}
 * as a one-shot delimited continuation. Loaded only when {@code java.base} exports
 * {@code jdk.internal.vm} to Frontier (see {@link Cores}); otherwise {@link ThreadCore} stands in
 * and this class is never touched, since loading it would fail the superclass access check.
 *
 * <p>Why the JDK-internal class: it is the machinery virtual threads are built on, it captures
 * and restores real Java frames on the resuming thread (so a generator body is ordinary code, with
 * locals, loops and {@code try/finally} living across a yield), it needs no thread per generator,
 * and an abandoned suspended continuation is plain garbage. Its cost is one flag at run time:
 * {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} (or {@code =dev.frontier.core} on
 * the module path, or {@code Add-Exports: java.base/jdk.internal.vm} in an executable jar's
 * manifest), and at Frontier's own compile time.
 *
 * <p>The contract used here, and nothing more:
 * <ul>
 *   <li>{@link #resume()} runs the body until it returns or calls {@link #suspendBody()}; it
 *       returns {@code true} when the body has finished.</li>
 *   <li>{@link #suspendBody()} freezes the frames up to the innermost running continuation of
 *       {@link #SCOPE}. A generator resumed from inside another one nests; suspending the inner
 *       returns to the outer one's {@code resume()} call.</li>
 *   <li>{@link #isCurrent()} tells whether this continuation is the innermost one running on the
 *       current thread, which is how a yield made from the wrong place is detected.</li>
 *   <li>A yield that cannot freeze the stack (a native frame or a critical section below it) is
 *       reported by {@link #onPinned} as a {@link GeneratorPinnedException} thrown at the
 *       yield. On JDK 24+ a held {@code synchronized} monitor does <em>not</em> pin; see
 *       {@link Generator} for the rule that follows from that.</li>
 * </ul>
 *
 * <p>Footprint is the point of the layout (a process may hold a suspended generator per actor):
 * this one object is the continuation, the body's {@link Yielder} and the holder of every field
 * (described in {@link Core}); {@code state} and {@code hasPeeked} sit in {@code Continuation}'s
 * padding. The body is {@link Core#runBody()}, not a {@code Runnable} passed in: every
 * continuation shares one entry point, {@link #ENTRY}, which finds the continuation being started
 * and calls it. That saves an object per generator and keeps the entry's call site the same for
 * every generator, so the JIT can inline a body into it. Figures: {@code docs/benchmarks.md}.
 *
 * <p><b>Note:</b> this class is not threadsafe beyond {@code state}; {@link Generator} guarantees
 * that one thread at a time resumes it.
 */
final class ContinuationCore<Y, S, R> extends Continuation implements Core<Y, S, R> {

    /** One scope for all generators, so nesting follows the call stack. */
    static final ContinuationScope SCOPE = new ContinuationScope("frontier-generator");

    /**
     * The target of every continuation. On the first {@code run()} the continuation being started
     * is the current one of {@link #SCOPE} on this thread, so it is found without a field.
     */
    private static final Runnable ENTRY = () -> ((ContinuationCore<?, ?, ?>) getCurrentContinuation(SCOPE)).runBody();

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ContinuationCore.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile State state = State.CREATED;
    private Object body;
    private Object transfer;
    private Throwable pendingThrow;
    private Generator<?, ?, ?> delegate;
    private boolean hasPeeked;

    /** {@code body}: a {@link GeneratorFunction} or a {@link GeneratorProcedure}. */
    ContinuationCore(Object body) {
        super(SCOPE, ENTRY);
        this.body = body;
    }

    // ------------------------------------------------------------ the mechanism

    @Override
    public boolean resume() {
        run();
        return isDone();
    }

    @Override
    public void suspendBody() {
        Continuation.yield(SCOPE);
    }

    @Override
    public boolean isCurrent() {
        return Continuation.getCurrentContinuation(SCOPE) == this;
    }

    @Override
    protected void onPinned(Continuation.Pinned reason) {
        throw new GeneratorPinnedException(reason.toString());
    }

    // ------------------------------------------------------------ the fields

    @Override
    public State state() {
        return state;
    }

    @Override
    public void state(State next) {
        // A release store, not a volatile one: the state is a lock (taken by compare-and-set in
        // enter(), given back here by the thread that holds it), and giving a lock back needs only
        // to publish what was written while it was held. No thread writes a flag and then reads the
        // state expecting the holder to see that flag (a Dekker pattern), which is what the full
        // fence of a volatile store would add; dropping it saves 3-15% of a generator ping-pong
        // message (docs/benchmarks.md, TwoBuilds).
        STATE.setRelease(this, next);
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
