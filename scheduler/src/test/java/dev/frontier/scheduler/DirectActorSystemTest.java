package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Direct mode and time: it has no timers, so it refuses a manual clock and every timed operation. */
class DirectActorSystemTest {

    /** Any mode given a manual clock honours it or refuses it: direct mode refuses it, naming the alternative. */
    @Test
    void aManualClockIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DirectActorSystem.create(ActorSystemOptions.defaults().withClock(new ManualClock())));
        assertTrue(e.getMessage().contains("no timers") && e.getMessage().contains("DequeScheduler"), e.getMessage());
    }

    /** Timed operations fail at once with a clear error instead of waiting on a clock nobody reads. */
    @Test
    void timedOperationsAreRefused() {
        List<Throwable> seen = new ArrayList<>();
        try (DirectActorSystem s = DirectActorSystem.create(ActorSystemOptions.defaults()
                .withErrorHandler(f -> seen.add(f.cause())))) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> s.sendAfter(Duration.ofSeconds(1), "nobody", "x"));
            assertTrue(e.getMessage().contains("no timers"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> s.sleep(Duration.ofMillis(1)));
            s.spawn("sleeper", (ActorContext<String> ctx) -> {
                ctx.receive();
                ctx.receive(Duration.ofSeconds(1));
            });
            assertThrows(UnsupportedOperationException.class, () -> s.send("sleeper", "go"));
            assertEquals(1, seen.size());
        }
    }
}
