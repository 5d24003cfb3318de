package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.AskTimeoutException;
import dev.frontier.actor.Backoff;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.ExitReason;
import dev.frontier.actor.LinkedActorFailedException;
import dev.frontier.actor.RestartIntensityExceededException;
import dev.frontier.actor.SupervisionEvent;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.actor.Terminated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Supervision where time matters, under a {@link ManualClock} on the deque scheduler driven by hand:
 * backoff delays (doubling, capped, seeded jitter, reset after a quiet period, a limit in a row),
 * the intensity window, typed-ask and selective-receive timeouts. Also what only one mode shows:
 * a chain of links fails without recursion, direct mode refuses, the WARN for a wrong type.
 */
@Timeout(30)
class SupervisionTimingTest {

    final ManualClock clock = new ManualClock();
    final List<ActorFailure> failures = new ArrayList<>();
    final DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withClock(clock)
            .withErrorHandler(failures::add));
    final List<SupervisionEvent> events = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    @AfterEach
    void shutdown() {
        s.shutdown();
    }

    ChildSpec<String> flaky(String name) {
        return ChildSpec.of(name, String.class, ctx -> {
            log.add("start " + name);
            while (true) {
                String m = ctx.receive();
                if (m.equals("boom")) {
                    throw new IllegalStateException(name + " blew up");
                }
                log.add(name + " got " + m);
            }
        });
    }

    List<Duration> restartDelays() {
        return events.stream().filter(e -> e instanceof SupervisionEvent.ChildRestarted)
                .map(e -> ((SupervisionEvent.ChildRestarted) e).delay()).toList();
    }

    long restarts() {
        return events.stream().filter(e -> e instanceof SupervisionEvent.ChildRestarted).count();
    }

    ActorRef<String> supervised(SupervisorSpec spec) {
        s.spawnSupervisor("sup", spec.withListener(events::add).child(flaky("w")));
        s.run();
        return s.<String>lookup("w").orElseThrow();
    }

    /** Fails {@code w}, then shows that it waits exactly {@code delay} (to the nanosecond) for its restart. */
    void failAndWait(ActorRef<String> w, Duration delay) {
        long before = restarts();
        int taken = log.size();
        w.send("boom");
        w.send("queued");
        s.run();
        clock.advance(delay.minusNanos(1));
        s.run();
        assertEquals(before, restarts(), "not restarted before " + delay);
        assertEquals(taken, log.size(), "the message waits in the mailbox");
        clock.advance(Duration.ofNanos(1));
        s.run();
        assertEquals(before + 1, restarts(), "restarted at " + delay);
        assertEquals(List.of("start w", "w got queued"), log.subList(taken, log.size()), "then it takes the message that waited");
    }

    @Test
    void backoffWaitsTheMinimumThenDoublesUpToTheMaximum() {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne()
                .withBackoff(Backoff.of(Duration.ofMillis(100), Duration.ofMillis(400), 0).withResetAfter(Duration.ofHours(1))));
        for (long ms : new long[] {100, 200, 400, 400}) {
            failAndWait(w, Duration.ofMillis(ms));
        }
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(400)),
                restartDelays());
        assertTrue(w.isAlive());
        assertEquals(4, failures.size());
    }

    @Test
    void theRandomFactorIsSeededSoTheDelaysAreTheSameEveryRun() {
        Backoff b = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(10), 0.5).withSeed(42).withResetAfter(Duration.ofHours(1));
        SplittableRandom same = new SplittableRandom(42);
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne().withBackoff(b));
        for (int i = 0; i < 3; i++) {
            Duration expected = b.delay(i, same.nextDouble());
            long base = 100L << i;
            assertTrue(expected.toMillis() >= base && expected.toMillis() <= base * 3 / 2, expected + " within [1, 1.5] x " + base);
            failAndWait(w, expected);
        }
    }

    @Test
    void theBackoffStartsOverAfterAQuietPeriod() {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne()
                .withBackoff(Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(1), 0).withResetAfter(Duration.ofSeconds(5))));
        failAndWait(w, Duration.ofMillis(100));
        failAndWait(w, Duration.ofMillis(200));
        clock.advance(Duration.ofSeconds(5)); // five quiet seconds since the last restart
        failAndWait(w, Duration.ofMillis(100));
    }

    @Test
    void pastItsMaxRestartsInARowABackoffSupervisorGivesUp() throws Exception {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne()
                .withBackoff(Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(1), 0).withMaxRestarts(2)));
        ActorRef<?> sup = s.lookup("sup").orElseThrow();
        failAndWait(w, Duration.ofMillis(100));
        failAndWait(w, Duration.ofMillis(200));
        w.send("boom");
        s.run();
        assertFalse(sup.isAlive());
        ExecutionException e = assertThrows(ExecutionException.class, () -> sup.termination().get());
        assertInstanceOf(RestartIntensityExceededException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("beyond 2 restarts in a row"), e.getCause().getMessage());
    }

    @Test
    void aSupervisorStoppedDuringABackoffCancelsItsTimerAndEndsTheWaitingChild() throws Exception {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne()
                .withBackoff(Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)));
        w.send("boom");
        w.send("left behind");
        s.run();
        assertEquals(1, s.pendingTimers(), "the restart waits for its delay");
        s.stop("sup");
        s.run();
        assertEquals(0, s.pendingTimers());
        assertFalse(w.isAlive());
        ExecutionException e = assertThrows(ExecutionException.class, () -> w.termination().get());
        assertEquals("w blew up", e.getCause().getMessage(), "it ends with the failure it was never restarted from");
        assertEquals(List.of(new DeadLetter("w", "outside", "left behind")), s.deadLetters().recent());
    }

    @Test
    void theIntensityCountsOnlyRestartsWithinItsPeriod() {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne()); // Erlang's default: 1 restart in 5 s
        ActorRef<?> sup = s.lookup("sup").orElseThrow();
        w.send("boom");
        s.run();
        clock.advance(Duration.ofSeconds(5)); // the first restart leaves the window
        w.send("boom");
        s.run();
        assertEquals(2, restarts());
        assertTrue(sup.isAlive());
        clock.advance(Duration.ofMillis(4_999));
        w.send("boom"); // the second restart is still within 5 s
        s.run();
        assertFalse(sup.isAlive(), "two restarts within 5 s");
        assertFalse(w.isAlive());
    }

    @Test
    void aChildStoppedFromOutsideEndsForGoodAndItsSupervisorForgetsIt() {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne());
        ActorRef<?> sup = s.lookup("sup").orElseThrow();
        assertTrue(s.stop("w"));
        s.run();
        assertFalse(w.isAlive());
        assertTrue(sup.isAlive());
        assertEquals(0, restarts());
        s.stop("sup");
        s.run();
        assertEquals(List.of(), events.stream().filter(e -> e instanceof SupervisionEvent.ChildStopped).toList(),
                "it had forgotten w: nothing left to stop");
    }

    record Get(ActorRef<Integer> replyTo) {
    }

    @Test
    void aTypedAskTimesOutWithTodaysErrorAndALateReplyIsADeadLetter() throws Exception {
        List<Get> asked = new ArrayList<>();
        ActorRef<Get> slow = s.spawn("slow", Get.class, ctx -> {
            while (true) {
                asked.add(ctx.receive());
            }
        });
        CompletableFuture<Integer> reply = slow.ask(Get::new, Duration.ofMillis(500));
        s.run();
        clock.advance(Duration.ofMillis(499));
        s.run();
        assertFalse(reply.isDone());
        clock.advance(Duration.ofMillis(1));
        s.run();
        ExecutionException e = assertThrows(ExecutionException.class, reply::get);
        assertInstanceOf(AskTimeoutException.class, e.getCause());
        assertEquals("no reply from actor 'slow' to Get[replyTo=ask reply 'ask-1-slow'] within 500 ms", e.getCause().getMessage());
        asked.get(0).replyTo().send(7);
        assertEquals(List.of(new DeadLetter("ask-1-slow", "outside", 7)), s.deadLetters().recent());
        assertEquals(0, s.pendingTimers(), "an ask leaves nothing behind");
    }

    @Test
    void selectiveReceiveWithATimeoutGivesUpAtTheDeadlineAndKeepsWhatItSkipped() {
        List<Object> got = new ArrayList<>();
        s.<Object>spawn("picky", ctx -> {
            Optional<Integer> n = ctx.receive(Integer.class, Duration.ofSeconds(1));
            got.add(n.isPresent() ? n.get() : "no Integer in 1 s");
            got.add(ctx.receive(m -> m.equals("b"), Duration.ofSeconds(1)).orElse("none"));
            got.add(ctx.receive());
        });
        s.send("picky", "a");
        s.run();
        clock.advance(Duration.ofMillis(999));
        s.run();
        assertEquals(List.of(), got);
        clock.advance(Duration.ofMillis(1));
        s.run();
        assertEquals(List.of("no Integer in 1 s"), got);
        s.send("picky", "b");
        s.run();
        assertEquals(List.of("no Integer in 1 s", "b", "a"), got, "the skipped 'a' was kept");
        assertEquals(0, s.pendingTimers());
    }

    @Test
    void aLongChainOfLinksFailsWithoutRecursing() throws Exception {
        int n = Integer.getInteger("chain", 10_000);
        List<ActorRef<String>> chain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ActorRef<String> previous = i == 0 ? null : chain.get(i - 1);
            chain.add(s.spawn("link-" + i, ctx -> {
                if (previous != null) {
                    ctx.link(previous);
                }
                if (ctx.receive().equals("boom")) {
                    throw new IllegalStateException("first link");
                }
            }));
        }
        s.run();
        chain.get(0).send("boom");
        s.run();
        assertTrue(chain.stream().noneMatch(ActorRef::isAlive));
        assertEquals(n, failures.size());
        ExecutionException last = assertThrows(ExecutionException.class, () -> chain.get(n - 1).termination().get());
        assertInstanceOf(LinkedActorFailedException.class, last.getCause());
        assertEquals("link-" + (n - 2), ((LinkedActorFailedException) last.getCause()).partner());
    }

    @Test
    void aWatchedSupervisedChildIsNotTerminatedByARestartOnlyByItsEnd() {
        ActorRef<String> w = supervised(SupervisorSpec.oneForOne());
        List<Object> seen = new ArrayList<>();
        s.<Object>spawn("watcher", ctx -> {
            ctx.watch(w);
            while (true) {
                seen.add(ctx.receive());
            }
        });
        s.run();
        w.send("boom");
        s.run();
        assertEquals(List.of(), seen);
        s.stop("sup");
        s.run();
        assertEquals(List.of(new Terminated(w, ExitReason.STOPPED)), seen);
    }

    @Test
    void directModeRefusesWhatItCannotDoWithAClearError() {
        try (DirectActorSystem d = DirectActorSystem.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> d.spawnSupervisor("sup", SupervisorSpec.oneForOne()));
            assertEquals("DirectActorSystem cannot spawnSupervisor: it would deliver to an actor on the stack of the actor "
                    + "that ended; use DequeScheduler or ThreadPerActorSystem", e.getMessage());
            List<String> refused = new ArrayList<>();
            ActorRef<String> other = d.spawn("other", ctx -> {
                ctx.receive();
            });
            d.<String>spawn("watcher", ctx -> {
                for (String op : List.of("watch", "link")) {
                    try {
                        if (op.equals("watch")) {
                            ctx.watch(other);
                        } else {
                            ctx.link(other);
                        }
                    } catch (UnsupportedOperationException u) {
                        refused.add(u.getMessage().substring(0, u.getMessage().indexOf(':')));
                    }
                }
            });
            assertEquals(List.of("DirectActorSystem cannot watch", "DirectActorSystem cannot link"), refused);
            d.send("other", 42);
        }
    }

    @Test
    void aMessageOfTheWrongTypeIsLoggedAtWarnWithTheActorTheExpectedAndTheActualType() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("dev.frontier.deadletters");
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
        try {
            s.spawn("typed", Integer.class, ctx -> {
                while (true) {
                    ctx.receive();
                }
            });
            s.<String>spawn("sender", ctx -> ctx.send("typed", ctx.receive()));
            s.send("sender", "not a number");
            s.run();
            assertEquals(List.of("actor 'typed' accepts java.lang.Integer, not java.lang.String: a message from sender is a "
                    + "dead letter: not a number (1 refused so far)"), appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertEquals(List.of(new DeadLetter("typed", "sender", "not a number")), s.deadLetters().recent());
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
            logger.setAdditive(true);
        }
    }
}
