package dev.frontier.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One actor, synchronously: what it sent, spawned, stopped, scheduled; whether it ended. */
class BehaviorTestKitTest {

    record Add(int n) {
    }

    record Get() {
    }

    /** A counter whose state lives in a local variable across receives. */
    static final GeneratorActor<Object> COUNTER = ctx -> {
        int total = 0;
        while (true) {
            Object m = ctx.receive();
            if (m instanceof Add a) {
                total += a.n();
            } else if (m instanceof Get) {
                ctx.send(ctx.sender(), total);
            } else if ("stop".equals(m)) {
                return;
            }
        }
    };

    @Test
    void aGeneratorActorHandlesEachMessageBeforeRunReturns() {
        BehaviorTestKit<Object> kit = BehaviorTestKit.create("counter", COUNTER);
        kit.run(new Add(2)).run(new Add(3));
        assertFalse(kit.hasEffects());
        kit.run(new Get(), "client");
        kit.expectEffect(new Effect.Sent("client", 5));
        assertEquals(List.of(5), kit.inbox("client"));
        kit.run("stop");
        assertFalse(kit.isAlive());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kit.run(new Get()));
        assertTrue(e.getMessage().contains("has ended"), e.getMessage());
    }

    @Test
    void spawnsAndStopsAreRecordedNotDone() {
        MessageHandler<String> child = (ctx, m) -> { };
        BehaviorTestKit<String> kit = BehaviorTestKit.createHandler("parent", (ctx, m) -> {
            switch (m) {
                case "hire" -> ctx.system().spawnHandler("worker-1", child).send("welcome");
                case "fire" -> ctx.system().stop("worker-1");
                case "quit" -> ctx.system().stop(ctx.name());
                default -> throw new IllegalArgumentException(m);
            }
        });
        kit.run("hire");
        assertEquals(List.of(new Effect.Spawned("worker-1", child), new Effect.Sent("worker-1", "welcome")),
                kit.retrieveAllEffects());
        kit.run("fire");
        kit.expectEffect(new Effect.Stopped("worker-1"));
        assertTrue(kit.isAlive());
        kit.run("quit");
        kit.expectEffect(new Effect.Stopped("parent"));
        assertFalse(kit.isAlive(), "it stopped itself");
    }

    @Test
    void whatTheActorThrowsComesOutOfRun() {
        BehaviorTestKit<String> kit = BehaviorTestKit.createHandler("fragile", (ctx, m) -> {
            throw new IllegalArgumentException("cannot handle " + m);
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kit.run("x"));
        assertEquals("cannot handle x", e.getMessage());
        assertFalse(kit.isAlive());
        assertEquals(e, kit.failure());
    }

    @Test
    void selectiveReceiveLeavesOtherMessagesWaitingInOrder() {
        List<Object> got = new ArrayList<>();
        BehaviorTestKit<Object> kit = BehaviorTestKit.create("picky", (ActorContext<Object> ctx) -> {
            got.add(ctx.receive(Integer.class));
            got.add(ctx.receive());
            got.add(ctx.receive());
        });
        kit.run("a").run("b");
        assertEquals(List.of(), got);
        assertEquals(List.of("a", "b"), kit.unhandled());
        kit.run(1);
        assertEquals(List.of(1, "a", "b"), got, "after the integer, the kept messages come in order");
        assertFalse(kit.isAlive());
    }

    @Test
    void timersRunOnVirtualTime() {
        List<String> log = new ArrayList<>();
        BehaviorTestKit<String> kit = BehaviorTestKit.create("timed", (ActorContext<String> ctx) -> {
            Optional<String> first = ctx.receive(Duration.ofSeconds(5));
            log.add(first.orElse("timeout"));
            ctx.sendAfter(Duration.ofSeconds(1), ctx.self(), "tick");
            ctx.sleep(Duration.ofSeconds(2));
            log.add("slept");
            log.add(ctx.receive());
        });
        kit.expectEffect(new Effect.TimerStarted(Duration.ofSeconds(5), "receive timeout"));
        kit.advance(Duration.ofSeconds(4));
        assertEquals(List.of(), log);
        kit.advance(Duration.ofSeconds(1));
        assertEquals(List.of("timeout"), log);
        kit.expectEffect(new Effect.Scheduled(Duration.ofSeconds(1), "timed", "tick"));
        kit.expectEffect(new Effect.TimerStarted(Duration.ofSeconds(2), "sleep"));
        kit.advance(Duration.ofSeconds(2));
        assertEquals(List.of("timeout", "slept"), log);
        kit.expectEffect(new Effect.Sent("timed", "tick"));
        assertEquals(List.of("tick"), kit.selfInbox());
        kit.runSelfMessage();
        assertEquals(List.of("timeout", "slept", "tick"), log);
        assertThrows(IllegalArgumentException.class, () -> kit.advance(Duration.ofSeconds(-1)),
                "time only moves forward, as in TestKit");
    }

    @Test
    void anAskIsAnEffectTheTestAnswers() throws Exception {
        List<Object> log = new ArrayList<>();
        BehaviorTestKit<String> kit = BehaviorTestKit.create("asker", (ActorContext<String> ctx) -> {
            ctx.receive();
            CompletableFuture<Integer> price = ctx.system().ask("shop", "price?", Duration.ofSeconds(1));
            log.add(ctx.await(price));
        });
        kit.run("go");
        Effect.Asked asked = kit.expectEffectType(Effect.Asked.class);
        assertEquals("shop", asked.to());
        asked.reply().complete(42);
        kit.runPending();
        assertEquals(List.of(42), log);
        assertFalse(kit.isAlive());
    }

    @Test
    void watchesAndLinksAreRecorded() {
        BehaviorTestKit<Object> kit = BehaviorTestKit.create("guardian", (ActorContext<Object> ctx) -> {
            var child = ctx.system().spawn("child", (ActorContext<String> c) -> c.receive());
            ctx.watch(child);
            ctx.link(child);
            ctx.trapExits(true);
            ctx.receive(String.class, Duration.ofSeconds(1));
            ctx.send(ctx.sender(), "late");
        });
        List<Effect> effects = kit.retrieveAllEffects();
        assertEquals(List.of(new Effect.Watched("child"), new Effect.Linked("child"), new Effect.TrappedExits(true),
                new Effect.TimerStarted(Duration.ofSeconds(1), "receive timeout")), effects.subList(1, 5));
        kit.run("hello");
        kit.expectEffect(new Effect.Sent("outside", "late"));
    }

    @Test
    void aHandlerCannotReceive() {
        BehaviorTestKit<String> kit = BehaviorTestKit.createHandler("h", (ctx, m) -> ctx.receive());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kit.run("x"));
        assertTrue(e.getMessage().contains("handler actor"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, kit.failure());
    }
}
