package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What the stress tests share: the threaded modes, their racing threads, and a round's racing end. */
final class StressRounds {

    private StressRounds() {
    }

    /** The modes whose actors run on threads of their own (the deque scheduler started). */
    enum ThreadedMode {
        DEQUE_STARTED,
        THREAD_PER_ACTOR_VIRTUAL,
        THREAD_PER_ACTOR_PLATFORM;

        /** A system of this mode; a deque scheduler is not started yet. */
        AbstractActorSystem create(ActorSystemOptions o) {
            return switch (this) {
                case DEQUE_STARTED -> DequeScheduler.create(o);
                case THREAD_PER_ACTOR_VIRTUAL -> ThreadPerActorSystem.create(o.withVirtualThreads(true));
                case THREAD_PER_ACTOR_PLATFORM -> ThreadPerActorSystem.create(o.withVirtualThreads(false));
            };
        }

        /** Starts {@code system}'s scheduler thread, in the deque mode. */
        static void start(AbstractActorSystem system) {
            if (system instanceof DequeScheduler d) {
                d.start();
            }
        }

        boolean selected() {
            return StressRounds.selected(this);
        }
    }

    /** Whether {@code -Dfrontier.stress.modes} leaves {@code mode} in (every mode when it is not set). */
    static boolean selected(Enum<?> mode) {
        return StressTest.MODES.isEmpty() || Arrays.asList(StressTest.MODES.split(",")).contains(mode.name());
    }

    /** Something a stress thread runs. */
    interface Work {
        void run() throws Exception;
    }

    /** Starts a platform thread named {@code name} running {@code work}; what it throws goes to {@code error}. */
    static Thread start(String name, AtomicReference<Throwable> error, Work work) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                error.compareAndSet(null, t);
            }
        });
    }

    /**
     * Lets {@code threads} race for {@code nanos}, shuts {@code system} down while they still go,
     * tells them it is {@code over}, and asserts that each of them ends and the system terminates.
     */
    static void shutDownWhileRacing(AbstractActorSystem system, long nanos, AtomicBoolean over, List<Thread> threads,
                                    Object what) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
        system.shutdown(); // races them all
        over.set(true);
        for (Thread t : threads) {
            t.join(60_000);
            assertFalse(t.isAlive(), () -> what + ": " + t.getName() + " is stuck at " + Arrays.toString(t.getStackTrace()));
        }
        assertTrue(system.awaitTermination(Duration.ofSeconds(30)), what + ": terminated");
    }
}
