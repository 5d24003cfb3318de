package dev.frontier.context;

import static dev.frontier.context.Contexts.suppress;
import static dev.frontier.context.Contexts.with;
import static dev.frontier.context.Contexts.withVoid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ExitStack: reverse order, every exit runs, Python's chaining, suppression by outer exits. */
class ExitStackTest {

    private final List<String> log = new ArrayList<>();

    private GeneratorContextManager<String> named(String name) {
        return GeneratorContextManager.of(y -> {
            log.add("enter " + name);
            try {
                y.yield(name);
            } finally {
                log.add("exit " + name);
            }
        });
    }

    private AutoCloseable failing(String name, RuntimeException failure) {
        return () -> {
            log.add("close " + name);
            throw failure;
        };
    }

    @Test
    void exitsRunInReverseOrderOfRegistration() {
        try (ExitStack stack = new ExitStack()) {
            assertEquals("a", stack.enterContext(named("a")));
            stack.callback(() -> log.add("callback b"));
            assertEquals("c", stack.enterContext(named("c")));
            assertEquals(3, stack.size());
            log.add("body");
        }
        assertEquals(List.of("enter a", "enter c", "body", "exit c", "callback b", "exit a"), log);
    }

    @Test
    void closingReturnsTheResourceAndClosesIt() {
        class Resource implements AutoCloseable {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Resource r;
        try (ExitStack stack = new ExitStack()) {
            r = stack.closing(new Resource());
            assertFalse(r.closed);
        }
        assertTrue(r.closed);
    }

    @Test
    void everyExitRunsAndEveryFailureIsKeptTheLastOneWinsCarryingTheEarlier() {
        IllegalStateException body = new IllegalStateException("body");
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(new ExitStack(), stack -> {
            stack.callback(failing("outer", second));
            stack.callback(() -> log.add("middle"));
            stack.callback(failing("inner", first));
            throw body;
        }));
        assertEquals(List.of("close inner", "middle", "close outer"), log);
        assertSame(second, thrown);
        assertArrayEquals(new Throwable[] {first}, second.getSuppressed());
        assertArrayEquals(new Throwable[] {body}, first.getSuppressed());
    }

    @Test
    void theSameChainAsNestedWithBlocks() {
        IllegalStateException body = new IllegalStateException("body");
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second");
        IllegalStateException nested = assertThrows(IllegalStateException.class,
                () -> withVoid(raising(second), o -> withVoid(raising(first), i -> {
                    throw body;
                })));
        assertSame(second, nested);
        assertArrayEquals(new Throwable[] {first}, second.getSuppressed());
        assertArrayEquals(new Throwable[] {body}, first.getSuppressed());
    }

    private static GeneratorContextManager<Void> raising(RuntimeException onExit) {
        return GeneratorContextManager.of(y -> {
            try {
                y.yield();
            } catch (RuntimeException bodyFailure) {
                throw onExit;
            }
            throw onExit;
        });
    }

    @Test
    void anOuterManagerSeesAndCanSuppressAFailureRaisedByAnInnerExit() {
        IllegalStateException inner = new IllegalStateException("inner");
        try (ExitStack stack = new ExitStack()) {
            stack.enterContext(suppress(IllegalStateException.class));
            stack.callback(failing("inner", inner));
        }
        assertEquals(List.of("close inner"), log);
    }

    @Test
    void anExitThatSuppressesClearsTheExceptionForTheExitsAfterIt() {
        IllegalArgumentException body = new IllegalArgumentException("body");
        List<Throwable> seen = new ArrayList<>();
        Outcome<Void> out = withVoid(new ExitStack(), stack -> {
            stack.push(failure -> {
                seen.add(failure);
                return false;
            });
            stack.enterContext(suppress(IllegalArgumentException.class));
            stack.push(failure -> {
                seen.add(failure);
                return false;
            });
            throw body;
        });
        assertSame(body, out.suppressedException().orElseThrow());
        assertEquals(2, seen.size());
        assertSame(body, seen.get(0));
        assertNull(seen.get(1));
    }

    @Test
    void aFailureRaisedAfterTheBodysExceptionWasSuppressedStillPropagates() {
        IllegalArgumentException body = new IllegalArgumentException("body");
        IllegalStateException later = new IllegalStateException("later");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(new ExitStack(), stack -> {
            stack.callback(failing("outer", later));
            stack.enterContext(suppress(IllegalArgumentException.class));
            throw body;
        }));
        assertSame(later, thrown);
        assertEquals(0, later.getSuppressed().length, "the suppressed exception is gone, as in Python");
    }

    @Test
    void nestedWithBlocksDropTheSuppressedExceptionTheSameWay() {
        IllegalArgumentException body = new IllegalArgumentException("body");
        IllegalStateException later = new IllegalStateException("later");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> withVoid(raising(later), o -> withVoid(suppress(IllegalArgumentException.class), i -> {
                    throw body;
                })));
        assertSame(later, thrown);
        assertEquals(0, later.getSuppressed().length);
    }

    @Test
    void aStackEnteredIntoAStackKeepsItsOwnChaining() {
        IllegalArgumentException body = new IllegalArgumentException("body");
        IllegalStateException later = new IllegalStateException("later");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(new ExitStack(), outer -> {
            ExitStack inner = outer.enterContext(new ExitStack());
            inner.callback(failing("inner", later));
            inner.enterContext(suppress(IllegalArgumentException.class));
            throw body;
        }));
        assertSame(later, thrown);
        assertEquals(0, later.getSuppressed().length);
    }

    @Test
    void anExitReRaisingTheBodysExceptionLeavesItUnchanged() {
        IllegalStateException body = new IllegalStateException("body");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> withVoid(new ExitStack(), stack -> {
            stack.push(failure -> {
                throw (IllegalStateException) failure;
            });
            throw body;
        }));
        assertSame(body, thrown);
        assertEquals(0, body.getSuppressed().length);
    }

    @Test
    void onExitReportsSuppressionOnlyForAGivenFailure() {
        ExitStack stack = new ExitStack();
        stack.push(failure -> true);
        assertFalse(stack.onExit(null));
        stack.push(failure -> true);
        assertTrue(stack.onExit(new RuntimeException("x")));
    }

    @Test
    void tryWithResourcesThrowsTheLastFailureUnchangedCheckedOnesToo() {
        IOException io = new IOException("io");
        Throwable thrown = assertThrows(Throwable.class, () -> {
            try (ExitStack stack = new ExitStack()) {
                stack.callback(() -> {
                    throw io;
                });
            }
        });
        assertSame(io, thrown);
    }

    @Test
    void aManagerThatFailsToEnterIsNotRegisteredAndTheOthersStillExit() {
        IllegalStateException cannot = new IllegalStateException("cannot enter");
        assertSame(cannot, assertThrows(IllegalStateException.class, () -> withVoid(new ExitStack(), stack -> {
            stack.enterContext(named("a"));
            stack.enterContext(GeneratorContextManager.<String>of(y -> {
                throw cannot;
            }));
            log.add("not reached");
        })));
        assertEquals(List.of("enter a", "exit a"), log);
    }

    @Test
    void popAllMovesTheExitsSoTheyOutliveTheBlock() {
        ExitStack kept = with(new ExitStack(), stack -> {
            stack.enterContext(named("a"));
            stack.enterContext(named("b"));
            return stack.popAll();
        }).value();
        assertEquals(List.of("enter a", "enter b"), log);
        assertEquals(2, kept.size());
        kept.close();
        assertEquals(List.of("enter a", "enter b", "exit b", "exit a"), log);
        assertEquals(0, kept.size());
    }

    @Test
    void aStackIsReusableAfterUnwinding() {
        ExitStack stack = new ExitStack();
        stack.callback(() -> log.add("one"));
        stack.close();
        stack.callback(() -> log.add("two"));
        stack.close();
        assertEquals(List.of("one", "two"), log);
    }
}
