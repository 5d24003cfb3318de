package dev.frontier.context;

import static dev.frontier.context.Contexts.with;
import static dev.frontier.context.Contexts.withVoid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @contextmanager} semantics through {@link Contexts#with}, one behaviour per test. */
class GeneratorContextManagerTest {

    private final List<String> log = new ArrayList<>();

    /** Logs set-up, tear-down and what the generator saw at its yield. */
    private GeneratorContextManager<String> traced() {
        return GeneratorContextManager.of(y -> {
            log.add("enter");
            try {
                y.yield("value");
                log.add("resumed");
            } catch (RuntimeException e) {
                log.add("caught " + e.getMessage());
                throw e;
            } finally {
                log.add("finally");
            }
        });
    }

    @Nested
    class Entering {

        @Test
        void enterRunsToTheYieldAndTheBodyReceivesTheYieldedValue() {
            GeneratorContextManager<String> cm = traced();
            assertEquals(List.of(), log, "nothing runs before entering");
            Outcome<Integer> out = with(cm, v -> {
                log.add("body " + v);
                return v.length();
            });
            assertEquals(List.of("enter", "body value", "resumed", "finally"), log);
            assertEquals(5, out.value());
            assertFalse(out.wasSuppressed());
        }

        @Test
        void aGeneratorThatReturnsBeforeYieldingIsAnErrorAndTheBodyDoesNotRun() {
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> log.add("no yield"));
            GeneratorDidNotYieldException e = assertThrows(GeneratorDidNotYieldException.class,
                    () -> withVoid(cm, v -> log.add("body")));
            assertEquals("generator didn't yield", e.getMessage());
            assertEquals(List.of("no yield"), log);
        }

        @Test
        void aFailingSetUpPropagatesUnchangedAndTheBodyDoesNotRun() {
            IOException io = new IOException("cannot open");
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> {
                throw io;
            });
            Throwable thrown = assertThrows(Throwable.class, () -> withVoid(cm, v -> log.add("body")));
            assertSame(io, thrown);
            assertEquals(List.of(), log);
            assertThrows(ContextAlreadyEnteredException.class, cm::onEnter);
        }

        @Test
        void enteringTwiceIsAnErrorWithItsOwnMessage() {
            GeneratorContextManager<String> cm = traced();
            withVoid(cm, v -> { });
            ContextAlreadyEnteredException e = assertThrows(ContextAlreadyEnteredException.class,
                    () -> withVoid(cm, v -> log.add("second body")));
            assertEquals("context manager already entered; a generator context manager is single-use", e.getMessage());
            assertFalse(log.contains("second body"));
        }

        @Test
        void reenteringFromInsideTheBodyIsAnError() {
            GeneratorContextManager<String> cm = traced();
            assertThrows(ContextAlreadyEnteredException.class, () -> withVoid(cm, v -> withVoid(cm, w -> { })));
            assertEquals(List.of("enter", "caught context manager already entered; a generator context manager is single-use",
                    "finally"), log);
        }

        @Test
        void exitingWithoutEnteringOrTwiceIsAnError() {
            GeneratorContextManager<String> cm = traced();
            assertEquals("context manager was not entered",
                    assertThrows(ContextNotActiveException.class, () -> cm.onExit(null)).getMessage());
            cm.onEnter();
            assertFalse(cm.onExit(null));
            assertEquals("context manager already exited",
                    assertThrows(ContextNotActiveException.class, () -> cm.onExit(null)).getMessage());
        }

        @Test
        void anExistingGeneratorCanBeWrapped() {
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try {
                    y.yield(42);
                } finally {
                    log.add("cleaned");
                }
            });
            assertEquals(43, with(GeneratorContextManager.of(g), v -> v + 1).value());
            assertEquals(List.of("cleaned"), log);
            assertEquals(Generator.State.CLOSED, g.state());
        }
    }

    @Nested
    class NormalExit {

        @Test
        void aGeneratorThatYieldsAgainDidNotStopAndIsClosed() {
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> {
                try {
                    y.yield("one");
                    y.yield("two");
                    log.add("after second yield");
                } finally {
                    log.add("finally");
                }
            });
            GeneratorDidNotStopException e = assertThrows(GeneratorDidNotStopException.class, () -> withVoid(cm, v -> { }));
            assertEquals("generator didn't stop", e.getMessage());
            assertFalse(e.isAfterThrow());
            assertEquals(List.of("finally"), log, "closed: GeneratorExit at the second yield");
        }

        @Test
        void aFailingTearDownPropagates() {
            IllegalStateException teardown = new IllegalStateException("teardown");
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> {
                y.yield("v");
                throw teardown;
            });
            assertSame(teardown, assertThrows(IllegalStateException.class, () -> with(cm, v -> 1)));
        }

        @Test
        void aGeneratorThatIgnoresCloseAfterNotStoppingReportsTheIgnoredExitCarryingDidNotStop() {
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> {
                y.yield("one");
                while (true) {
                    try {
                        y.yield("again");
                    } catch (Error ignored) {
                        log.add("ignored " + ignored.getClass().getSimpleName());
                    }
                }
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> withVoid(cm, v -> { }));
            assertEquals("generator ignored GeneratorExit", e.getMessage());
            assertInstanceOf(GeneratorDidNotStopException.class, e.getSuppressed()[0]);
            assertEquals(List.of("ignored GeneratorExit"), log);
        }
    }

    @Nested
    class ExitWithAnException {

        @Test
        void theBodysExceptionIsThrownInAtTheYieldAndPropagatesUnchanged() {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> withVoid(traced(), v -> {
                throw boom;
            }));
            assertSame(boom, thrown);
            assertEquals(0, boom.getSuppressed().length, "re-raising the same exception is not an error");
            assertEquals(List.of("enter", "caught boom", "finally"), log);
        }

        @Test
        void aGeneratorThatCatchesAndReturnsSuppressesTheException() {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            GeneratorContextManager<String> swallowing = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    log.add("handled " + e.getMessage());
                }
            });
            Outcome<Integer> out = with(swallowing, v -> {
                throw boom;
            });
            assertTrue(out.wasSuppressed());
            assertSame(boom, out.suppressedException().orElseThrow());
            assertEquals(new Outcome.Suppressed<>(boom), out);
            assertEquals(-1, out.orElse(-1));
            assertSame(boom, assertThrows(NoSuchElementException.class, out::value).getCause());
            assertEquals(List.of("handled boom"), log);
        }

        @Test
        void onExitReportsSuppressionAsTrue() {
            GeneratorContextManager<String> swallowing = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (RuntimeException ignored) {
                    // suppress
                }
            });
            swallowing.onEnter();
            assertTrue(swallowing.onExit(new RuntimeException("x")));
        }

        @Test
        void aDifferentExceptionPropagatesWithTheOriginalAttachedAsSuppressed() {
            IllegalArgumentException original = new IllegalArgumentException("original");
            GeneratorContextManager<String> translating = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("translated");
                }
            });
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(translating, v -> {
                throw original;
            }));
            assertEquals("translated", thrown.getMessage());
            assertArrayEquals(new Throwable[] {original}, thrown.getSuppressed());
        }

        @Test
        void onExitItselfAttachesTheOriginalForCallersOtherThanWith() {
            IllegalArgumentException original = new IllegalArgumentException("original");
            GeneratorContextManager<String> translating = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("translated");
                }
            });
            translating.onEnter();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> translating.onExit(original));
            assertArrayEquals(new Throwable[] {original}, thrown.getSuppressed());

            GeneratorContextManager<String> stubborn = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    y.yield("again");
                }
            });
            stubborn.onEnter();
            GeneratorDidNotStopException didNotStop = assertThrows(GeneratorDidNotStopException.class, () -> stubborn.onExit(original));
            assertArrayEquals(new Throwable[] {original}, didNotStop.getSuppressed());
        }

        @Test
        void aDifferentExceptionCausedByTheOriginalKeepsItAsCauseOnly() {
            IllegalArgumentException original = new IllegalArgumentException("original");
            GeneratorContextManager<String> wrapping = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("wrapped", e);
                }
            });
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(wrapping, v -> {
                throw original;
            }));
            assertSame(original, thrown.getCause());
            assertEquals(0, thrown.getSuppressed().length);
        }

        @Test
        void aGeneratorThatCatchesAndYieldsAgainDidNotStopAfterThrow() {
            IllegalArgumentException original = new IllegalArgumentException("original");
            GeneratorContextManager<String> stubborn = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (IllegalArgumentException e) {
                    try {
                        y.yield("again");
                    } finally {
                        log.add("closed");
                    }
                }
            });
            GeneratorDidNotStopException e = assertThrows(GeneratorDidNotStopException.class, () -> withVoid(stubborn, v -> {
                throw original;
            }));
            assertEquals("generator didn't stop after throw()", e.getMessage());
            assertTrue(e.isAfterThrow());
            assertArrayEquals(new Throwable[] {original}, e.getSuppressed());
            assertEquals(List.of("closed"), log);
        }

        @Test
        void aStopIterationFromTheBodyPropagatesAsItselfAndIsNotTakenAsSuppression() {
            Generator<Integer, Void, Void> empty = Generator.ofVoid(y -> { });
            StopIteration stop = assertThrows(StopIteration.class, () -> withVoid(traced(), v -> empty.next()));
            assertEquals(0, stop.getSuppressed().length);
            assertEquals("finally", log.get(log.size() - 1));
        }

        @Test
        void aCheckedExceptionFromTheBodyIsNotWrapped() {
            IOException io = new IOException("disk");
            Throwable thrown = assertThrows(Throwable.class, () -> withVoid(traced(), v -> {
                throw io;
            }));
            assertSame(io, thrown);
        }

        @Test
        void anErrorFromTheBodyIsThrownInToo() {
            AssertionError error = new AssertionError("bad");
            AtomicReference<Throwable> seen = new AtomicReference<>();
            GeneratorContextManager<String> cm = GeneratorContextManager.of(y -> {
                try {
                    y.yield("v");
                } catch (Throwable t) {
                    seen.set(t);
                    throw t;
                }
            });
            assertSame(error, assertThrows(AssertionError.class, () -> withVoid(cm, v -> {
                throw error;
            })));
            assertSame(error, seen.get());
        }
    }

    @Test
    void aVoidBodyCompletesWithANullValue() {
        Outcome<Void> out = withVoid(traced(), v -> log.add("body"));
        assertEquals(new Outcome.Completed<Void>(null), out);
        assertNull(out.value());
        assertTrue(out.suppressedException().isEmpty());
    }
}
