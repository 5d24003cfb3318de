package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorOptions.Overflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every mode under concurrent producers, stop/spawn churn, delayed sends and a shutdown that races
 * all of them, with exact accounting: every message sent is delivered or a dead letter, none twice,
 * each receiver sees each sender's messages in order, and no thread is left after shutdown.
 *
 * <p>Each mode runs for {@code frontier.stress.seconds} (default 0.5, so CI spends about two
 * seconds here) in rounds of at most 250 ms, one system per round, so each run has several
 * shutdown races. For a soak: {@code mvn -o -pl actors-core,scheduler test -Dtest=StressTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfrontier.stress.seconds=60}; add
 * {@code -Dfrontier.stress.modes=THREAD_PER_ACTOR_VIRTUAL} (a comma list) for some modes only, and
 * {@code -Dfrontier.stress.maxSpawns=100000000} for a churn as fast as the spawning thread (with the
 * flag only: without it the pending generators fill the heap).
 */
@Timeout(300)
class StressTest {

    static final double SECONDS = Double.parseDouble(System.getProperty("frontier.stress.seconds", "0.5"));
    static final long ROUND_NANOS = 250_000_000L;
    static final int PRODUCERS = 3;
    static final int RECEIVERS = 4;
    /** Producers back off while this many messages are neither delivered nor dead letters (heap bound). */
    static final long MAX_IN_FLIGHT = 50_000;
    /**
     * The churn thread backs off while this many of its spawns have not terminated (heap bound):
     * spawn and stop from another thread are commands to the scheduler, and a thread that loops on
     * them outruns a scheduler that must close a generator per stop (on the thread fallback a
     * generator is a virtual thread), so without a bound the pending actors fill the heap.
     */
    static final int MAX_UNTERMINATED_SPAWNS = Integer.getInteger("frontier.stress.maxSpawns", 256);
    /** For a soak of some modes only: {@code -Dfrontier.stress.modes=THREAD_PER_ACTOR_VIRTUAL,...}. */
    static final String MODES = System.getProperty("frontier.stress.modes", "");

    enum Mode {
        /** The test thread drives {@code runOnce()} and calls {@code shutdown()} itself. */
        DEQUE_HAND_DRIVEN,
        DEQUE_STARTED,
        THREAD_PER_ACTOR_VIRTUAL,
        THREAD_PER_ACTOR_PLATFORM;

        AbstractActorSystem create() {
            ActorSystemOptions o = ActorSystemOptions.defaults().withShutdownTimeout(Duration.ofSeconds(30));
            return switch (this) {
                case DEQUE_HAND_DRIVEN, DEQUE_STARTED -> DequeScheduler.create(o);
                case THREAD_PER_ACTOR_VIRTUAL -> ThreadPerActorSystem.create(o.withVirtualThreads(true));
                case THREAD_PER_ACTOR_PLATFORM -> ThreadPerActorSystem.create(o.withVirtualThreads(false));
            };
        }

        boolean threadPerActor() {
            return this == THREAD_PER_ACTOR_VIRTUAL || this == THREAD_PER_ACTOR_PLATFORM;
        }
    }

    /** Message {@code seq} of sender {@code sender}; each sender numbers its messages 0, 1, 2, ... */
    record Msg(int sender, long seq) {
    }

    /** What the receivers saw, across every incarnation. */
    static final class Ledger {
        final BitSet[] seen;
        final LongAdder delivered = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder reordered = new LongAdder();

        Ledger(int senders) {
            seen = new BitSet[senders];
            for (int i = 0; i < senders; i++) {
                seen[i] = new BitSet();
            }
        }

        /** One incarnation took {@code m}; {@code last} is that incarnation's last seq per sender. */
        void record(Msg m, long[] last) {
            if (m.seq() <= last[m.sender()]) {
                reordered.increment();
            }
            last[m.sender()] = m.seq();
            BitSet b = seen[m.sender()];
            synchronized (b) {
                if (b.get((int) m.seq())) {
                    duplicates.increment();
                }
                b.set((int) m.seq());
            }
            delivered.increment();
        }
    }

    /** One round's world: a system, its ledger, and the threads its actors ran on. */
    static final class Round {
        final Mode mode;
        final AbstractActorSystem system;
        /** Senders: the producers, the test thread, then the churn thread's delayed sends. */
        final Ledger ledger = new Ledger(PRODUCERS + 2);
        final Set<Thread> actorThreads = ConcurrentHashMap.newKeySet();
        final LongAdder sent = new LongAdder();
        final AtomicBoolean over = new AtomicBoolean();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final Semaphore spawns = new Semaphore(MAX_UNTERMINATED_SPAWNS);

        Round(Mode mode) {
            this.mode = mode;
            this.system = mode.create();
        }

        /**
         * Receiver {@code i}: a generator actor or a handler, with an unbounded or a bounded
         * back-pressure mailbox, by {@code i % 4}.
         */
        void spawnReceiver(int i) {
            awaitSpawnRoom();
            String name = "r-" + i;
            long[] last = new long[PRODUCERS + 2];
            java.util.Arrays.fill(last, -1);
            ActorOptions options = i % 4 >= 2
                    ? ActorOptions.defaults().withMailbox(256, Overflow.BACK_PRESSURE).withBlockTimeout(Duration.ofSeconds(60))
                    : ActorOptions.defaults();
            ActorRef<Msg> ref;
            try {
                if (i % 2 == 0) {
                    ref = system.<Msg>spawn(name, options, ctx -> {
                        noteThread();
                        while (true) {
                            ledger.record(ctx.receive(), last);
                        }
                    });
                } else {
                    ref = system.<Msg>spawnHandler(name, options, (ctx, m) -> {
                        noteThread();
                        ledger.record(m, last);
                    });
                }
            } catch (RuntimeException refused) {
                spawns.release();
                throw refused;
            }
            ref.termination().whenComplete((v, e) -> spawns.release());
        }

        /** Waits until fewer than {@link #MAX_UNTERMINATED_SPAWNS} spawns are alive, or the round is over. */
        void awaitSpawnRoom() {
            try {
                while (!spawns.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    if (over.get()) {
                        throw new IllegalStateException("the round is over");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void noteThread() {
            if (mode.threadPerActor()) {
                actorThreads.add(Thread.currentThread());
            }
        }

        /** Sends as sender {@code id} until the round is over; backs off while too much is in flight. */
        void produce(int id, long untilNanos) {
            long seq = 0;
            while (!over.get() && (untilNanos == 0 || System.nanoTime() - untilNanos < 0)) {
                while (inFlight() > MAX_IN_FLIGHT && !over.get()) {
                    Thread.yield();
                }
                system.send("r-" + (seq % RECEIVERS), new Msg(id, seq));
                sent.increment();
                seq++;
            }
        }

        long inFlight() {
            return sent.sum() - ledger.delivered.sum() - system.deadLetters().count();
        }

        /** Stops and respawns receivers, spawns and stops short-lived actors, and sends delayed messages. */
        void churn() {
            int delayedSender = PRODUCERS + 1;
            long delayedSeq = 0;
            for (long k = 0; !over.get(); k++) {
                int i = (int) (k % RECEIVERS);
                try {
                    if (system.stop("r-" + i)) {
                        spawnReceiver(i);
                    }
                    awaitSpawnRoom();
                    ActorRef<Object> shortLived;
                    try {
                        shortLived = system.spawnHandler("short-lived", (ctx, m) -> { });
                    } catch (RuntimeException refused) {
                        spawns.release();
                        throw refused;
                    }
                    shortLived.termination().whenComplete((v, e) -> spawns.release());
                    system.stop("short-lived");
                } catch (IllegalStateException shutDown) {
                    // spawn after shutdown began: refused, as it must be
                }
                if (k % 4 == 0) {
                    system.sendAfter(Duration.ofMillis(1), "r-" + i, new Msg(delayedSender, delayedSeq++));
                    sent.increment();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyMessageIsDeliveredOrADeadLetterAndNoThreadIsLeft(Mode mode) throws Exception {
        assumeTrue(StressRounds.selected(mode), "not in " + MODES);
        Set<Thread> before = frontierThreads();
        long end = System.nanoTime() + (long) (SECONDS * 1e9);
        int rounds = 0;
        long total = 0;
        do {
            total += round(mode, rounds, Math.min(ROUND_NANOS, Math.max(1, end - System.nanoTime())));
            rounds++;
        } while (System.nanoTime() - end < 0);
        Set<Thread> left = frontierThreads();
        left.removeAll(before);
        for (Thread t : left) {
            t.join(10_000);
        }
        left.removeIf(t -> !t.isAlive());
        assertEquals(Set.of(), left, "threads left after " + rounds + " rounds");
        assertTrue(total > 0, "nothing was sent");
    }

    /** One system's life: producers, churn and a shutdown racing them. Returns how many messages were sent. */
    private long round(Mode mode, int index, long nanos) throws Exception {
        Round r = new Round(mode);
        // started deque scheduler: every other round spawns its first receivers before start(), so
        // their bodies begin on the test thread and go on on frontier-scheduler (MigratedBodyTest)
        boolean startFirst = mode == Mode.DEQUE_STARTED && index % 2 == 0;
        if (startFirst) {
            ((DequeScheduler) r.system).start();
        }
        for (int i = 0; i < RECEIVERS; i++) {
            r.spawnReceiver(i);
        }
        if (mode == Mode.DEQUE_STARTED && !startFirst) {
            ((DequeScheduler) r.system).start();
        }
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int id = p;
            threads.add(StressRounds.start("producer-" + p, r.error, () -> r.produce(id, 0)));
        }
        threads.add(StressRounds.start("churn", r.error, r::churn));
        long until = System.nanoTime() + nanos;
        if (mode == Mode.DEQUE_HAND_DRIVEN) {
            DequeScheduler s = (DequeScheduler) r.system;
            while (System.nanoTime() - until < 0) {
                s.runOnce();
            }
        } else {
            r.produce(PRODUCERS, until); // the test thread is a producer too
        }
        r.system.shutdown(); // races the producers, the churn and the timers
        r.over.set(true);
        for (Thread t : threads) {
            t.join(60_000);
            assertFalse(t.isAlive(), () -> t.getName() + " is stuck at " + java.util.Arrays.toString(t.getStackTrace()));
        }
        assertTrue(r.system.awaitTermination(Duration.ofSeconds(30)), mode + ": terminated");
        for (Thread t : r.actorThreads) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " leaked");
        }

        assertNull(r.error.get(), mode + ": something was thrown at a sender");
        assertEquals(0, r.ledger.duplicates.sum(), mode + ": duplicates");
        assertEquals(0, r.ledger.reordered.sum(), mode + ": a sender's messages out of order");
        long sent = r.sent.sum();
        long delivered = r.ledger.delivered.sum();
        long dead = r.system.deadLetters().count();
        assertEquals(sent, delivered + dead, mode + ": sent = delivered " + delivered + " + dead letters " + dead);
        assertEquals(0, r.system.failureCount(), mode + ": failures");
        return sent;
    }

    /** Live platform threads Frontier starts: the deque scheduler's, actors' and the timer thread. */
    static Set<Thread> frontierThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && (n.equals("frontier-scheduler") || n.startsWith("actor-") || n.equals("frontier-timers"))) {
                out.add(t);
            }
        }
        return out;
    }
}
