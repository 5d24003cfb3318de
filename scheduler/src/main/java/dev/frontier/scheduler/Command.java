package dev.frontier.scheduler;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A piece of work for a host thread: run as an actor ({@code actor} is the current actor and its
 * identity the MDC's while it runs) or as no actor. Settled once: it runs, or it is rejected
 * because it reached a closed {@link Inbox} too late; the thread that submitted it learns which.
 */
final class Command extends AtomicInteger implements Runnable {
    private static final long serialVersionUID = 1L;

    private static final int PENDING = 0;
    private static final int RAN = 1;
    private static final int REJECTED = 2;

    /** The actor it runs as, or null. */
    final transient ActorCell<?> actor;
    private final transient Runnable work;

    Command(ActorCell<?> actor, Runnable work) {
        this.actor = actor;
        this.work = work;
    }

    /** Runs the work unless already settled. Must only be called from the host thread. */
    @Override
    public void run() {
        if (compareAndSet(PENDING, RAN)) {
            work.run();
        }
    }

    /** It came too late: it will never run. */
    void reject() {
        compareAndSet(PENDING, REJECTED);
    }

    /** Throws at the submitter if the command was rejected. */
    void checkAccepted(String host) {
        if (get() == REJECTED) {
            throw new RejectedExecutionException(host + " is shut down; " + work + " will not run");
        }
    }

    @Override
    public String toString() {
        return actor == null ? work.toString() : work + " as " + actor;
    }
}
