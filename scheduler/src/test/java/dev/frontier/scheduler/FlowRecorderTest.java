package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.flow.Delivery;
import dev.frontier.flow.Delivery.Kind;
import dev.frontier.flow.Delivery.Outcome;
import dev.frontier.flow.Flow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Causal links of recorded deliveries: plain sends, await, ask, timers, receive time-outs, fates. */
@Timeout(30)
class FlowRecorderTest {

    final ManualClock clock = new ManualClock();
    final List<String> failures = new ArrayList<>();
    final DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withClock(clock)
            .withErrorHandler(f -> failures.add(f.describe())));

    @AfterEach
    void shutdown() {
        s.shutdown();
    }

    /** "from -> to: message" of each delivery, in order. */
    static List<String> arrows(Flow f) {
        return f.deliveries().stream().map(d -> d.sender() + " -> " + d.receiver() + ": " + d.messageText()).toList();
    }

    static Delivery only(Flow f, String from, String to, Object message) {
        List<Delivery> found = f.deliveries().stream()
                .filter(d -> d.sender().equals(from) && d.receiver().equals(to) && d.message().equals(message)).toList();
        assertEquals(1, found.size(), from + " -> " + to + ": " + message + " in " + f.deliveries());
        return found.get(0);
    }

    void pingPong(ActorSystemLike sys, int count) {
        sys.spawn("ping", "pong", count);
        sys.spawn("pong", "ping", count);
    }

    interface ActorSystemLike {
        void spawn(String me, String other, int count);
    }

    @Test
    void pingPongIsAChainOfCauses() {
        s.record("*");
        pingPong((me, other, count) -> s.<Integer>spawn(me, ctx -> {
            while (true) {
                int n = ctx.receive();
                if (n + 1 < count) {
                    ctx.send(other, n + 1);
                }
            }
        }), 6);
        s.send("ping", 0);
        s.run();
        Flow f = s.recorder().flow();
        assertEquals(List.of("outside -> ping: 0", "ping -> pong: 1", "pong -> ping: 2", "ping -> pong: 3", "pong -> ping: 4",
                "ping -> pong: 5"), arrows(f));
        List<Delivery> ds = f.deliveries();
        assertEquals(0, ds.get(0).cause(), "sent from outside");
        for (int i = 1; i < ds.size(); i++) {
            assertEquals(ds.get(i - 1).id(), ds.get(i).cause(), "each message was sent by the handling of the one before");
        }
        for (Delivery d : ds) {
            assertEquals(Kind.MESSAGE, d.kind());
            assertEquals(Outcome.HANDLED, d.outcome(), d.toString());
            assertTrue(d.sentNanos() <= d.startedNanos() && d.startedNanos() <= d.endedNanos(), d.toString());
            assertTrue(d.turn() > 0, "deque deliveries know their turn");
        }
        assertEquals(List.of(1L, 1L, 2L, 2L, 3L, 3L), ds.stream().map(Delivery::sequence).toList(), "each actor's msgSeq");
        assertEquals(List.of("outside", "ping", "pong"), f.actors());
        assertEquals(List.of(ds.get(0), ds.get(1), ds.get(2)), f.chainTo(ds.get(2)));
        assertEquals(List.of(ds.get(3)), f.effectsOf(ds.get(2)));
    }

    @Test
    void aMessageSentAfterAnAwaitIsCausedByTheDeliveryThatAwaited() {
        s.record("*");
        CompletableFuture<String> later = new CompletableFuture<>();
        List<Object> seen = new ArrayList<>();
        s.<String>spawn("waiter", ctx -> {
            while (true) {
                String m = ctx.receive();
                seen.add(ctx.sender() == null ? "outside" : ctx.sender().name());
                if (m.equals("go")) {
                    String v = ctx.await(later);
                    ctx.send("after", "got " + v);
                }
            }
        });
        s.spawnHandler("after", (ctx, m) -> { });
        s.spawnHandler("poker", (ctx, m) -> ctx.send("waiter", "poke"));
        s.send("waiter", "go");
        s.run();
        s.send("poker", "start"); // while waiter awaits: its poke waits in the mailbox
        s.run();
        later.complete("x");
        s.run();
        Flow f = s.recorder().flow();
        Delivery go = only(f, "outside", "waiter", "go");
        Delivery after = only(f, "waiter", "after", "got x");
        assertEquals(go.id(), after.cause(), "caused by the delivery in hand when the actor awaited");
        Delivery poke = only(f, "poker", "waiter", "poke");
        assertTrue(go.endedNanos() <= poke.startedNanos(), "go's handling ended when waiter asked for its next message");
        assertTrue(after.sentNanos() <= go.endedNanos(), "go's handling spans the await");
        assertEquals(List.of("outside", "poker"), seen, "the actor sees real senders, never the recorder's carrier");
    }

    @Test
    void anAsksRequestAndReplyAreLinked() {
        s.record("*");
        s.<String>spawnHandler("oracle", (ctx, m) -> ctx.sender().send("answer to " + m));
        s.<String>spawn("asker", ctx -> {
            while (true) {
                String m = ctx.receive();
                String answer = ctx.await(ctx.system().<String>ask("oracle", m + "?", Duration.ofSeconds(5)));
                ctx.send("log", answer);
            }
        });
        s.spawnHandler("log", (ctx, m) -> { });
        s.send("asker", "why");
        s.run();
        Flow f = s.recorder().flow();
        Delivery why = only(f, "outside", "asker", "why");
        Delivery request = only(f, "asker", "oracle", "why?");
        Delivery reply = only(f, "oracle", "asker", "answer to why?");
        Delivery logged = only(f, "asker", "log", "answer to why?");
        assertEquals(Kind.ASK, request.kind());
        assertEquals(Kind.REPLY, reply.kind());
        assertEquals(why.id(), request.cause(), "the request was sent by the asker's delivery");
        assertEquals(request.id(), reply.cause(), "the reply answers the request");
        assertEquals(why.id(), logged.cause(), "after the await, still the asker's delivery");
        assertEquals(Outcome.HANDLED, reply.outcome());
        assertEquals(List.of(why, request, reply, logged), f.deliveries());
    }

    @Test
    void anAskFromOutsideIsRecordedWithItsReply() throws Exception {
        s.record("oracle");
        s.<String>spawnHandler("oracle", (ctx, m) -> ctx.sender().send(m.length()));
        CompletableFuture<Integer> a = s.ask("oracle", "four", Duration.ofSeconds(1));
        s.run();
        assertEquals(4, a.get(0, TimeUnit.SECONDS));
        Flow f = s.recorder().flow();
        Delivery request = only(f, "outside", "oracle", "four");
        Delivery reply = only(f, "oracle", "outside", 4);
        assertEquals(request.id(), reply.cause());
    }

    @Test
    void aTimersSendIsCausedByTheDeliveryThatSetIt() {
        s.record("*");
        s.<String>spawnHandler("alarm", (ctx, m) -> {
            if (m.equals("set")) {
                ctx.sendAfter(Duration.ofSeconds(1), ctx.self(), "ring");
                ctx.system().sendAfter(Duration.ofSeconds(2), "bell", "dong");
            }
        });
        s.spawnHandler("bell", (ctx, m) -> { });
        s.send("alarm", "set");
        s.run();
        s.send("alarm", "unrelated");
        s.run();
        clock.advance(Duration.ofSeconds(2));
        s.run();
        Flow f = s.recorder().flow();
        Delivery set = only(f, "outside", "alarm", "set");
        Delivery ring = only(f, "alarm", "alarm", "ring");
        Delivery dong = only(f, "alarm", "bell", "dong");
        assertEquals(Kind.TIMER, ring.kind());
        assertEquals(Kind.TIMER, dong.kind());
        assertEquals(set.id(), ring.cause(), "not the delivery in hand when it fired");
        assertEquals(set.id(), dong.cause());
        assertEquals(Outcome.HANDLED, dong.outcome());
    }

    @Test
    void aReceiveThatTimesOutIsCausedByTheDeliveryBeforeItAndCausesWhatFollows() {
        s.record("*");
        s.<String>spawn("patient", ctx -> {
            while (true) {
                String m = ctx.receive();
                if (ctx.receive(Duration.ofMillis(500)).isEmpty()) {
                    ctx.send("log", "no follow-up to " + m);
                }
            }
        });
        s.spawnHandler("log", (ctx, m) -> { });
        s.send("patient", "hello");
        s.run();
        clock.advance(Duration.ofSeconds(1));
        s.run();
        Flow f = s.recorder().flow();
        Delivery hello = only(f, "outside", "patient", "hello");
        Delivery timeout = f.deliveries().stream().filter(d -> d.kind() == Kind.TIMEOUT).findFirst().orElseThrow();
        Delivery logged = only(f, "patient", "log", "no follow-up to hello");
        assertEquals("patient", timeout.sender());
        assertEquals("patient", timeout.receiver());
        assertEquals(hello.id(), timeout.cause());
        assertEquals(timeout.id(), logged.cause());
        assertEquals(List.of(hello, timeout, logged), f.chainTo(logged));
    }

    @Test
    void deadLettersAndFailuresAreOutcomes() {
        s.record("*");
        s.<String>spawnHandler("clerk", (ctx, m) -> {
            if (m.equals("typo")) {
                ctx.send("acount-bob", "credit 5");
            } else {
                throw new IllegalArgumentException("cannot " + m);
            }
        });
        s.send("clerk", "typo");
        s.send("clerk", "explode");
        s.send("clerk", "never taken");
        s.run();
        Flow f = s.recorder().flow();
        Delivery typo = only(f, "outside", "clerk", "typo");
        Delivery lost = only(f, "clerk", "acount-bob", "credit 5");
        assertEquals(Outcome.DEAD_LETTER, lost.outcome());
        assertEquals(typo.id(), lost.cause());
        Delivery exploded = only(f, "outside", "clerk", "explode");
        assertEquals(Outcome.FAILED, exploded.outcome());
        assertEquals("java.lang.IllegalArgumentException: cannot explode", exploded.failure());
        assertEquals(Outcome.DEAD_LETTER, only(f, "outside", "clerk", "never taken").outcome(),
                "queued behind the failure: a dead letter when the actor ended");
    }

    @Test
    void recordingFollowsTheSelectionAndSwitchesAtRunTime() {
        pingPong((me, other, count) -> s.<Integer>spawnHandler(me, (ctx, n) -> {
            if (n + 1 < count) {
                ctx.send(other, n + 1);
            }
        }), 100);
        s.spawnHandler("bystander", (ctx, m) -> { });
        assertEquals(List.of("nobody"), s.record("pong", "nobody"), "the unmatched pattern is returned");
        s.send("ping", 0);
        s.send("bystander", "hi");
        s.runOnce();
        long before = s.recorder().recordedCount();
        assertTrue(before > 0);
        assertTrue(s.recorder().flow().deliveries().stream().allMatch(d -> d.sender().equals("pong") || d.receiver().equals("pong")),
                "only messages to and from pong");
        s.recorder().stop();
        s.run();
        assertEquals(before, s.recorder().recordedCount(), "nothing more once stopped");
        assertTrue(s.recorder().flow().deliveries().stream().allMatch(d -> d.outcome() == Outcome.HANDLED),
                "messages sent while on are followed to their end");
        s.record("bystander");
        s.send("bystander", "again");
        s.run();
        assertEquals("again", s.recorder().flow().deliveries().get(s.recorder().flow().size() - 1).message());
    }

    @Test
    void offRecordsNothing() {
        s.spawnHandler("a", (ctx, m) -> ctx.send("b", m));
        s.spawnHandler("b", (ctx, m) -> { });
        s.send("a", "x");
        s.run();
        assertEquals(0, s.recorder().recordedCount());
        assertTrue(s.recorder().flow().isEmpty());
        assertTrue(!s.recorder().isRecording());
    }

    @Test
    void keptMessagesKeepTheirRecordAndTheirRealSender() {
        s.record("*");
        List<String> senders = new ArrayList<>();
        s.<Object>spawn("picky", ctx -> {
            Integer n = ctx.receive(Integer.class);
            senders.add(ctx.sender().name());
            String t = (String) ctx.receive();
            senders.add(ctx.sender().name());
            ctx.send("sink", t + n);
        });
        s.spawnHandler("sink", (ctx, m) -> { });
        s.spawnHandler("a", (ctx, m) -> ctx.send("picky", "text"));
        s.spawnHandler("b", (ctx, m) -> ctx.send("picky", 7));
        s.send("a", "go");
        s.send("b", "go");
        s.run();
        assertEquals(List.of("b", "a"), senders);
        Flow f = s.recorder().flow();
        Delivery text = only(f, "a", "picky", "text");
        Delivery seven = only(f, "b", "picky", 7);
        assertTrue(seven.startedNanos() <= text.startedNanos(), "the kept message was taken second");
        assertEquals(2, text.sequence());
        assertEquals(text.id(), only(f, "picky", "sink", "text7").cause());
    }

    @Test
    void backPressureStillSuspendsARecordedSender() {
        s.record("*");
        List<Integer> got = new ArrayList<>();
        s.<Integer>spawn("slow", ActorOptions.defaults().withMailbox(1, ActorOptions.Overflow.BACK_PRESSURE), ctx -> {
            while (true) {
                got.add(ctx.receive());
            }
        });
        s.<String>spawn("fast", ctx -> {
            ctx.receive();
            for (int i = 0; i < 5; i++) {
                ctx.send("slow", i);
            }
        });
        s.send("fast", "go");
        s.run();
        assertEquals(List.of(0, 1, 2, 3, 4), got);
        assertEquals(5, s.recorder().flow().deliveries().stream().filter(d -> d.receiver().equals("slow")).count());
    }

    @Test
    void aSharedRecorderSeesSeveralSystemsInOneFlow() {
        FlowRecorder shared = FlowRecorder.create(16);
        DequeScheduler one = DequeScheduler.create(ActorSystemOptions.defaults().withRecorder(shared));
        DequeScheduler two = DequeScheduler.create(ActorSystemOptions.defaults().withRecorder(shared));
        try {
            ActorRef<Object> b = two.spawnHandler("b", (ctx, m) -> { });
            one.spawnHandler("a", (ctx, m) -> ctx.send(b, m));
            assertEquals(List.of(), shared.record("a", "b"));
            one.send("a", "hop");
            one.run();
            two.run();
            assertEquals(List.of("outside -> a: hop", "a -> b: hop"), arrows(shared.flow()));
            assertSame(shared, one.recorder());
            assertEquals(16, shared.capacity());
            for (int i = 0; i < 40; i++) {
                one.send("a", "m" + i);
            }
            one.run();
            two.run();
            assertEquals(16, shared.flow().size(), "the ring keeps the latest");
            assertEquals("m39", shared.flow().deliveries().get(15).message());
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    @Test
    void threadPerActorRecordsTheSameLinks() throws Exception {
        try (ThreadPerActorSystem t = ThreadPerActorSystem.create()) {
            t.record("*");
            CompletableFuture<Void> done = new CompletableFuture<>();
            t.<Integer>spawn("ping", ctx -> {
                while (true) {
                    int n = ctx.receive();
                    ctx.send("pong", n + 1);
                }
            });
            t.<Integer>spawnHandler("pong", (ctx, n) -> {
                if (n < 5) {
                    ctx.send("ping", n + 1);
                } else {
                    done.complete(null);
                }
            });
            t.send("ping", 0);
            done.get(10, TimeUnit.SECONDS);
            t.shutdown();
            assertTrue(t.awaitTermination(Duration.ofSeconds(10)));
            List<Delivery> ds = t.recorder().flow().deliveries();
            assertEquals(6, ds.size(), ds.toString());
            for (int i = 1; i < ds.size(); i++) {
                assertEquals(ds.get(i - 1).id(), ds.get(i).cause());
                assertEquals(Outcome.HANDLED, ds.get(i).outcome(), ds.get(i).toString());
                assertNotNull(ds.get(i).message());
            }
        }
    }
}
