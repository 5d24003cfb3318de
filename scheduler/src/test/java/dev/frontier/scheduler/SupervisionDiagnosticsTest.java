package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.flow.Delivery;
import dev.frontier.flow.Delivery.Outcome;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the diagnostics see of a supervised restart: the failed delivery's outcome, and a JFR event. */
@Timeout(30)
class SupervisionDiagnosticsTest {

    static ChildSpec<String> flaky(String name) {
        return ChildSpec.of(name, String.class, ctx -> {
            while (true) {
                if (ctx.receive().equals("boom")) {
                    throw new IllegalStateException(name + " blew up");
                }
            }
        });
    }

    @Test
    void aDeliveryThatMadeItsActorRestartIsRecordedAsRestarted() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(f -> { }))) {
            s.record("*");
            s.spawnSupervisor("sup", SupervisorSpec.oneForOne().child(flaky("w")));
            s.run();
            s.send("w", "boom");
            s.send("w", "fine");
            s.run();
            List<Delivery> toW = s.recorder().flow().deliveries().stream().filter(d -> d.receiver().equals("w")).toList();
            assertEquals(List.of("boom", "fine"), toW.stream().map(d -> (String) d.message()).toList());
            assertEquals(Outcome.RESTARTED, toW.get(0).outcome());
            assertEquals("java.lang.IllegalStateException: w blew up", toW.get(0).failure());
            assertEquals(Outcome.HANDLED, toW.get(1).outcome(), "the restarted actor took the message that waited");
        }
    }

    @Test
    void aRestartIsAJfrEventNamingTheActorAndTheCause(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("restart.jfr");
        try (Recording r = new Recording()) {
            r.enable("frontier.Restart");
            r.start();
            try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(f -> { }))) {
                s.spawnSupervisor("sup", SupervisorSpec.oneForOne().child(flaky("w")));
                s.run();
                s.send("w", "boom");
                s.run();
            }
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> restarts = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("frontier.Restart")).toList();
        assertEquals(1, restarts.size(), restarts.toString());
        assertEquals("w", restarts.get(0).getString("actor"));
        assertTrue(restarts.get(0).getString("cause").contains("w blew up"), restarts.get(0).toString());
        assertEquals(1, restarts.get(0).getLong("restarts"));
    }
}
