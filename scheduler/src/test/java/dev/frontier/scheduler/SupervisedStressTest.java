package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorOptions.Overflow;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.Strategy;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.scheduler.StressTest.Ledger;
import dev.frontier.scheduler.StressTest.Msg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import dev.frontier.scheduler.StressRounds.ThreadedMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restarts under concurrent producers, with exact accounting: four supervised children (generator
 * and handler, unbounded and back-pressure mailboxes) crash on every 97th message of each sender,
 * are restarted (one for one, one for all or rest for one: each strategy in turn) while producer
 * threads keep sending to them by name, and a shutdown races it all. The message a child crashed on was handled (it is recorded before the crash) and
 * is not delivered again; the messages that waited through a restart are delivered to the next
 * incarnation in order or are dead letters at the end. So: delivered + dead letters = sent, no
 * duplicate, no sender's messages out of order across incarnations, one failure per crash.
 *
 * <p>Runs {@code frontier.stress.seconds} per mode (default 0.5), split among the strategies, in
 * rounds of at most 250 ms, as {@link StressTest} does, and takes its {@code frontier.stress.modes}.
 */
@Timeout(300)
class SupervisedStressTest {

    static final int PRODUCERS = 3;
    static final String[] CHILDREN = {"g", "gb", "h", "hb"};
    static final int CRASH_EVERY = 97;

    static Stream<Arguments> modesAndStrategies() {
        return Stream.of(ThreadedMode.values()).flatMap(m -> Stream.of(Strategy.values()).map(s -> Arguments.of(m, s)));
    }

    @ParameterizedTest
    @MethodSource("modesAndStrategies")
    void restartsUnderConcurrentSendersLoseNothing(ThreadedMode mode, Strategy strategy) throws Exception {
        assumeTrue(mode.selected(), "not in " + StressTest.MODES);
        long end = System.nanoTime() + (long) (StressTest.SECONDS * 1e9 / Strategy.values().length);
        long total = 0;
        do {
            total += round(mode, strategy, Math.min(StressTest.ROUND_NANOS, Math.max(1, end - System.nanoTime())));
        } while (System.nanoTime() - end < 0);
        assertTrue(total > 0, "nothing was sent");
    }

    /** One system's life; returns how many messages were sent. */
    private long round(ThreadedMode mode, Strategy strategy, long nanos) throws Exception {
        Ledger ledger = new Ledger(PRODUCERS);
        LongAdder sent = new LongAdder();
        LongAdder dead = new LongAdder();
        LongAdder crashes = new LongAdder();
        ConcurrentLinkedQueue<ActorFailure> others = new ConcurrentLinkedQueue<>();
        AbstractActorSystem system = mode.create(ActorSystemOptions.defaults()
                .withShutdownTimeout(Duration.ofSeconds(30))
                .withErrorHandler(failure -> {
                    if (!(failure.cause() instanceof IllegalStateException e && e.getMessage().startsWith("crash at"))) {
                        others.add(failure);
                    }
                })
                .withDeadLetterListener(l -> {
                    if (l.message() instanceof Msg) {
                        dead.increment(); // children's exits told to a supervisor that has gone are dead letters too
                    }
                }));
        SupervisorSpec spec = SupervisorSpec.of(strategy).withIntensity(1_000_000, Duration.ofSeconds(1));
        for (String name : CHILDREN) {
            spec = spec.child(child(name, ledger, crashes));
        }
        system.spawnSupervisor("sup", spec);
        ThreadedMode.start(system);
        AtomicBoolean over = new AtomicBoolean();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int id = p;
            producers.add(StressRounds.start("producer-" + p, error, () -> {
                for (long seq = 0; !over.get(); seq++) {
                    while (sent.sum() - ledger.delivered.sum() - dead.sum() > StressTest.MAX_IN_FLIGHT && !over.get()) {
                        Thread.yield();
                    }
                    // each child gets every 4th message of each sender, in order
                    system.send(CHILDREN[(int) (seq % CHILDREN.length)], new Msg(id, seq));
                    sent.increment();
                }
            }));
        }
        StressRounds.shutDownWhileRacing(system, nanos, over, producers, mode + ", " + strategy);

        assertNull(error.get(), mode + ": something was thrown at a sender");
        assertEquals(0, ledger.duplicates.sum(), mode + ": duplicates (a crash's message delivered again?)");
        assertEquals(0, ledger.reordered.sum(), mode + ": a sender's messages out of order across a restart");
        assertEquals(List.of(), List.copyOf(others), mode + ", " + strategy + ": failures other than the crashes");
        assertEquals(crashes.sum(), system.failureCount(), mode + ", " + strategy + ": one failure per crash");
        long delivered = ledger.delivered.sum();
        assertEquals(sent.sum(), delivered + dead.sum(), mode + ": sent = delivered " + delivered + " + dead letters "
                + dead.sum() + " (" + crashes.sum() + " crashes)");
        return sent.sum();
    }

    /** Child {@code name}: a generator ("g...") or a handler ("h..."), back-pressure mailbox of 64 if "...b". */
    private static ChildSpec<Msg> child(String name, Ledger ledger, LongAdder crashes) {
        // one per child for all its incarnations: order must hold across restarts too
        long[] last = new long[PRODUCERS];
        Arrays.fill(last, -1);
        ActorOptions options = name.endsWith("b")
                ? ActorOptions.defaults().withMailbox(64, Overflow.BACK_PRESSURE).withBlockTimeout(Duration.ofSeconds(60))
                : ActorOptions.defaults();
        ChildSpec<Msg> spec = name.startsWith("g")
                ? ChildSpec.<Msg>generator(name, () -> ctx -> {
                    while (true) {
                        take(ctx.receive(), ledger, last, crashes);
                    }
                })
                : ChildSpec.<Msg>handler(name, () -> (ctx, m) -> take(m, ledger, last, crashes));
        return spec.withOptions(options);
    }

    /** Records {@code m}, then crashes on every {@link #CRASH_EVERY}th. */
    private static void take(Msg m, Ledger ledger, long[] last, LongAdder crashes) {
        ledger.record(m, last);
        if (m.seq() % CRASH_EVERY == 0) {
            crashes.increment();
            throw new IllegalStateException("crash at " + m);
        }
    }
}
