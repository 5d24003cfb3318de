package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The stall watchdog: under a manual clock, driven by hand; and against a real block. */
@Timeout(30)
class WatchdogTest {

    /** The watchdog's warnings, with the thread that logged them. */
    final List<ILoggingEvent> warnings = new CopyOnWriteArrayList<>();
    final CountDownLatch firstWarning = new CountDownLatch(1);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing();
            warnings.add(e);
            firstWarning.countDown();
        }
    };
    private final Logger logger = (Logger) LoggerFactory.getLogger(Watchdog.class);

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
    }

    /** The warnings logged on this thread (a manual check), not by the shared watchdog's thread. */
    List<String> mine() {
        String me = Thread.currentThread().getName();
        return warnings.stream().filter(e -> e.getThreadName().equals(me)).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void warnsOnceAtTheThresholdThenWithBackoffAndCountsEachStuckDeliveryOnce() {
        ManualClock clock = new ManualClock();
        Watchdog watchdog = new Watchdog(clock);
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withStallThreshold(Duration.ofSeconds(1)))) {
            watchdog.watch(s);
            List<Integer> warned = new CopyOnWriteArrayList<>();
            s.<String>spawnHandler("sleepy", (ctx, m) -> {
                // the actor "blocks": time passes on the watchdog's clock while its delivery runs
                for (long ms : new long[] {0, 900, 200, 500, 500, 1000, 1000, 2000}) {
                    clock.advance(Duration.ofMillis(ms));
                    warned.add(watchdog.check());
                }
            });
            assertEquals(0, watchdog.check(), "idle: nothing to say");
            s.send("sleepy", "Payment[id=7]");
            s.run();
            // at 0: first look; 0.9 s: under the threshold; 1.1 s: warning 1; 1.6 s: no; 2.1 s: warning 2; 3.1 s: no; 4.1 s: warning 3;
            // 6.1 s: no (next at 8 s)
            assertEquals(List.of(0, 0, 1, 0, 1, 0, 1, 0), warned);
            assertEquals(1, s.stallCount(), "one stuck delivery");
            List<String> lines = mine();
            assertEquals(3, lines.size(), lines.toString());
            assertEquals("scheduler thread '" + Thread.currentThread().getName() + "' blocked for at least 1100 ms (stall threshold "
                    + "1000 ms) by actor 'sleepy' handling Payment[id=7] (its message #1, from outside); warning 1 about this delivery; "
                    + "an actor must not block its thread: use ctx.await(...) for futures and sleeps", lines.get(0));
            assertTrue(lines.get(1).contains("at least 2100 ms") && lines.get(1).contains("warning 2"), lines.get(1));
            assertTrue(lines.get(2).contains("at least 4100 ms") && lines.get(2).contains("warning 3"), lines.get(2));
            ILoggingEvent first = warnings.stream().filter(e -> e.getThreadName().equals(Thread.currentThread().getName())).findFirst().orElseThrow();
            assertEquals(Level.WARN, first.getLevel());
            assertTrue(Arrays.stream(first.getThrowableProxy().getStackTraceElementProxyArray()).map(StackTraceElementProxy::getSTEAsString)
                    .anyMatch(f -> f.contains("WatchdogTest.lambda$")), "the scheduler thread's stack shows the actor's code");
            assertEquals(0, watchdog.check(), "the turn ended");

            s.send("sleepy", "again");
            s.run();
            assertEquals(2, s.stallCount(), "a second stuck delivery counts again");
        }
    }

    @Test
    void aBusySchedulerMakingProgressIsNotStuck() {
        ManualClock clock = new ManualClock();
        Watchdog watchdog = new Watchdog(clock);
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withStallThreshold(Duration.ofSeconds(1)))) {
            watchdog.watch(s);
            List<Integer> warned = new CopyOnWriteArrayList<>();
            s.<Integer>spawnHandler("busy", (ctx, n) -> {
                clock.advance(Duration.ofMillis(600)); // each delivery is slowish, none is stuck
                warned.add(watchdog.check());
                if (n < 10) {
                    ctx.send("busy", n + 1);
                }
            });
            s.send("busy", 0);
            s.run();
            assertEquals(11, warned.size());
            assertTrue(warned.stream().allMatch(w -> w == 0), warned.toString());
            assertEquals(0, s.stallCount());
        }
    }

    @Test
    void aStuckCommandIsNamedToo() {
        ManualClock clock = new ManualClock();
        Watchdog watchdog = new Watchdog(clock);
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withStallThreshold(Duration.ofMillis(100)))) {
            watchdog.watch(s);
            Runnable slow = new Runnable() {
                @Override
                public void run() {
                    watchdog.check();
                    clock.advance(Duration.ofMillis(150));
                    watchdog.check();
                }

                @Override
                public String toString() {
                    return "report-export";
                }
            };
            s.execute(slow);
            s.run();
            assertEquals(1, s.stallCount());
            assertTrue(mine().get(0).contains("by command report-export;"), mine().toString());
        }
    }

    @Test
    void aRealBlockIsReportedByTheWatchdogThreadWithTheBlockedStack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withStallThreshold(Duration.ofMillis(100))).start();
        try {
            s.<String>spawnHandler("blocker", (ctx, m) -> release.await(20, TimeUnit.SECONDS)); // the bug under test: a blocking wait
            s.send("blocker", "wait for a lock");
            assertTrue(firstWarning.await(20, TimeUnit.SECONDS), "the watchdog spoke up");
        } finally {
            release.countDown();
            s.shutdown();
        }
        ILoggingEvent w = warnings.stream().filter(e -> e.getThreadName().equals("frontier-watchdog")).findFirst().orElseThrow();
        assertTrue(w.getFormattedMessage().startsWith("scheduler thread 'frontier-scheduler' blocked for at least "), w.getFormattedMessage());
        assertTrue(w.getFormattedMessage().contains("by actor 'blocker' handling wait for a lock (its message #1, from outside)"),
                w.getFormattedMessage());
        List<String> stack = Arrays.stream(w.getThrowableProxy().getStackTraceElementProxyArray()).map(StackTraceElementProxy::getSTEAsString).toList();
        assertTrue(stack.stream().anyMatch(f -> f.contains("CountDownLatch.await")), stack.toString());
        assertTrue(s.stallCount() >= 1);
    }
}
