package dev.frontier.scheduler;

import java.time.Duration;

/**
 * What the jcstress tests share. A jcstress test hands its racing threads out itself, so a
 * hand-driven {@link DequeScheduler} is made with no scheduler thread ({@link #NOBODY}) and the
 * actor that plays the scheduler thread takes it over with {@link DequeScheduler#transferTo}; the
 * arbiter, which runs after every actor, takes it over last to finish the run. A sender actor is
 * therefore never the scheduler thread: its sends take the cross-thread path, through the inbox.
 */
final class Harness {

    /** A thread that never runs: the scheduler thread of a scheduler nobody has taken over yet. */
    static final Thread NOBODY = new Thread(() -> { }, "no-scheduler-thread-yet");

    /** The message every test sends. */
    static final String M = "m";

    private Harness() {
    }

    /** Quiet options: failures are counted ({@code failureCount()}), not logged. */
    static ActorSystemOptions options() {
        return ActorSystemOptions.defaults().withErrorHandler(failure -> { });
    }

    /** A hand-driven deque scheduler that no thread drives yet. */
    static DequeScheduler handDriven() {
        return handDriven(options());
    }

    static DequeScheduler handDriven(ActorSystemOptions options) {
        DequeScheduler s = DequeScheduler.create(options);
        s.transferTo(NOBODY);
        return s;
    }

    /** The calling thread becomes {@code s}'s scheduler thread. */
    static DequeScheduler drive(DequeScheduler s) {
        s.transferTo(Thread.currentThread());
        return s;
    }

    /** The arbiter's end of a deque test: deliver what is left, shut down, and report whether it terminated. */
    static int finish(DequeScheduler s) {
        drive(s);
        s.run();
        s.shutdown();
        return s.terminationFuture().isDone() ? 1 : 0;
    }

    /** A thread-per-actor system on virtual threads, quiet. */
    static ThreadPerActorSystem threadPerActor() {
        return ThreadPerActorSystem.create(options().withShutdownTimeout(Duration.ofSeconds(30)));
    }

    /** Shuts {@code s} down and waits for it: 1 if it terminated. */
    static int finish(ThreadPerActorSystem s) {
        s.shutdown();
        try {
            return s.awaitTermination(Duration.ofSeconds(30)) ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Runs a spawn racing a shutdown: 1 if it returned, 0 if it was refused as a spawn after
     * shutdown must be ({@code IllegalStateException}), 2 if it threw anything else.
     */
    static int spawnOutcome(Runnable spawn) {
        try {
            spawn.run();
            return 1;
        } catch (IllegalStateException refused) {
            return 0;
        } catch (RuntimeException other) {
            return 2;
        }
    }

    /** Waits up to 10 s for an actor's thread to end (null: none started); 1 if it is still alive. */
    static int stillAlive(Thread t) {
        if (t == null) {
            return 0;
        }
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return t.isAlive() ? 1 : 0;
    }
}
