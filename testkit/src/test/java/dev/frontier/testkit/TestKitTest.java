package dev.frontier.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension's kit: virtual time that moves to the next timer when nothing else can run. */
@ExtendWith(FrontierExtension.class)
@Timeout(30)
class TestKitTest {

    /** A 30-second timeout runs in virtual time: the test takes microseconds, not 30 s. */
    @Test
    void aThirtySecondTimeoutRunsInVirtualTime(TestKit kit) {
        TestProbe<String> probe = kit.createProbe();
        kit.<String>spawn("waiter", ctx -> {
            ActorRef<Object> replyTo = ctx.receive().equals("start") ? ctx.sender() : null;
            Optional<String> answer = ctx.receive(Duration.ofSeconds(30));
            ctx.send(replyTo, answer.orElse("gave up after 30 s"));
        });
        long wall = System.nanoTime();
        probe.send("waiter", "start");
        assertEquals("gave up after 30 s", probe.expectMessage(Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(30), kit.now(), "time stopped where the message came");
        assertTrue(System.nanoTime() - wall < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void runUntilIdleMovesTimeTimerByTimer(TestKit kit) {
        List<String> log = new ArrayList<>();
        kit.<String>spawn("sleeper", ctx -> {
            ctx.sleep(Duration.ofSeconds(5));
            log.add("woke at " + kit.now().toSeconds());
            ctx.sleep(Duration.ofSeconds(10));
            log.add("woke at " + kit.now().toSeconds());
        });
        assertEquals(Duration.ofSeconds(15), kit.runUntilIdle());
        assertEquals(List.of("woke at 5", "woke at 15"), log);
    }

    @Test
    void advanceFiresEachTimerAtItsOwnDeadline(TestKit kit) {
        List<String> log = new ArrayList<>();
        kit.<String>spawnHandler("sink", (ctx, m) -> log.add(m + "@" + kit.now().toMillis()));
        kit.system().sendAfter(Duration.ofMillis(300), "sink", "b");
        kit.system().sendAfter(Duration.ofMillis(100), "sink", "a");
        kit.system().sendAfter(Duration.ofMillis(900), "sink", "c");
        kit.advance(Duration.ofMillis(500));
        assertEquals(List.of("a@100", "b@300"), log);
        assertEquals(Duration.ofMillis(500), kit.now());
        kit.advance(Duration.ofMillis(400));
        assertEquals(List.of("a@100", "b@300", "c@900"), log);
    }

    /** A ticker that re-arms forever cannot be run "until idle": a clear error, not a hang. */
    @Test
    void runUntilIdleGivesUpOnAnEndlessTicker(TestKit kit) {
        kit.<String>spawn("ticker", (ActorContext<String> ctx) -> {
            while (true) {
                ctx.sleep(Duration.ofMinutes(1));
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kit.withIdleLimit(Duration.ofHours(2)).runUntilIdle());
        assertTrue(e.getMessage().contains("re-arm"), e.getMessage());
    }

    @Test
    void actorFailuresAreRecordedNotLogged(TestKit kit) {
        kit.<String>spawnHandler("fragile", (ctx, m) -> {
            throw new IllegalStateException("bad " + m);
        });
        kit.send("fragile", "input");
        kit.run();
        assertEquals(1, kit.failures().size());
        AssertionError e = assertThrows(AssertionError.class, kit::assertNoFailures);
        assertTrue(e.getMessage().contains("actor 'fragile' failed handling input"), e.getMessage());
    }

    @Test
    void theKitIsClosedAfterTheTest() {
        TestKit kit = TestKit.create();
        ActorRef<String> a = kit.spawn("a", ctx -> ctx.receive());
        kit.close();
        assertFalse(a.isAlive());
    }
}
