package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.DuplicateActorNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

/**
 * The behaviour every execution mode must have. Each mode's test class says how to make a system
 * and how to wait for a future (driving the deque scheduler by hand, or waiting with a timeout).
 */
@Timeout(30)
abstract class ActorSystemContract {

    record Traced(String sender, String receiver, Object message, long sequence) {
    }

    final List<ActorFailure> failures = new CopyOnWriteArrayList<>();
    final List<Traced> traced = new CopyOnWriteArrayList<>();
    AbstractActorSystem system;

    /** A fresh system with these options. */
    abstract AbstractActorSystem newSystem(ActorSystemOptions options);

    /** Waits for {@code future}, running the system as this mode requires. */
    abstract <T> T await(CompletableFuture<T> future) throws Exception;

    /** Lets every message sent so far be handled (where the mode can say so). */
    abstract void settle() throws Exception;

    AbstractActorSystem system() {
        if (system == null) {
            system = newSystem(ActorSystemOptions.defaults()
                    .withErrorHandler(failures::add)
                    .withTracer((s, r, m, seq) -> traced.add(new Traced(s, r, m, seq))));
        }
        return system;
    }

    @AfterEach
    void shutdown() {
        if (system != null) {
            system.shutdown();
        }
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for the actors", e);
        }
    }

    @Test
    void generatorActorKeepsLocalStateAcrossReceives() throws Exception {
        CompletableFuture<Integer> total = new CompletableFuture<>();
        system().<Integer>spawn("adder", ctx -> {
            int sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += ctx.receive();
            }
            total.complete(sum);
        });
        system().send("adder", 1);
        system().send("adder", 2);
        system().send("adder", 39);
        assertEquals(42, await(total));
    }

    @Test
    void handlerActorIsHandedEachMessage() throws Exception {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        List<String> seen = new ArrayList<>();
        system().<String>spawnHandler("h", (ctx, msg) -> {
            seen.add(msg);
            if (seen.size() == 2) {
                done.complete(List.copyOf(seen));
            }
        });
        system().send("h", "a");
        system().send("h", "b");
        assertEquals(List.of("a", "b"), await(done));
    }

    @Test
    void messagesFromOneSenderArriveInOrder() throws Exception {
        int n = 5_000;
        CompletableFuture<List<Integer>> done = new CompletableFuture<>();
        system().<Integer>spawn("sink", ctx -> {
            List<Integer> got = new ArrayList<>();
            while (got.size() < n) {
                got.add(ctx.receive());
            }
            done.complete(got);
        });
        system().<String>spawn("source", ctx -> {
            ctx.receive();
            for (int i = 0; i < n; i++) {
                ctx.send("sink", i);
            }
        });
        system().send("source", "go");
        List<Integer> got = await(done);
        for (int i = 0; i < n; i++) {
            assertEquals(i, got.get(i));
        }
    }

    @Test
    void selectiveReceiveKeepsSkippedMessagesInOrder() throws Exception {
        CompletableFuture<List<Object>> done = new CompletableFuture<>();
        system().<Object>spawn("picky", ctx -> {
            List<Object> order = new ArrayList<>();
            order.add(ctx.receive(Integer.class));
            order.add(ctx.receive(m -> "second".equals(m)));
            order.add(ctx.receive());
            done.complete(order);
        });
        system().send("picky", "first");
        system().send("picky", "second");
        system().send("picky", 7);
        assertEquals(List.of(7, "second", "first"), await(done), "skipped messages are received later, in order");
    }

    @Test
    void selectiveReceiveWaitsForAReplyAmidOtherTraffic() throws Exception {
        record Reply(int value) {
        }
        CompletableFuture<List<Object>> done = new CompletableFuture<>();
        system().<Object>spawnHandler("server", (ctx, msg) -> {
            ctx.send("client", "noise-1");
            ctx.send("client", "noise-2");
            ctx.send("client", new Reply(42));
        });
        system().<Object>spawn("client", ctx -> {
            ctx.send("server", "request");
            Reply r = ctx.receive(Reply.class);
            List<Object> out = new ArrayList<>();
            out.add(r.value());
            out.add(ctx.receive());
            out.add(ctx.receive());
            done.complete(out);
        });
        assertEquals(List.of(42, "noise-1", "noise-2"), await(done));
    }

    @Test
    void duplicateNameIsAClearErrorAndTheNameIsFreedWhenTheActorEnds() throws Exception {
        ActorRef<String> first = system().spawn("solo", ctx -> {
            ctx.receive();
        });
        DuplicateActorNameException e = assertThrows(DuplicateActorNameException.class,
                () -> system().spawn("solo", ctx -> { }));
        assertEquals("an actor named 'solo' is already running", e.getMessage());
        first.send("finish");
        await(first.termination());
        assertTrue(system().lookup("solo").isEmpty());
        CompletableFuture<String> again = new CompletableFuture<>();
        system().<String>spawn("solo", ctx -> again.complete(ctx.receive()));
        system().send("solo", "reborn");
        assertEquals("reborn", await(again));
    }

    @Test
    void messageToUnknownActorIsACountedDeadLetter() throws Exception {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        system().<String>spawn("talker", ctx -> {
            ctx.receive();
            ctx.send("nobody", "hello?");
            sent.complete(null);
        });
        system().send("talker", "go");
        await(sent);
        assertEquals(1, system().deadLetters().count());
        assertEquals(new DeadLetter("nobody", "talker", "hello?"), system().deadLetters().recent().get(0));
    }

    @Test
    void messageToAFinishedActorViaItsRefIsADeadLetter() throws Exception {
        ActorRef<String> once = system().spawn("once", ctx -> {
            ctx.receive();
        });
        once.send("first");
        await(once.termination());
        assertFalse(once.isAlive());
        once.send("late");
        settle();
        assertEquals(List.of(new DeadLetter("once", "outside", "late")), system().deadLetters().recent());
    }

    @Test
    void bodyReturningEndsTheActorAndCompletesItsTermination() throws Exception {
        ActorRef<String> a = system().spawn("short", ctx -> {
            ctx.receive();
        });
        a.send("x");
        assertNull(await(a.termination()));
        assertTrue(system().lookup("short").isEmpty());
    }

    @Test
    void stopClosesTheGeneratorSoFinallyRuns() throws Exception {
        CompletableFuture<String> cleanedUp = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ActorRef<String> a = system().spawn("stoppable", ctx -> {
            try {
                ready.complete(null);
                while (true) {
                    ctx.receive();
                }
            } finally {
                cleanedUp.complete("finally ran in " + ctx.name());
            }
        });
        await(ready);
        assertTrue(system().stop("stoppable"));
        assertEquals("finally ran in stoppable", await(cleanedUp));
        await(a.termination());
        assertFalse(system().stop("stoppable"));
    }

    @Test
    void exceptionEndsOnlyThatActorAndReachesTheErrorHandler() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ActorRef<Integer> fragile = system().spawn("fragile", ctx -> {
            while (true) {
                if (ctx.receive() == 13) {
                    throw boom;
                }
            }
        });
        CompletableFuture<String> other = new CompletableFuture<>();
        system().<String>spawn("bystander", ctx -> other.complete(ctx.receive()));
        fragile.send(1);
        fragile.send(13);
        ExecutionException ended = assertThrows(ExecutionException.class,
                () -> awaitFailure(fragile.termination()));
        assertSame(boom, ended.getCause());
        system().send("bystander", "still running");
        assertEquals("still running", await(other));
        assertEquals(1, failures.size());
        ActorFailure f = failures.get(0);
        assertEquals("fragile", f.actor());
        assertEquals(13, f.message());
        assertEquals("outside", f.sender());
        assertSame(boom, f.cause());
        assertEquals(1, system().failureCount());
    }

    /** Waits for a future that must fail; rethrows its ExecutionException. */
    void awaitFailure(CompletableFuture<?> f) throws Exception {
        try {
            await(f);
        } catch (Exception e) {
            throw new ExecutionException(e);
        }
    }

    @Test
    void theMdcNamesTheActorAndMessageOnceItLogsAndOnlyWhileThatMessageIsInHand() throws Exception {
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        system().<String>spawn("logger-actor", ctx -> {
            List<String> out = new ArrayList<>();
            ctx.receive();
            out.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
            ctx.log().debug("handling {}", "first");
            out.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
            ctx.receive();
            out.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
            ctx.log();
            out.add(MDC.get("actor") + "#" + MDC.get("msgSeq"));
            seen.complete(out);
        });
        system().send("logger-actor", "hi");
        system().send("logger-actor", "again");
        assertEquals(List.of("null#null", "logger-actor#1", "null#null", "logger-actor#2"), await(seen),
                "nothing written until the actor logs; then true for the message in hand only");
    }

    @Test
    void theMdcIsWrittenForEveryMessageWhenAskedTo() throws Exception {
        system = newSystem(ActorSystemOptions.defaults().withMdc(MdcMode.EVERY_MESSAGE));
        CompletableFuture<String> seen = new CompletableFuture<>();
        system().<String>spawn("eager", ctx -> {
            ctx.receive();
            ctx.receive();
            seen.complete(MDC.get("actor") + "#" + MDC.get("msgSeq"));
        });
        system().send("eager", "one");
        system().send("eager", "two");
        assertEquals("eager#2", await(seen));
    }

    @Test
    void pingPongAlternatesStrictlyAndTheTracerSeesEveryHop() throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        system().<Integer>spawn("ping", ctx -> {
            while (true) {
                int n = ctx.receive();
                if (n >= 20) {
                    done.complete(n);
                    return;
                }
                ctx.send("pong", n + 1);
            }
        });
        system().<Integer>spawn("pong", ctx -> {
            while (true) {
                int n = ctx.receive();
                ctx.send(ctx.sender(), n + 1);
            }
        });
        system().send("ping", 0);
        assertEquals(20, await(done));
        List<Traced> hops = traced.stream().filter(t -> t.message() instanceof Integer).toList();
        assertEquals(21, hops.size());
        for (int i = 0; i < hops.size(); i++) {
            Traced t = hops.get(i);
            assertEquals(i, t.message());
            assertEquals(i % 2 == 0 ? "ping" : "pong", t.receiver());
            assertEquals(i == 0 ? "outside" : (i % 2 == 0 ? "pong" : "ping"), t.sender());
            assertEquals(i / 2 + 1, t.sequence());
        }
    }

    @Test
    void sendsFromManyThreadsKeepPerSenderOrder() throws Exception {
        int threads = 4;
        int each = 2_000;
        CompletableFuture<List<int[]>> done = new CompletableFuture<>();
        system().<int[]>spawn("collector", ctx -> {
            List<int[]> got = new ArrayList<>();
            while (got.size() < threads * each) {
                got.add(ctx.receive());
            }
            done.complete(got);
        });
        settle();
        ActorRef<int[]> collector = system().<int[]>lookup("collector").orElseThrow();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    collector.send(new int[] {id, i});
                }
            }));
        }
        for (Thread t : senders) {
            t.join(20_000);
        }
        List<int[]> got = await(done);
        int[] next = new int[threads];
        for (int[] m : got) {
            assertEquals(next[m[0]]++, m[1], "per-sender order");
        }
    }

    @Test
    void shutdownClosesEveryActorSoTheirFinallyBlocksRun() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        for (String name : List.of("a", "b", "c")) {
            system().<String>spawn(name, ctx -> {
                try {
                    if (name.equals("c")) {
                        ready.complete(null);
                    }
                    while (true) {
                        ctx.receive();
                    }
                } finally {
                    closed.add(name);
                }
            });
        }
        await(ready);
        settle();
        system().shutdown();
        assertEquals(List.of("a", "b", "c"), closed.stream().sorted().toList());
        assertTrue(system().actorNames().isEmpty());
        assertThrows(IllegalStateException.class, () -> system().spawn("late", ctx -> { }));
    }

    @Test
    void senderIsTheActorThatSentAndANoSenderRefFromOutside() throws Exception {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        system().<String>spawn("echo", ctx -> {
            List<String> senders = new ArrayList<>();
            ctx.receive();
            senders.add(ctx.sender().name() + (ctx.sender().isAlive() ? " alive" : " never alive"));
            ctx.send(ctx.sender(), "a reply to nobody"); // a dead letter, not a NullPointerException
            ctx.receive();
            senders.add(ctx.sender().name());
            done.complete(senders);
        });
        system().<String>spawn("friend", ctx -> {
            ctx.receive();
            ctx.send("echo", "hi from friend");
        });
        system().send("echo", "from outside");
        settle();
        system().send("friend", "go");
        assertEquals(List.of("outside never alive", "friend"), await(done));
        assertEquals(List.of(new DeadLetter("outside", "echo", "a reply to nobody")), system().deadLetters().recent());
        assertTrue(failures.isEmpty());
    }

    @Test
    void handlerActorCannotReceive() throws Exception {
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        system().<String>spawnHandler("plain", (ctx, msg) -> {
            try {
                ctx.receive();
            } catch (IllegalStateException e) {
                error.complete(e);
            }
        });
        system().send("plain", "x");
        Throwable e = await(error);
        assertInstanceOf(IllegalStateException.class, e);
        assertEquals("actor 'plain' is a handler actor; receive() is only for generator actors", e.getMessage());
    }

    @Test
    void aGeneratorActorAwaitsAFutureCompletedByAnotherThread() throws Exception {
        CompletableFuture<Integer> input = new CompletableFuture<>();
        CompletableFuture<String> done = new CompletableFuture<>();
        system().<String>spawn("awaiter", ctx -> {
            ctx.receive();
            int v = ctx.await(input);
            done.complete(ctx.name() + " got " + v + ", then " + ctx.receive());
        });
        system().send("awaiter", "start");
        settle();
        system().send("awaiter", "queued while waiting");
        Thread.ofPlatform().start(() -> input.complete(5)).join(5_000);
        assertEquals("awaiter got 5, then queued while waiting", await(done));
    }

    @Test
    void askGetsTheReply() throws Exception {
        system().<Integer>spawnHandler("squarer", (ctx, n) -> ctx.send(ctx.sender(), n * n));
        assertEquals(49, (int) await(system().<Integer>ask("squarer", 7, java.time.Duration.ofSeconds(20))));
    }
}
