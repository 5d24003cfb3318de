package dev.frontier.context;

import static dev.frontier.context.Contexts.locked;
import static dev.frontier.context.Contexts.suppress;
import static dev.frontier.context.Contexts.tempdir;
import static dev.frontier.context.Contexts.timethis;
import static dev.frontier.context.Contexts.with;
import static dev.frontier.context.Contexts.withVoid;
import static dev.frontier.core.GeneratorImplementation.CONTINUATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The managers built from generators: timethis, tempdir, locked, suppress. */
class ContextsHelpersTest {

    @Nested
    class Timethis {
        private final Logger logger = (Logger) LoggerFactory.getLogger(Contexts.class);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private Level previousLevel;

        /** A clock that moves 1.234 s each time it is read. */
        private final AtomicLong now = new AtomicLong();
        private long read() {
            return now.getAndAdd(1_234_000_000L);
        }

        @BeforeEach
        void capture() {
            previousLevel = logger.getLevel();
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            appender.start();
            logger.addAppender(appender);
        }

        @AfterEach
        void release() {
            logger.detachAppender(appender);
            logger.setLevel(previousLevel);
            logger.setAdditive(true);
        }

        @Test
        void logsTheLabelAndTheElapsedSecondsAtInfo() {
            assertEquals(3, with(timethis("counting", this::read), v -> 1 + 2).value());
            assertEquals(1, appender.list.size());
            ILoggingEvent event = appender.list.get(0);
            assertEquals(Level.INFO, event.getLevel());
            assertEquals("counting: 1.234 s", event.getFormattedMessage());
        }

        @Test
        void logsAlsoWhenTheBlockFailsAndDoesNotSuppress() {
            IllegalStateException boom = new IllegalStateException("boom");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> withVoid(timethis("failing", this::read), v -> {
                throw boom;
            })));
            assertEquals("failing: 1.234 s", appender.list.get(0).getFormattedMessage());
        }

        @Test
        void theUnitIsTheLargestThatKeepsTheValueAtLeastOne() {
            assertEquals("1.234 s", Contexts.formatNanos(1_234_000_000L));
            assertEquals("1.000 s", Contexts.formatNanos(1_000_000_000L));
            assertEquals("750.000 ms", Contexts.formatNanos(750_000_000L));
            assertEquals("1.000 ms", Contexts.formatNanos(1_000_000L));
            assertEquals("41.250 us", Contexts.formatNanos(41_250L));
            assertEquals("0.000 us", Contexts.formatNanos(0L));
        }

        @Test
        void theSystemClockVersionLogsTooInTryWithResources() {
            try (var scope = timethis("real").enter()) {
                assertEquals(null, scope.value());
            }
            assertTrue(appender.list.get(0).getFormattedMessage().matches("real: \\d+\\.\\d{3} (s|ms|us)"),
                    appender.list.get(0).getFormattedMessage());
        }
    }

    @Nested
    class Tempdir {

        @Test
        void theDirectoryExistsInsideAndIsDeletedWithItsContentsAfter() {
            Path dir = with(tempdir(), d -> {
                assertTrue(Files.isDirectory(d));
                Files.createDirectories(d.resolve("a/b"));
                Files.writeString(d.resolve("a/b/c.txt"), "deep");
                Files.writeString(d.resolve("top.txt"), "top");
                return d;
            }).value();
            assertFalse(Files.exists(dir));
        }

        @Test
        void theDirectoryIsDeletedWhenTheBlockFailsAndTheFailurePropagates() {
            AtomicReference<Path> seen = new AtomicReference<>();
            UncheckedIOException boom = new UncheckedIOException(new IOException("boom"));
            assertSame(boom, assertThrows(UncheckedIOException.class, () -> withVoid(tempdir(), d -> {
                seen.set(d);
                Files.writeString(d.resolve("x"), "x");
                throw boom;
            })));
            assertFalse(Files.exists(seen.get()));
        }

        @Test
        void aSymbolicLinkToADirectoryIsRemovedNotFollowed() throws IOException {
            Path outside = Files.createTempDirectory("frontier-outside-");
            Path kept = Files.writeString(outside.resolve("kept.txt"), "kept");
            try {
                withVoid(tempdir(), d -> Files.createSymbolicLink(d.resolve("link"), outside));
                assertTrue(Files.exists(kept));
            } finally {
                Files.delete(kept);
                Files.delete(outside);
            }
        }

        @Test
        void tryWithResourcesDeletesToo() throws IOException {
            Path dir;
            try (Scope<Path> scope = tempdir().enter()) {
                dir = scope.value();
                Files.writeString(dir.resolve("f"), "f");
            }
            assertFalse(Files.exists(dir));
        }
    }

    @Nested
    class Locked {

        @Test
        void theLockIsHeldInsideAndReleasedAfter() throws Exception {
            ReentrantLock lock = new ReentrantLock();
            withVoid(locked(lock), l -> {
                assertSame(lock, l);
                assertTrue(lock.isLocked());
                // On the thread fallback the generator's body, which took the lock, has a thread of its own.
                assertEquals(CONTINUATIONS, lock.isHeldByCurrentThread());
                assertFalse(CompletableFuture.supplyAsync(lock::tryLock).get(10, TimeUnit.SECONDS),
                        "another thread cannot take it");
            });
            assertFalse(lock.isLocked());
            assertTrue(CompletableFuture.supplyAsync(() -> {
                boolean got = lock.tryLock();
                lock.unlock();
                return got;
            }).get(10, TimeUnit.SECONDS));
        }

        @Test
        void theLockIsReleasedWhenTheBlockFails() {
            ReentrantLock lock = new ReentrantLock();
            assertThrows(IllegalStateException.class, () -> withVoid(locked(lock), l -> {
                throw new IllegalStateException("boom");
            }));
            assertFalse(lock.isLocked());
        }
    }

    @Nested
    class Suppress {

        @Test
        void aListedTypeOrSubtypeIsSuppressedAndTheRestOfTheBodyIsSkipped() {
            FileNotFoundException missing = new FileNotFoundException("missing");
            List<String> log = new java.util.ArrayList<>();
            Outcome<Void> out = withVoid(suppress(IOException.class), v -> {
                log.add("before");
                throw missing;
            });
            assertSame(missing, out.suppressedException().orElseThrow());
            assertEquals(List.of("before"), log);
        }

        @Test
        void anUnlistedTypePropagates() {
            IllegalStateException other = new IllegalStateException("other");
            assertSame(other, assertThrows(IllegalStateException.class,
                    () -> withVoid(suppress(IOException.class, ArithmeticException.class), v -> {
                        throw other;
                    })));
        }

        @Test
        void withNoTypesNothingIsSuppressed() {
            IllegalStateException boom = new IllegalStateException("boom");
            assertSame(boom, assertThrows(IllegalStateException.class, () -> withVoid(suppress(), v -> {
                throw boom;
            })));
        }

        @Test
        void aBodyThatCompletesHasItsResult() {
            assertEquals("ok", with(suppress(RuntimeException.class), v -> "ok").value());
        }

        @Test
        void tryWithResourcesCannotSuppress() {
            ArithmeticException div = new ArithmeticException("/ by zero");
            assertSame(div, assertThrows(ArithmeticException.class, () -> {
                try (var scope = suppress(ArithmeticException.class).enter()) {
                    assertEquals(null, scope.value());
                    throw div;
                }
            }));
        }
    }
}
