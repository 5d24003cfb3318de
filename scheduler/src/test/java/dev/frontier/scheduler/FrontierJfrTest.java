package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Frontier's JFR events, recorded and read back. */
@Timeout(60)
class FrontierJfrTest {

    /** Spins for {@code ms}: a slow handler (CPU work, not a wait). */
    static void work(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    @Test
    void slowDeliveriesFailuresAndDeadLettersAreWrittenToTheRecording(@TempDir Path dir) throws Exception {
        FrontierJfr.init();
        assertFalse(FrontierJfr.on, "no recording runs: the hooks are off");
        Path file = dir.resolve("frontier.jfr");
        try (Recording r = new Recording()) {
            r.enable("frontier.Delivery").withThreshold(Duration.ofMillis(15));
            r.enable("frontier.ActorFailure");
            r.enable("frontier.DeadLetter");
            r.start();
            assertTrue(FrontierJfr.on, "a recording runs: the hooks are on");
            try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(f -> { }))) {
                CountDownLatch done = new CountDownLatch(3);
                CompletableFuture<String> gate = new CompletableFuture<>();
                s.<String>spawnHandler("slow", (ctx, m) -> {
                    work(30);
                    gate.complete("opened");
                    done.countDown();
                });
                s.<String>spawnHandler("fast", (ctx, m) -> ctx.send("nobody", "lost " + m));
                s.<String>spawnHandler("fragile", (ctx, m) -> {
                    throw new IllegalStateException("broke on " + m);
                });
                s.<String>spawn("awaiting", ctx -> {
                    ctx.receive();
                    ctx.await(gate); // while slow works: this delivery is over the threshold too, but waiting
                    ctx.receive();
                });
                s.lookup("fragile").orElseThrow().termination().whenComplete((v, t) -> done.countDown());
                s.send("awaiting", "later"); // first in the run queue: it awaits the gate before slow runs
                s.send("slow", "heavy");
                s.send("fast", "light");
                s.send("fragile", "glass");
                s.send("awaiting", "then");
                s.lookup("awaiting").orElseThrow().termination().whenComplete((v, t) -> done.countDown());
                s.start();
                assertTrue(done.await(20, TimeUnit.SECONDS));
            }
            r.stop();
            r.dump(file);
        }
        assertFalse(FrontierJfr.on, "the recording stopped: the hooks are off again");
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> deliveries = named(events, "frontier.Delivery");
        assertTrue(deliveries.stream().map(e -> e.getString("actor")).toList().containsAll(List.of("awaiting", "slow")),
                deliveries.toString());
        assertTrue(deliveries.stream().allMatch(e -> e.getDuration().toMillis() >= 15), "only deliveries over the threshold");
        RecordedEvent slow = deliveries.stream().filter(e -> e.getString("actor").equals("slow")).findFirst().orElseThrow();
        assertEquals("heavy", slow.getString("message"));
        assertEquals("outside", slow.getString("sender"));
        assertEquals("java.lang.String", slow.getClass("messageClass").getName());
        assertEquals(1, slow.getLong("sequence"));
        assertEquals("handled", slow.getString("outcome"));
        assertTrue(slow.getDuration().toMillis() >= 25, slow.toString()); // JFR's ticks, not nanoTime: allow for rounding
        assertEquals(0, slow.getDuration("awaited").toNanos(), "working, not waiting");
        RecordedEvent awaiting = deliveries.stream().filter(e -> e.getString("actor").equals("awaiting")).findFirst().orElseThrow();
        assertTrue(awaiting.getDuration("awaited").toMillis() >= 25, awaiting.toString());
        assertEquals(List.of("Frontier"), slow.getEventType().getCategoryNames());
        RecordedEvent failure = named(events, "frontier.ActorFailure").get(0);
        assertEquals("fragile", failure.getString("actor"));
        assertEquals("glass", failure.getString("message"));
        assertEquals("java.lang.IllegalStateException", failure.getClass("exceptionClass").getName());
        assertEquals("broke on glass", failure.getString("exceptionMessage"));
        RecordedEvent lost = named(events, "frontier.DeadLetter").get(0);
        assertEquals("nobody", lost.getString("recipient"));
        assertEquals("fast", lost.getString("sender"));
        assertEquals("lost light", lost.getString("message"));
    }

    @Test
    void mailboxDepthsAreSampledAndStallsRecorded() throws Exception {
        List<RecordedEvent> depths = new CopyOnWriteArrayList<>();
        List<RecordedEvent> stalls = new CopyOnWriteArrayList<>();
        CountDownLatch sampled = new CountDownLatch(1);
        ManualClock watchClock = new ManualClock();
        Watchdog watchdog = new Watchdog(watchClock);
        List<String> warned;
        try (ExpectedLog watchdogLog = ExpectedLog.of(Watchdog.class);
             RecordingStream rs = new RecordingStream();
             DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withStallThreshold(Duration.ofSeconds(1)))) {
            rs.enable("frontier.MailboxDepth").withPeriod(Duration.ofMillis(50));
            rs.enable("frontier.Stall");
            rs.onEvent("frontier.MailboxDepth", e -> {
                if (e.getString("actor").equals("backlog")) {
                    depths.add(e);
                    sampled.countDown();
                }
            });
            rs.onEvent("frontier.Stall", stalls::add);
            rs.startAsync();
            s.spawnHandler("backlog", (ctx, m) -> { });
            s.<String>spawnHandler("stuck", (ctx, m) -> {
                watchdog.check();
                watchClock.advance(Duration.ofMillis(1500));
                watchdog.check();
            });
            watchdog.watch(s);
            for (int i = 0; i < 100; i++) {
                s.send("backlog", i); // queued, not yet delivered: this thread drives the scheduler
            }
            assertTrue(sampled.await(20, TimeUnit.SECONDS), "a mailbox sample arrived");
            s.send("stuck", "wedge");
            s.run();
            rs.stop(); // flushes what was committed
            warned = watchdogLog.messages();
        }
        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).contains("blocked for at least 1500 ms") && warned.get(0).contains("'stuck'"), warned.get(0));
        assertEquals(100, depths.get(0).getInt("depth"));
        assertEquals(1, stalls.size(), stalls.toString());
        assertEquals("stuck", stalls.get(0).getString("actor"));
        assertEquals(1500, stalls.get(0).getDuration("blocked").toMillis());
        assertTrue(stalls.get(0).getString("message").contains("wedge"), stalls.get(0).toString());
    }

    static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
