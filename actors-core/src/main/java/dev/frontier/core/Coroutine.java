package dev.frontier.core;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The one place Frontier touches {@code jdk.internal.vm.Continuation}: a one-shot delimited
 * continuation that {@link Generator} drives. Everything else in Frontier uses public API.
 *
 * <p>Why the JDK-internal class: it is the machinery virtual threads are built on, it captures
 * and restores real Java frames (so a generator body is ordinary code, with locals, loops and
 * {@code try/finally} living across a yield), it needs no thread per generator, and an abandoned
 * suspended continuation is plain garbage. Its cost is one flag at compile, test and run time:
 * {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED}.
 *
 * <p>The contract used here, and nothing more:
 * <ul>
 *   <li>{@link #resume()} runs {@link #runBody()} until it returns or calls {@link #suspend()};
 *       it returns {@code true} when the body has finished.</li>
 *   <li>{@link #suspend()} freezes the frames up to the innermost running coroutine of
 *       {@link #SCOPE}. A coroutine resumed from inside another one nests; suspending the inner
 *       returns to the outer one's {@code resume()} call.</li>
 *   <li>{@link #isCurrent()} tells whether this coroutine is the innermost one running on the
 *       current thread, which is how a yield made from the wrong place is detected.</li>
 *   <li>A yield that cannot freeze the stack (a native frame or a critical section below it) is
 *       reported by {@link #onPinned} as a {@link GeneratorPinnedException} thrown at the
 *       yield. On JDK 24+ a held {@code synchronized} monitor does <em>not</em> pin; see
 *       {@link Generator} for the rule that follows from that.</li>
 * </ul>
 *
 * <p>The body is the subclass's {@link #runBody()}, not a {@code Runnable} passed in: every coroutine
 * shares one entry point, {@link #ENTRY}, which finds the coroutine being started and calls it.
 * That saves an object per generator (a suspended generator's footprint is the point of this
 * design), and lets the subclass be the generator's {@link Yielder} at the same time.
 *
 * <p><b>Note:</b> this class is not threadsafe; {@link Generator} guarantees that one thread at a
 * time resumes it.
 */
abstract class Coroutine extends Continuation {

    /** One scope for all generators, so nesting follows the call stack. */
    static final ContinuationScope SCOPE = new ContinuationScope("frontier-generator");

    /**
     * The target of every coroutine. On the first {@code run()} the coroutine being started is the
     * current one of {@link #SCOPE} on this thread, so it is found without a field.
     */
    private static final Runnable ENTRY = () -> ((Coroutine) getCurrentContinuation(SCOPE)).runBody();

    Coroutine() {
        super(SCOPE, ENTRY);
    }

    /** The body: runs inside the coroutine on the first {@link #resume()}. */
    abstract void runBody();

    /** Runs the body to its next suspension; returns {@code true} when the body has finished. */
    boolean resume() {
        run();
        return isDone();
    }

    /** Suspends the innermost running coroutine. Must only be called from inside a body. */
    static void suspend() {
        Continuation.yield(SCOPE);
    }

    /** Whether this coroutine is the innermost one running on the current thread. */
    boolean isCurrent() {
        return Continuation.getCurrentContinuation(SCOPE) == this;
    }

    @Override
    protected void onPinned(Continuation.Pinned reason) {
        throw new GeneratorPinnedException(reason.toString());
    }
}
