package dev.frontier.scheduler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A future that an actor system's host thread completes (an {@code ask}'s reply, a {@code sleep}):
 * its blocking methods refuse, with a {@link dev.frontier.actor.BlockingWaitException} that says
 * why and what to do, to wait on the very thread that would have to complete it. Everything else
 * is an ordinary {@link CompletableFuture}; stages made from it are plain ones.
 */
final class HostFuture<T> extends CompletableFuture<T> {

    private final AbstractActorSystem system;
    /** What it stands for, for the error: {@code ask 'bank'}. */
    private final String what;
    /** The actor that must answer (an ask's target), or null. */
    private final ActorCell<?> answerer;

    HostFuture(AbstractActorSystem system, String what, ActorCell<?> answerer) {
        this.system = system;
        this.what = what;
        this.answerer = answerer;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            system.refuseBlockingWait(what, "get()", answerer);
        }
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone()) {
            system.refuseBlockingWait(what, "get(timeout)", answerer);
        }
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        if (!isDone()) {
            system.refuseBlockingWait(what, "join()", answerer);
        }
        return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
