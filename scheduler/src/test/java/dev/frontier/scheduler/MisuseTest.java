package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.BlockingWaitException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mistakes a new user makes, each failing at once with an error that says what happened and what
 * to do: a blocking wait on an ask from the thread that must answer it, and an actor's context used
 * from another thread.
 */
@Timeout(30)
class MisuseTest {

    final List<ActorFailure> failures = new CopyOnWriteArrayList<>();
    final ActorSystemOptions options = ActorSystemOptions.defaults().withErrorHandler(failures::add);

    // ------------------------------------------------------------------ blocking on an ask

    @Test
    void joinOnAnAskInsideAGeneratorActorFailsAtOnceAndSaysToAwait() {
        AtomicReference<Throwable> caught = new AtomicReference<>();
        try (DequeScheduler s = DequeScheduler.create(options.withClock(new ManualClock()))) {
            s.<String>spawnHandler("bank", (ctx, m) -> ctx.sender().send("balance 10"));
            s.<String>spawn("teller", ctx -> {
                ctx.receive();
                CompletableFuture<String> balance = ctx.system().ask("bank", "balance?", Duration.ofSeconds(5));
                try {
                    balance.join();
                } catch (BlockingWaitException e) {
                    caught.set(e);
                }
                ctx.send("log", ctx.await(balance)); // the right way still works
            });
            List<Object> log = new CopyOnWriteArrayList<>();
            s.spawnHandler("log", (ctx, m) -> log.add(m));
            s.send("teller", "go");
            s.run();
            assertEquals(List.of("balance 10"), log);
        }
        assertEquals("actor 'teller' called join() on ask 'bank' on the scheduler thread (" + Thread.currentThread().getName()
                + "): it would wait forever, because this thread must deliver the request and the reply (and fire the timeout)."
                + " Use ctx.await(future) in a generator actor, which suspends only this actor; in a handler actor, use"
                + " future.whenComplete(...) and send the result to self().", caught.get().getMessage());
    }

    @Test
    void getOnAnAskInsideAHandlerOnAStartedSchedulerFailsTheActorNotTheThread() throws Exception {
        DequeScheduler s = DequeScheduler.create(options).start();
        try {
            s.<String>spawnHandler("bank", (ctx, m) -> ctx.sender().send("ok"));
            s.<String>spawnHandler("teller", (ctx, m) -> ctx.system().ask("bank", m, Duration.ofSeconds(5)).get());
            s.send("teller", "debit");
            s.lookup("teller").orElseThrow().termination().handle((v, t) -> t).get(10, TimeUnit.SECONDS);
            CompletableFuture<Object> stillAnswers = s.ask("bank", "ping", Duration.ofSeconds(5));
            assertEquals("ok", stillAnswers.get(10, TimeUnit.SECONDS), "from outside on a started scheduler, blocking is fine");
        } finally {
            s.shutdown();
        }
        assertEquals(1, failures.size());
        assertInstanceOf(BlockingWaitException.class, failures.get(0).cause());
        assertTrue(failures.get(0).cause().getMessage().startsWith("actor 'teller' called get() on ask 'bank' on the scheduler thread "
                + "(frontier-scheduler): it would wait forever"), failures.get(0).cause().getMessage());
    }

    @Test
    void aBlockingAskFromTheThreadThatDrivesAnUnstartedSchedulerSaysToStartIt() throws Exception {
        try (DequeScheduler s = DequeScheduler.create(options)) {
            s.<String>spawnHandler("bank", (ctx, m) -> ctx.sender().send("ok"));
            CompletableFuture<Object> reply = s.ask("bank", "balance?", Duration.ofSeconds(5));
            for (Consumer<CompletableFuture<Object>> block : List.<Consumer<CompletableFuture<Object>>>of(
                    CompletableFuture::join,
                    f -> {
                        try {
                            f.get();
                        } catch (InterruptedException | ExecutionException e) {
                            throw new AssertionError(e);
                        }
                    },
                    f -> {
                        try {
                            f.get(1, TimeUnit.MINUTES);
                        } catch (InterruptedException | ExecutionException | TimeoutException e) {
                            throw new AssertionError(e);
                        }
                    })) {
                BlockingWaitException e = assertThrows(BlockingWaitException.class, () -> block.accept(reply));
                assertTrue(e.getMessage().contains("on ask 'bank' from thread " + Thread.currentThread().getName()
                        + ", which drives this scheduler (it was never start()ed): it would wait forever, because nothing"
                        + " delivers messages while this thread waits. Call start() on the scheduler before a blocking ask from"
                        + " outside, or call run() and read the future once it is done."), e.getMessage());
            }
            s.run();
            assertEquals("ok", reply.get(), "once done, get() is fine on any thread");
            assertEquals("ok", reply.thenApply(x -> x).join(), "stages made from it are plain futures");
        }
    }

    @Test
    void sleepingByJoinInsideAnActorIsRefusedToo() {
        try (DequeScheduler s = DequeScheduler.create(options.withClock(new ManualClock()))) {
            s.<String>spawnHandler("napper", (ctx, m) -> ctx.system().sleep(Duration.ofSeconds(1)).join());
            s.send("napper", "nap");
            s.run();
        }
        assertInstanceOf(BlockingWaitException.class, failures.get(0).cause());
        assertTrue(failures.get(0).cause().getMessage().startsWith("actor 'napper' called join() on sleep(PT1S)"));
    }

    @Test
    void aThreadActorJoiningAnAskToItselfIsRefusedAndAnAskToAnotherWorks() throws Exception {
        try (ThreadPerActorSystem t = ThreadPerActorSystem.create(options)) {
            CompletableFuture<Object> result = new CompletableFuture<>();
            t.<String>spawnHandler("echo", (ctx, m) -> ctx.sender().send(m));
            t.<String>spawn("narcissus", ctx -> {
                ctx.receive();
                try {
                    ctx.system().ask("narcissus", "me?", Duration.ofSeconds(5)).join();
                } catch (BlockingWaitException e) {
                    result.complete(e.getMessage());
                    return;
                }
                result.complete("not refused");
            });
            CompletableFuture<Object> answered = new CompletableFuture<>();
            t.<String>spawn("polite", ctx -> {
                ctx.receive();
                ctx.send("narcissus", "go");
                answered.complete(ctx.system().ask("echo", "hello", Duration.ofSeconds(5)).join()); // another actor's thread answers: fine
            });
            t.send("polite", "go");
            assertEquals("actor 'narcissus' called join() on ask 'narcissus' on its own thread (actor-narcissus), which must answer it:"
                    + " it would wait forever. Handle the request directly instead of asking yourself.", result.get(10, TimeUnit.SECONDS));
            assertEquals("hello", answered.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), failures);
    }

    // ------------------------------------------------------------------ a context used from another thread

    @Test
    void aContextUsedFromAnotherThreadNamesTheActorAndTheThreadThatOwnsIt() throws Exception {
        DequeScheduler s = DequeScheduler.create(options).start();
        try (ThreadPerActorSystem t = ThreadPerActorSystem.create(options)) {
            CompletableFuture<ActorContext<String>> onDeque = new CompletableFuture<>();
            CompletableFuture<ActorContext<String>> onThread = new CompletableFuture<>();
            s.<String>spawn("deque-actor", ctx -> {
                onDeque.complete(ctx);
                ctx.receive();
            });
            t.<String>spawn("thread-actor", ctx -> {
                onThread.complete(ctx);
                ctx.receive();
            });
            assertMisuse(onDeque.get(10, TimeUnit.SECONDS), "deque-actor", "frontier-scheduler");
            assertMisuse(onThread.get(10, TimeUnit.SECONDS), "thread-actor", "actor-thread-actor");
        } finally {
            s.shutdown();
        }
    }

    private static void assertMisuse(ActorContext<String> ctx, String actor, String owner) {
        String here = Thread.currentThread().getName();
        for (Runnable misuse : List.<Runnable>of(ctx::receive, ctx::sender, ctx::log, () -> ctx.receive(Duration.ofSeconds(1)),
                () -> {
                    try {
                        ctx.await(new CompletableFuture<>());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })) {
            IllegalStateException e = assertThrows(IllegalStateException.class, misuse::run);
            assertTrue(e.getMessage().startsWith("actor '" + actor + "': "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" must only be called from the actor's own code while it runs (on thread " + owner
                    + "), not from thread " + here), e.getMessage());
        }
    }
}
