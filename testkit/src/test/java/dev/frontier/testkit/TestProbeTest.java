package dev.frontier.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FrontierExtension.class)
@Timeout(30)
class TestProbeTest {

    record Ping(int n) {
    }

    @Test
    void expectMessageAndReply(TestKit kit) {
        TestProbe<String> probe = kit.createProbe();
        kit.<String>spawnHandler("greeter", (ctx, name) -> ctx.send(ctx.sender(), "hello " + name));
        probe.send("greeter", "bob");
        assertEquals("hello bob", probe.expectMessage("hello bob"));
        assertEquals("greeter", probe.lastSender().name());
        probe.reply("carol");
        probe.expectMessage("hello carol");
        probe.expectNoMessage();
    }

    @Test
    void aWrongMessageFailsShowingWhatArrived(TestKit kit) {
        TestProbe<Object> probe = kit.createProbe("watcher");
        kit.<Object>spawnHandler("echo", (ctx, m) -> ctx.send(ctx.sender(), m));
        probe.send("echo", new Ping(1));
        AssertionError e = assertThrows(AssertionError.class, () -> probe.expectMessage(new Ping(2)));
        assertTrue(e.getMessage().startsWith("probe 'watcher': expected Ping[n=2], got Ping[n=1] from echo at +0 ms"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Received so far (1"), e.getMessage());
    }

    @Test
    void aMissingMessageFailsAfterTheVirtualTimeout(TestKit kit) {
        TestProbe<String> probe = kit.createProbe();
        kit.<String>spawnHandler("slow", (ctx, m) -> ctx.sendAfter(Duration.ofSeconds(10), ctx.sender(), "late"));
        probe.send("slow", "go");
        AssertionError e = assertThrows(AssertionError.class, () -> probe.expectMessage(Duration.ofSeconds(3)));
        assertTrue(e.getMessage().contains("within 3000 ms") && e.getMessage().contains("got none"), e.getMessage());
        assertEquals(Duration.ofSeconds(3), kit.now());
        assertEquals("late", probe.expectMessage(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(10), kit.now());
    }

    @Test
    void expectNoMessageFailsOnAnArrival(TestKit kit) {
        TestProbe<String> probe = kit.createProbe();
        kit.system().sendAfter(Duration.ofMillis(40), probe.name(), "surprise");
        AssertionError e = assertThrows(AssertionError.class, probe::expectNoMessage);
        assertTrue(e.getMessage().contains("expected no message from +0 ms to +100 ms, got surprise from outside at +40 ms"),
                e.getMessage());
    }

    @Test
    void expectMessageClass(TestKit kit) {
        TestProbe<Object> probe = kit.createProbe();
        kit.send(probe.name(), new Ping(7));
        assertEquals(7, probe.expectMessageClass(Ping.class).n());
        kit.send(probe.name(), "text");
        AssertionError e = assertThrows(AssertionError.class, () -> probe.expectMessageClass(Ping.class));
        assertTrue(e.getMessage().contains("expected a dev.frontier.testkit.TestProbeTest$Ping, got text"), e.getMessage());
    }

    @Test
    void expectTerminated(TestKit kit) {
        TestProbe<String> probe = kit.createProbe();
        ActorRef<String> shortLived = kit.spawn("short", (ActorContext<String> ctx) -> ctx.sleep(Duration.ofSeconds(2)));
        probe.expectTerminated(shortLived);
        assertEquals(Duration.ofSeconds(2), kit.now());
        ActorRef<String> forever = kit.spawn("forever", (ActorContext<String> ctx) -> {
            while (true) {
                ctx.receive();
            }
        });
        kit.send("forever", "x");
        AssertionError e = assertThrows(AssertionError.class, () -> probe.expectTerminated(forever, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("expected actor 'forever' to end within 1000 ms"), e.getMessage());
    }

    @Test
    void fishForMessage(TestKit kit) {
        TestProbe<Integer> probe = kit.createProbe();
        for (int i = 1; i <= 5; i++) {
            kit.send(probe.name(), i);
        }
        List<Integer> kept = probe.fishForMessage(Duration.ofSeconds(1),
                n -> n == 4 ? FishingOutcome.COMPLETE : n % 2 == 0 ? FishingOutcome.CONTINUE : FishingOutcome.CONTINUE_AND_IGNORE);
        assertEquals(List.of(2, 4), kept);
        assertEquals(5, probe.expectMessage());
        AssertionError e = assertThrows(AssertionError.class,
                () -> probe.fishForMessage(Duration.ofSeconds(1), n -> FishingOutcome.CONTINUE));
        assertTrue(e.getMessage().contains("fishing found no complete message"), e.getMessage());
    }

    @Test
    void receiveWhileStopsAtTheFirstMismatchAndLeavesIt(TestKit kit) {
        TestProbe<Integer> probe = kit.createProbe();
        for (int n : new int[] {1, 2, 3, 10, 4}) {
            kit.send(probe.name(), n);
        }
        assertEquals(List.of(1, 2, 3), probe.receiveWhile(Duration.ofSeconds(1), n -> n < 5));
        assertEquals(10, probe.expectMessage());
        assertEquals(List.of(4), probe.receiveMessages(1));
        assertEquals(List.of(), probe.receiveWhile(Duration.ofMillis(500), n -> true));
        assertEquals(Duration.ofMillis(500), kit.now());
    }
}
