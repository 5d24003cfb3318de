package dev.frontier.examples.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.examples.contexts.Journal.Append;
import dev.frontier.examples.contexts.Journal.Close;
import dev.frontier.examples.contexts.Journal.Command;
import dev.frontier.examples.contexts.Journal.Contents;
import dev.frontier.examples.contexts.Journal.Read;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journal holds a temporary directory and an open file across receives (an ExitStack entered
 * with {@code Contexts.with} around its loop) and releases both when it ends: by returning, by
 * being stopped, by failing.
 */
class JournalTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final List<ActorFailure> failures = new CopyOnWriteArrayList<>();

    ActorSystemOptions options() {
        return ActorSystemOptions.defaults().withErrorHandler(failures::add);
    }

    static void assertOpen(Contents contents) {
        assertTrue(Files.isDirectory(contents.directory()), "directory exists while the actor lives");
        assertTrue(Files.isRegularFile(contents.directory().resolve(Journal.FILE_NAME)));
    }

    /** The deque scheduler driven by hand from the test thread: no threads, no waiting. */
    @Nested
    class OnTheDequeScheduler {

        final DequeScheduler s = DequeScheduler.create(options());

        @AfterEach
        void shutdown() {
            s.shutdown();
        }

        Contents read(String name) {
            CompletableFuture<Contents> reply = s.ask(name, new Read(), TIMEOUT);
            s.run();
            assertTrue(reply.isDone(), "the journal replied");
            return reply.join();
        }

        @Test
        void whenTheBodyReturnsTheFileIsClosedAndTheDirectoryDeleted() {
            ActorRef<Command> journal = s.spawn("journal", Journal.actor());
            journal.send(new Append("first"));
            journal.send(new Append("second"));
            Contents contents = read("journal");
            assertEquals(List.of("first", "second"), contents.entries());
            assertOpen(contents);
            journal.send(new Close());
            s.run();
            assertTrue(journal.termination().isDone());
            assertNull(journal.termination().join(), "ended normally");
            assertFalse(Files.exists(contents.directory()), "directory deleted");
            assertEquals(List.of(), failures);
        }

        @Test
        void whenItIsStoppedGeneratorExitUnwindsTheStackAndTheDirectoryIsDeleted() {
            ActorRef<Command> journal = s.spawn("journal", Journal.actor());
            journal.send(new Append("kept until stopped"));
            Contents contents = read("journal");
            assertOpen(contents);
            assertTrue(s.stop("journal"));
            s.run();
            assertFalse(journal.isAlive());
            assertFalse(Files.exists(contents.directory()), "directory deleted");
            assertEquals(List.of(), failures, "a stop is not a failure");
        }

        @Test
        void whenItFailsTheDirectoryIsDeletedAndTheErrorHandlerSeesTheFailure() {
            ActorRef<Command> journal = s.spawn("journal", Journal.actor());
            Contents contents = read("journal");
            assertOpen(contents);
            Append bad = new Append("two\nlines");
            journal.send(bad);
            s.run();
            assertFalse(Files.exists(contents.directory()), "directory deleted");
            assertEquals(1, failures.size());
            ActorFailure failure = failures.get(0);
            assertEquals("journal", failure.actor());
            assertSame(bad, failure.message());
            IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, failure.cause());
            assertEquals("a journal entry must be one line: [two, lines]", cause.getMessage());
            assertEquals(0, cause.getSuppressed().length, "the unwinding itself did not fail");
            assertTrue(journal.termination().isCompletedExceptionally());
            assertEquals(1, s.failureCount());
        }

        @Test
        void shutdownReleasesEveryJournal() {
            s.spawn("a", Journal.actor());
            s.spawn("b", Journal.actor());
            Path a = read("a").directory();
            Path b = read("b").directory();
            assertTrue(Files.isDirectory(a) && Files.isDirectory(b));
            s.shutdown();
            assertFalse(Files.exists(a));
            assertFalse(Files.exists(b));
            assertEquals(List.of(), failures);
        }

        @Test
        void eachJournalHasItsOwnDirectory() {
            s.spawn("a", Journal.actor());
            s.spawn("b", Journal.actor());
            s.send("a", new Append("for a"));
            Contents a = read("a");
            Contents b = read("b");
            assertFalse(a.directory().equals(b.directory()));
            assertEquals(List.of("for a"), a.entries());
            assertEquals(List.of(), b.entries());
        }
    }

    /** Each actor on its own virtual thread: the same three endings, waited for with timeouts. */
    @Nested
    @Timeout(30)
    class OnAThreadPerActorSystem {

        final ThreadPerActorSystem system = ThreadPerActorSystem.create(options());

        @AfterEach
        void shutdown() {
            system.shutdown();
        }

        Contents read(String name) throws Exception {
            return system.<Contents>ask(name, new Read(), TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        static void awaitEnd(ActorRef<?> actor) throws Exception {
            actor.termination().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        @Test
        void whenTheBodyReturns() throws Exception {
            ActorRef<Command> journal = system.spawn("journal", Journal.actor());
            journal.send(new Append("first"));
            Contents contents = read("journal");
            assertEquals(List.of("first"), contents.entries());
            assertOpen(contents);
            journal.send(new Close());
            awaitEnd(journal);
            assertFalse(Files.exists(contents.directory()));
            assertEquals(List.of(), failures);
        }

        @Test
        void whenItIsStopped() throws Exception {
            ActorRef<Command> journal = system.spawn("journal", Journal.actor());
            Contents contents = read("journal");
            assertOpen(contents);
            assertTrue(system.stop("journal"));
            awaitEnd(journal);
            assertFalse(Files.exists(contents.directory()));
            assertEquals(List.of(), failures);
        }

        @Test
        void whenItFails() throws Exception {
            ActorRef<Command> journal = system.spawn("journal", Journal.actor());
            Contents contents = read("journal");
            assertOpen(contents);
            journal.send(new Append("a\rb"));
            ExecutionException ended = assertThrows(ExecutionException.class, () -> awaitEnd(journal));
            assertInstanceOf(IllegalArgumentException.class, ended.getCause());
            assertFalse(Files.exists(contents.directory()));
            assertEquals(1, failures.size());
            assertSame(ended.getCause(), failures.get(0).cause());
            assertEquals("journal", failures.get(0).actor());
        }
    }
}
