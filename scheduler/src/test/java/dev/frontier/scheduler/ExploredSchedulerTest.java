package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SPI hook: a deque scheduler whose every step a strategy chooses. */
@Timeout(30)
class ExploredSchedulerTest {

    /** A strategy from a function of the enabled steps; records what it was shown and chose. */
    static final class Scripted implements ScheduleStrategy {
        final Function<List<? extends ScheduleStep>, Integer> pick;
        final List<String> chosen = new ArrayList<>();
        Fault nextFault = Fault.NONE;

        Scripted(Function<List<? extends ScheduleStep>, Integer> pick) {
            this.pick = pick;
        }

        @Override
        public int choose(List<? extends ScheduleStep> enabled) {
            int i = pick.apply(enabled);
            chosen.add(enabled.get(i).describe());
            return i;
        }

        @Override
        public Fault fault(ScheduleStep delivery) {
            Fault f = nextFault;
            nextFault = Fault.NONE;
            return f;
        }
    }

    final ManualClock clock = new ManualClock();
    final List<ActorFailure> failures = new ArrayList<>();

    DequeScheduler explored(ScheduleStrategy strategy) {
        return DequeScheduler.createExplored(ActorSystemOptions.defaults().withClock(clock)
                .withErrorHandler(failures::add), strategy);
    }

    /** Two senders, one receiver: which arrives first is the strategy's choice, both ways. */
    @Test
    void theStrategyChoosesTheOrderOfArrivalsFromDifferentSenders() {
        for (boolean lastFirst : new boolean[] {false, true}) {
            Scripted st = new Scripted(en -> lastFirst ? en.size() - 1 : 0);
            List<String> got = new ArrayList<>();
            try (DequeScheduler s = explored(st)) {
                s.<String>spawnHandler("c", (ctx, m) -> got.add(m));
                s.<String>spawnHandler("a", (ctx, m) -> ctx.send("c", "from a"));
                s.<String>spawnHandler("b", (ctx, m) -> ctx.send("c", "from b"));
                s.send("a", "go");
                s.send("b", "go");
                assertEquals(2, s.pending(), "held in flight, not yet in a mailbox");
                s.run();
            }
            assertEquals(lastFirst ? List.of("from b", "from a") : List.of("from a", "from b"), got);
        }
    }

    /** Whatever a seeded random strategy picks, one sender's messages to one receiver keep their order. */
    @Test
    void perPairOrderIsKeptUnderAnyChoice() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> got = new ArrayList<>();
            try (DequeScheduler s = explored(new Scripted(en -> r.nextInt(en.size())))) {
                s.<String>spawnHandler("sink", (ctx, m) -> got.add(m));
                for (String sender : List.of("x", "y")) {
                    s.<Integer>spawnHandler(sender, (ctx, n) -> {
                        for (int i = 0; i < n; i++) {
                            ctx.send("sink", sender + i);
                        }
                    });
                    s.send(sender, 5);
                }
                s.run();
            }
            assertEquals(10, got.size());
            for (String sender : List.of("x", "y")) {
                List<String> mine = got.stream().filter(m -> m.startsWith(sender)).toList();
                assertEquals(List.of(sender + 0, sender + 1, sender + 2, sender + 3, sender + 4), mine, "seed " + seed);
            }
        }
    }

    /** Keys name channels, turns and timers; the steps come in a fixed order. */
    @Test
    void stepsAreListedWithStableKeys() {
        List<List<String>> shown = new ArrayList<>();
        Scripted st = new Scripted(en -> {
            shown.add(en.stream().map(ScheduleStep::key).toList());
            return 0;
        });
        try (DequeScheduler s = explored(st)) {
            s.<String>spawn("g", ctx -> {
                ctx.receive();
                ctx.sleep(Duration.ofSeconds(5));
                ctx.send("h", "after sleep");
            });
            s.<String>spawnHandler("h", (ctx, m) -> { });
            s.send("g", "one");
            s.send("h", "two");
            s.run();
        }
        assertEquals(List.of("outside->g", "outside->h"), shown.get(0));
        assertTrue(shown.contains(List.of("timer#0")), shown.toString());
        assertTrue(shown.contains(List.of("turn:g")), "the wake-up after sleep is a turn: " + shown);
        assertEquals(List.of("g->h"), shown.get(shown.size() - 1));
        assertEquals(Duration.ofSeconds(5).toNanos(), clock.nanoTime(), "virtual time moved to the timer, no further");
    }

    /** Among timers due together, the strategy picks which fires first. */
    @Test
    void theStrategyChoosesAmongDueTimers() {
        List<String> got = new ArrayList<>();
        Scripted st = new Scripted(en -> en.size() - 1);
        try (DequeScheduler s = explored(st)) {
            s.<String>spawnHandler("sink", (ctx, m) -> got.add(m));
            s.sendAfter(Duration.ofSeconds(1), "sink", "first set");
            s.sendAfter(Duration.ofSeconds(1), "sink", "second set");
            s.run();
        }
        assertEquals(List.of("second set", "first set"), got);
    }

    @Test
    void faultsDropDuplicateDelayAndCrash() {
        Scripted st = new Scripted(en -> 0);
        List<String> got = new ArrayList<>();
        List<String> cleanup = new ArrayList<>();
        try (DequeScheduler s = explored(st)) {
            s.<String>spawn("sink", (ActorContext<String> ctx) -> {
                try {
                    while (true) {
                        got.add(ctx.receive());
                    }
                } finally {
                    cleanup.add("closed");
                }
            });
            s.send("sink", "dropped");
            st.nextFault = Fault.DROP;
            s.runOnce();
            s.send("sink", "twice");
            st.nextFault = Fault.DUPLICATE;
            s.runOnce();
            s.runOnce();
            assertEquals(List.of("twice", "twice"), got);

            List<String> waited = new ArrayList<>();
            s.<String>spawn("waiter", ctx -> {
                waited.add(ctx.receive(Duration.ofMillis(50)).orElse("timed out"));
                waited.add(ctx.receive());
            });
            s.send("waiter", "late");
            st.nextFault = Fault.delay(Duration.ofMillis(100));
            s.runOnce(); // holds the channel: the receive's 50 ms timer fires first
            s.run();
            assertEquals(List.of("timed out", "late"), waited);
            assertEquals(Duration.ofMillis(100).toNanos(), clock.nanoTime());

            var sink = s.lookup("sink").orElseThrow();
            s.send("sink", "fatal");
            IllegalStateException boom = new IllegalStateException("injected");
            st.nextFault = Fault.crash(boom);
            s.runOnce();
            assertFalse(sink.isAlive());
            assertEquals(List.of("closed"), cleanup, "the crashed actor's finally blocks ran");
            assertEquals(1, failures.size());
            assertEquals("fatal", failures.get(0).message(), "the failure names the message it crashed at");
            assertTrue(sink.termination().isCompletedExceptionally());
        }
    }

    @Test
    void misuseIsRefusedClearly() {
        IllegalArgumentException noClock = assertThrows(IllegalArgumentException.class,
                () -> DequeScheduler.createExplored(ActorSystemOptions.defaults(), en -> 0));
        assertTrue(noClock.getMessage().contains("ManualClock"), noClock.getMessage());
        try (DequeScheduler s = explored(en -> 0)) {
            assertThrows(IllegalStateException.class, s::start);
        }
    }

    /** Work from another thread would make the run depend on thread timing: the step fails. */
    @Test
    void aSendFromAnotherThreadFailsTheStep() throws Exception {
        try (DequeScheduler s = explored(en -> 0)) {
            s.<String>spawnHandler("sink", (ctx, m) -> { });
            Thread t = new Thread(() -> s.send("sink", "from elsewhere"));
            t.start();
            t.join();
            IllegalStateException e = assertThrows(IllegalStateException.class, s::run);
            assertTrue(e.getMessage().contains("another thread"), e.getMessage());
        }
    }

    /** Messages still in flight at shutdown are dead letters, as queued ones are. */
    @Test
    void messagesInFlightAtShutdownAreDeadLetters() {
        DequeScheduler s = explored(en -> 0);
        s.<String>spawnHandler("sink", (ctx, m) -> { });
        s.send("sink", "never delivered");
        s.shutdown();
        assertEquals(1, s.deadLetters().count());
        assertEquals("never delivered", s.deadLetters().recent().get(0).message());
    }
}
