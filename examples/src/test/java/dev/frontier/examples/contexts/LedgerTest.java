package dev.frontier.examples.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A ledger writer holds a lock across receives ({@code Contexts.with(locked(lock), ...)} around its
 * loop) and releases it when its session ends, is stopped, or fails. The writer runs on its own
 * thread, the reader is the test thread: a reader's {@code tryLock} shows who holds the lock.
 */
@Timeout(30)
class LedgerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final List<ActorFailure> failures = new CopyOnWriteArrayList<>();
    final ThreadPerActorSystem system = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withErrorHandler(failures::add));
    final Ledger ledger = new Ledger();

    @AfterEach
    void shutdown() {
        system.shutdown();
    }

    /** Sends {@code entry} to the writer and waits for its acknowledgement: the ledger's size. */
    int write(String entry) throws Exception {
        return system.<Integer>ask("writer", entry, TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static void awaitEnd(ActorRef<?> actor) throws Exception {
        actor.termination().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void theSessionHoldsTheLockUntilItsBodyReturns() throws Exception {
        ActorRef<String> writer = system.spawn("writer", ledger.writer(2));
        assertEquals(1, write("credit 10"));
        assertEquals(Optional.empty(), ledger.read(Duration.ZERO), "held by the writer's thread between receives");
        assertEquals(2, write("debit 4"));
        awaitEnd(writer);
        assertEquals(Optional.of(List.of("credit 10", "debit 4")), ledger.read(Duration.ZERO));
        assertFalse(ledger.isHeld());
        assertEquals(List.of(), failures);
    }

    @Test
    void stoppingTheWriterReleasesTheLock() throws Exception {
        ActorRef<String> writer = system.spawn("writer", ledger.writer(10));
        assertEquals(1, write("credit 10"));
        assertEquals(Optional.empty(), ledger.read(Duration.ZERO));
        assertTrue(system.stop("writer"));
        awaitEnd(writer);
        assertEquals(Optional.of(List.of("credit 10")), ledger.read(Duration.ZERO));
        assertEquals(List.of(), failures, "a stop is not a failure");
    }

    @Test
    void aFailingWriterReleasesTheLockAndTheErrorHandlerSeesTheFailure() throws Exception {
        ActorRef<String> writer = system.spawn("writer", ledger.writer(10));
        assertEquals(1, write("credit 10"));
        writer.send("  ");
        ExecutionException ended = assertThrows(ExecutionException.class, () -> awaitEnd(writer));
        assertEquals("blank ledger entry", assertInstanceOf(IllegalArgumentException.class, ended.getCause()).getMessage());
        assertEquals(Optional.of(List.of("credit 10")), ledger.read(Duration.ZERO));
        assertEquals(1, failures.size());
        assertEquals("writer", failures.get(0).actor());
        assertEquals("  ", failures.get(0).message());
        assertEquals(ended.getCause(), failures.get(0).cause());
    }

    @Test
    void aSecondWriterGetsTheLedgerWhenTheFirstSessionEnds() throws Exception {
        ActorRef<String> first = system.spawn("writer", ledger.writer(1));
        assertEquals(1, write("first session"));
        awaitEnd(first);
        system.spawn("writer", ledger.writer(1));
        assertEquals(2, write("second session"));
        assertEquals(Optional.of(List.of("first session", "second session")), ledger.read(TIMEOUT));
    }

    @Test
    void onTheDequeSchedulerTheLockIsHeldAcrossReceivesUntilTheActorIsStopped() {
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
            s.spawn("writer", ledger.writer(10));
            s.send("writer", "credit 10");
            s.run();
            assertTrue(ledger.isHeld(), "held by the suspended actor, between deliveries");
            s.stop("writer");
            s.run();
            assertFalse(ledger.isHeld());
        }
        assertEquals(List.of(), failures);
    }
}
