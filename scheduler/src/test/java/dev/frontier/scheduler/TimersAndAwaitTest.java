package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.AskTimeoutException;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers under virtual time, await inside actors, and ask: the deque scheduler driven by hand. */
@Timeout(30)
class TimersAndAwaitTest {

    final ManualClock clock = new ManualClock();
    final DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withClock(clock));

    @AfterEach
    void shutdown() {
        s.shutdown();
    }

    @Test
    void sleepWakesOnlyWhenVirtualTimeHasPassed() {
        List<String> log = new ArrayList<>();
        s.<String>spawn("sleeper", ctx -> {
            log.add("sleeping");
            ctx.sleep(Duration.ofSeconds(5));
            log.add("awake");
        });
        s.run();
        assertEquals(List.of("sleeping"), log);
        clock.advance(Duration.ofSeconds(4));
        s.run();
        assertEquals(List.of("sleeping"), log);
        clock.advance(Duration.ofSeconds(1));
        s.run();
        assertEquals(List.of("sleeping", "awake"), log);
    }

    /** nextTimerDeadline names the earliest pending timer, so a test can jump virtual time straight to it. */
    @Test
    void nextTimerDeadlineIsTheEarliestPendingTimer() {
        assertTrue(s.nextTimerDeadline().isEmpty());
        s.sendAfter(Duration.ofSeconds(30), "nobody", "late");
        Cancellable early = s.sendAfter(Duration.ofSeconds(2), "nobody", "early");
        assertEquals(Duration.ofSeconds(2).toNanos(), s.nextTimerDeadline().getAsLong());
        early.cancel();
        assertEquals(Duration.ofSeconds(30).toNanos(), s.nextTimerDeadline().getAsLong());
        clock.advance(Duration.ofNanos(s.nextTimerDeadline().getAsLong() - clock.nanoTime()));
        s.run();
        assertTrue(s.nextTimerDeadline().isEmpty());
        assertEquals(1, s.deadLetters().count(), "the late send fired (to nobody)");
    }

    @Test
    void sendAfterDeliversAtTheDeadlineAndCancelStopsIt() {
        List<String> got = new ArrayList<>();
        s.<String>spawnHandler("inbox", (ctx, m) -> got.add(m));
        s.sendAfter(Duration.ofMillis(100), "inbox", "later");
        Cancellable never = s.sendAfter(Duration.ofMillis(50), "inbox", "cancelled");
        assertTrue(never.cancel());
        assertFalse(never.cancel(), "already settled");
        s.run();
        clock.advance(Duration.ofMillis(99));
        s.run();
        assertEquals(List.of(), got);
        clock.advance(Duration.ofMillis(1));
        s.run();
        assertEquals(List.of("later"), got);
    }

    @Test
    void receiveWithATimeoutComesBackEmptyOrWithTheMessage() {
        List<Optional<String>> got = new ArrayList<>();
        s.<String>spawn("patient", ctx -> {
            got.add(ctx.receive(Duration.ofSeconds(1)));
            got.add(ctx.receive(Duration.ofSeconds(1)));
            got.add(ctx.receive(Duration.ofSeconds(1)));
        });
        s.run();
        clock.advance(Duration.ofSeconds(1));
        s.run();
        assertEquals(List.of(Optional.empty()), got);
        s.send("patient", "in time");
        s.run();
        assertEquals(List.of(Optional.empty(), Optional.of("in time")), got);
        clock.advance(Duration.ofMillis(999));
        s.run();
        assertEquals(2, got.size(), "the answered receive's timer does not end the next receive early");
        clock.advance(Duration.ofMillis(1));
        s.run();
        assertEquals(List.of(Optional.empty(), Optional.of("in time"), Optional.empty()), got);
    }

    @Test
    void askCompletesWithTheReply() throws Exception {
        s.<Integer>spawnHandler("doubler", (ctx, n) -> ctx.send(ctx.sender(), n * 2));
        CompletableFuture<Integer> answer = s.ask("doubler", 21, Duration.ofSeconds(1));
        s.run();
        assertEquals(42, answer.get());
    }

    @Test
    void askTimesOutNamingTheActorTheMessageAndTheTimeoutAndALateReplyIsADeadLetter() {
        List<ActorRef<Object>> callers = new ArrayList<>();
        s.<String>spawnHandler("slow", (ctx, m) -> callers.add(ctx.sender()));
        CompletableFuture<String> answer = s.ask("slow", "question", Duration.ofMillis(500));
        s.run();
        clock.advance(Duration.ofMillis(500));
        s.run();
        ExecutionException e = assertThrows(ExecutionException.class, answer::get);
        assertInstanceOf(AskTimeoutException.class, e.getCause());
        assertEquals("no reply from actor 'slow' to question within 500 ms", e.getCause().getMessage());
        callers.get(0).send("too late");
        s.run();
        List<DeadLetter> dead = s.deadLetters().recent();
        assertEquals(1, dead.size());
        assertEquals("too late", dead.get(0).message());
        assertTrue(dead.get(0).recipient().startsWith("ask-"), dead.get(0).recipient());
    }

    @Test
    void askingAnUnknownActorFailsAtOnceAndIsADeadLetter() {
        CompletableFuture<Object> answer = s.ask("nobody", "hi", Duration.ofSeconds(1));
        assertTrue(answer.isCompletedExceptionally());
        assertEquals(1, s.deadLetters().count());
    }

    @Test
    void awaitKeepsTheMailboxOpenAndOtherActorsRunning() throws Exception {
        CompletableFuture<Integer> slowAnswer = new CompletableFuture<>();
        List<String> log = new ArrayList<>();
        s.<String>spawn("waiter", ctx -> {
            ctx.receive();
            int v = ctx.await(slowAnswer);
            log.add("got " + v);
            log.add("then " + ctx.receive());
            log.add("then " + ctx.receive());
        });
        s.<String>spawnHandler("other", (ctx, m) -> log.add("other ran: " + m));
        s.send("waiter", "start");
        s.run();
        s.send("waiter", "queued-1");
        s.send("other", "x");
        s.send("waiter", "queued-2");
        s.run();
        assertEquals(List.of("other ran: x"), log);
        Thread completer = Thread.ofPlatform().name("completer").start(() -> slowAnswer.complete(7));
        completer.join(5_000);
        s.run();
        assertEquals(List.of("other ran: x", "got 7", "then queued-1", "then queued-2"), log);
    }

    @Test
    void theBodyResumesOnTheSchedulerThreadNotOnTheCompletingThread() throws Exception {
        CompletableFuture<String> value = new CompletableFuture<>();
        CompletableFuture<String> resumedOn = new CompletableFuture<>();
        s.<String>spawn("where", ctx -> {
            ctx.await(value);
            resumedOn.complete(Thread.currentThread().getName());
        });
        s.run();
        Thread completer = Thread.ofPlatform().name("pool-completer").start(() -> value.complete("v"));
        completer.join(5_000);
        s.run();
        assertEquals(Thread.currentThread().getName(), resumedOn.getNow("not resumed"));
    }

    @Test
    void aFailedFutureIsThrownInAtTheAwaitUnwrapped() {
        List<String> log = new ArrayList<>();
        s.<String>spawn("careful", ctx -> {
            try {
                ctx.await(CompletableFuture.supplyAsync(() -> {
                    throw new IllegalArgumentException("bad");
                }, Runnable::run));
            } catch (IllegalArgumentException e) {
                log.add("caught " + e.getMessage());
            }
            CompletableFuture<String> later = new CompletableFuture<>();
            later.completeExceptionally(new java.io.IOException("disk"));
            try {
                ctx.await(later);
            } catch (java.io.IOException e) {
                log.add("caught " + e.getMessage());
            }
        });
        s.run();
        assertEquals(List.of("caught bad", "caught disk"), log);
    }

    @Test
    void stoppingAnAwaitingActorRunsItsFinallyAndTheLateCompletionIsIgnored() {
        CompletableFuture<String> never = new CompletableFuture<>();
        List<String> log = new ArrayList<>();
        s.<String>spawn("stuck", ctx -> {
            try {
                ctx.await(never);
                log.add("resumed");
            } finally {
                log.add("finally");
            }
        });
        s.run();
        assertTrue(s.stop("stuck"));
        s.run();
        never.complete("late");
        s.run();
        assertEquals(List.of("finally"), log);
        assertEquals(0, s.failureCount());
    }

    @Test
    void handlerActorsCannotAwait() {
        List<String> log = new ArrayList<>();
        s.<String>spawnHandler("h", (ctx, m) -> {
            try {
                ctx.await(new CompletableFuture<>());
            } catch (IllegalStateException e) {
                log.add(e.getMessage());
            }
        });
        s.send("h", "x");
        s.run();
        assertEquals(List.of("actor 'h' is a handler actor; await() is only for generator actors"), log);
    }
}
