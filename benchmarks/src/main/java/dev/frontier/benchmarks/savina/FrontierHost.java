package dev.frontier.benchmarks.savina;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a Frontier implementation's actors live, and how a run is driven to its end: one
 * {@link DequeScheduler} run by the benchmark thread ({@code run()} returns when there is nothing
 * left to deliver), or one {@link ThreadPerActorSystem} (the benchmark thread waits for every
 * actor's {@code termination()}). One host serves a variant for the whole JVM run, so the JIT
 * sees the same system throughout, as it does Pekko's.
 *
 * <p>After each run: every actor of the run has ended (no live names left), no actor failed and
 * there were no dead letters; otherwise the run fails.
 */
abstract class FrontierHost implements AutoCloseable {

    abstract <M> ActorRef<M> spawn(String name, GeneratorActor<M> body);

    abstract <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler);

    /** Runs until every actor of this run has ended. Benchmark thread only. */
    abstract void complete(Duration timeout) throws Exception;

    abstract dev.frontier.actor.ActorSystem system();

    abstract List<String> liveActors();

    @Override
    public abstract void close();

    private long failuresBefore;
    private long deadLettersBefore;

    /** Before a run. */
    final void begin() {
        failuresBefore = system().failureCount();
        deadLettersBefore = system().deadLetters().count();
    }

    /** After {@link #complete}: the run left nothing behind. */
    final void verifyClean(String bench) {
        long failures = system().failureCount() - failuresBefore;
        long dead = system().deadLetters().count() - deadLettersBefore;
        Check.equal(0, failures, bench + ": actors that failed (see the log)");
        Check.that(dead == 0, bench + ": " + dead + " dead letters, latest " + system().deadLetters().recent());
        List<String> live = liveActors();
        Check.that(live.isEmpty(), bench + ": actors still alive after the run: "
                + (live.size() > 10 ? live.subList(0, 10) + "... (" + live.size() + ")" : live));
    }

    static FrontierHost deque(ActorSystemOptions options) {
        return new Deque(DequeScheduler.create(options));
    }

    static FrontierHost threadPerActor(ActorSystemOptions options) {
        return new ThreadPerActor(ThreadPerActorSystem.create(options));
    }

    /** The deque scheduler, driven by the thread that created it (the benchmark thread). */
    private static final class Deque extends FrontierHost {
        private final DequeScheduler scheduler;

        Deque(DequeScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
            return scheduler.spawn(name, body);
        }

        @Override
        <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
            return scheduler.spawnHandler(name, handler);
        }

        @Override
        void complete(Duration timeout) {
            scheduler.run();
        }

        @Override
        dev.frontier.actor.ActorSystem system() {
            return scheduler;
        }

        @Override
        List<String> liveActors() {
            return scheduler.actorNames();
        }

        @Override
        public void close() {
            scheduler.shutdown();
        }
    }

    /** Thread-per-actor: a run is over when every actor it spawned has terminated. */
    private static final class ThreadPerActor extends FrontierHost {
        private final ThreadPerActorSystem system;
        /** Every actor spawned in the current run; actors spawn actors from their own threads. */
        private final ConcurrentLinkedQueue<ActorRef<?>> spawned = new ConcurrentLinkedQueue<>();

        ThreadPerActor(ThreadPerActorSystem system) {
            this.system = system;
        }

        @Override
        <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
            ActorRef<M> ref = system.spawn(name, body);
            spawned.add(ref);
            return ref;
        }

        @Override
        <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
            ActorRef<M> ref = system.spawnHandler(name, handler);
            spawned.add(ref);
            return ref;
        }

        /**
         * Waits for each spawned actor to terminate. An actor that spawns others does so before
         * it ends, so once the queue is drained every actor of the run has been waited for.
         */
        @Override
        void complete(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (ActorRef<?> ref; (ref = spawned.poll()) != null; ) {
                CompletableFuture<Void> t = ref.termination();
                try {
                    t.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    spawned.clear();
                    throw new Check.Failed("actor '" + ref.name() + "' did not end within " + timeout
                            + "; live actors: " + system.actorNames().size());
                } catch (ExecutionException e) {
                    spawned.clear();
                    throw new Check.Failed("actor '" + ref.name() + "' failed", e.getCause());
                }
            }
        }

        @Override
        dev.frontier.actor.ActorSystem system() {
            return system;
        }

        @Override
        List<String> liveActors() {
            return system.actorNames();
        }

        @Override
        public void close() {
            system.shutdown();
        }
    }
}
