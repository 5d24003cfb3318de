package dev.frontier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.Generator.State;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Python's generator semantics, one behaviour per test. The seed's examples are here by name. */
class GeneratorTest {

    static Generator<Integer, Void, Void> countdown(int n) {
        return Generator.ofVoid(y -> {
            for (int i = n; i > 0; i--) {
                y.yield(i);
            }
        });
    }

    @Nested
    class Advancing {

        @Test
        void seedCountdownFeedsAForLoop() {
            List<Integer> seen = new ArrayList<>();
            for (int x : countdown(10)) {
                seen.add(x);
            }
            assertEquals(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), seen);
        }

        @Test
        void seedUnderTheCoversNextThenStopIteration() {
            Generator<Integer, Void, Void> c = countdown(3);
            assertEquals(3, c.next());
            assertEquals(2, c.next());
            assertEquals(1, c.next());
            StopIteration end = assertThrows(StopIteration.class, c::next);
            assertNull(end.value());
            assertEquals(State.CLOSED, c.state());
        }

        @Test
        void nothingRunsUntilTheFirstNext() {
            List<String> log = new ArrayList<>();
            Generator<String, Void, Void> g = Generator.ofVoid(y -> {
                log.add("started");
                y.yield("a");
            });
            assertEquals(List.of(), log);
            assertEquals(State.CREATED, g.state());
            assertEquals("a", g.next());
            assertEquals(List.of("started"), log);
        }

        @Test
        void statesFollowTheLifecycleAndRunningIsVisibleInside() {
            AtomicReference<Generator<String, Void, Void>> self = new AtomicReference<>();
            List<State> inside = new ArrayList<>();
            Generator<String, Void, Void> g = Generator.ofVoid(y -> {
                inside.add(self.get().state());
                y.yield("x");
            });
            self.set(g);
            assertEquals(State.CREATED, g.state());
            g.next();
            assertEquals(List.of(State.RUNNING), inside);
            assertEquals(State.SUSPENDED, g.state());
            assertThrows(StopIteration.class, g::next);
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void sendingNonNullToAJustStartedGeneratorIsAnErrorAndLeavesItUsable() {
            Generator<Integer, String, Void> g = Generator.ofVoid(y -> y.yield(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.send("hi"));
            assertEquals("can't send non-null value to a just-started generator", e.getMessage());
            assertEquals(State.CREATED, g.state());
            assertEquals(1, g.send(null));
        }

        @Test
        void localsLiveAcrossYieldsAndResumingOnAnotherThreadWorks() throws Exception {
            Generator<Integer, Integer, Void> acc = Generator.ofVoid(y -> {
                int total = 0;
                while (true) {
                    total += y.yield(total);
                }
            });
            acc.next();
            assertEquals(5, acc.send(5));
            AtomicReference<Integer> fromThread = new AtomicReference<>();
            Thread t = new Thread(() -> fromThread.set(acc.send(10)));
            t.start();
            t.join(10_000);
            assertEquals(15, fromThread.get());
            assertEquals(17, acc.send(2));
        }
    }

    @Nested
    class Sending {

        @Test
        void seedReceiverGetsEachSentItem() {
            List<String> got = new ArrayList<>();
            Generator<Void, String, Void> recv = Generator.ofVoid(y -> {
                while (true) {
                    String item = y.yield();
                    got.add("Got " + item);
                }
            });
            recv.next();
            recv.send("Hello");
            recv.send("World");
            assertEquals(List.of("Got Hello", "Got World"), got);
        }

        @Test
        void sendResumesAtTheYieldAndReturnsTheNextYieldedValue() {
            Generator<String, Integer, Void> g = Generator.ofVoid(y -> {
                int a = y.yield("first");
                int b = y.yield("got " + a);
                y.yield("got " + b);
            });
            assertEquals("first", g.next());
            assertEquals("got 1", g.send(1));
            assertEquals("got 2", g.send(2));
        }
    }

    @Nested
    class Returning {

        @Test
        void returnValueTravelsInStopIterationAndClosesTheGenerator() {
            Generator<Integer, Void, String> g = Generator.of(y -> {
                y.yield(1);
                return "result";
            });
            g.next();
            StopIteration end = assertThrows(StopIteration.class, g::next);
            assertEquals("result", end.value());
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void resumingAFinishedGeneratorSaysItIsClosed() {
            Generator<Integer, Void, String> g = Generator.of(y -> "done");
            assertEquals("done", assertThrows(StopIteration.class, g::next).value());
            StopIteration again = assertThrows(StopIteration.class, g::next);
            assertEquals("generator is closed", again.getMessage());
            assertNull(again.value());
            assertTrue(again.getStackTrace().length > 0, "misuse keeps its stack trace");
            assertThrows(StopIteration.class, () -> g.send(null));
        }

        @Test
        void uncheckedExceptionReachesTheCallerUnchangedAndClosesTheGenerator() {
            IllegalStateException boom = new IllegalStateException("boom");
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                y.yield(1);
                throw boom;
            });
            g.next();
            assertSame(boom, assertThrows(IllegalStateException.class, g::next));
            assertEquals(State.CLOSED, g.state());
        }

        /** A body object that is both a function and a procedure runs as the factory it was given to. */
        static final class Both implements GeneratorFunction<String, Void, String>, GeneratorProcedure<String, Void> {
            @Override
            public String apply(Yielder<String, Void> y) {
                y.yield("as function");
                return "function result";
            }

            @Override
            public void run(Yielder<String, Void> y) {
                y.yield("as procedure");
            }
        }

        @Test
        void aBodyThatIsBothAFunctionAndAProcedureRunsAsTheFactoryAsked() {
            Generator<String, Void, String> f = Generator.of(new Both());
            assertEquals("as function", f.next());
            assertEquals("function result", assertThrows(StopIteration.class, f::next).value());
            Generator<String, Void, Void> p = Generator.ofVoid(new Both());
            assertEquals("as procedure", p.next());
            assertNull(assertThrows(StopIteration.class, p::next).value());
        }

        @Test
        void checkedExceptionIsNotWrapped() {
            IOException io = new IOException("disk");
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                throw io;
            });
            Throwable thrown = assertThrows(Throwable.class, g::next);
            assertSame(io, thrown);
        }

        @Test
        void stopIterationEscapingABodyBecomesAnErrorNotAReturn() {
            Generator<Integer, Void, Void> inner = countdown(0);
            Generator<Integer, Void, Void> outer = Generator.ofVoid(y -> y.yield(inner.next()));
            IllegalStateException e = assertThrows(IllegalStateException.class, outer::next);
            assertEquals("generator raised StopIteration", e.getMessage());
            assertInstanceOf(StopIteration.class, e.getCause());
        }
    }

    @Nested
    class Throwing {

        @Test
        void caughtExceptionYieldsTheNextValue() {
            Generator<String, Void, Void> g = Generator.ofVoid(y -> {
                while (true) {
                    try {
                        y.yield("waiting");
                    } catch (IllegalArgumentException e) {
                        y.yield("handled " + e.getMessage());
                    }
                }
            });
            g.next();
            assertEquals("handled bad", g.throwIn(new IllegalArgumentException("bad")));
            assertEquals("waiting", g.next());
        }

        @Test
        void uncaughtExceptionPropagatesAndCloses() {
            Generator<Integer, Void, Void> g = countdown(5);
            g.next();
            RuntimeException e = new RuntimeException("stop");
            assertSame(e, assertThrows(RuntimeException.class, () -> g.throwIn(e)));
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void throwingIntoAJustCreatedGeneratorClosesItAndRaisesAtOnce() {
            List<String> log = new ArrayList<>();
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> log.add("ran"));
            RuntimeException e = new RuntimeException("early");
            assertSame(e, assertThrows(RuntimeException.class, () -> g.throwIn(e)));
            assertEquals(State.CLOSED, g.state());
            assertEquals(List.of(), log);
        }

        @Test
        void bodyThatCatchesAndReturnsEndsWithStopIteration() {
            Generator<Integer, Void, String> g = Generator.of(y -> {
                try {
                    y.yield(1);
                } catch (RuntimeException e) {
                    return "caught " + e.getMessage();
                }
                return "normal";
            });
            g.next();
            assertEquals("caught x", assertThrows(StopIteration.class, () -> g.throwIn(new RuntimeException("x"))).value());
        }
    }

    @Nested
    class Closing {

        @Test
        void closeRaisesGeneratorExitAtTheYieldSoFinallyRuns() {
            List<String> log = new ArrayList<>();
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try {
                    y.yield(1);
                    log.add("not reached");
                } catch (GeneratorExit e) {
                    log.add("exit");
                    throw e;
                } finally {
                    log.add("finally");
                }
            });
            g.next();
            g.close();
            assertEquals(List.of("exit", "finally"), log);
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void catchExceptionDoesNotSwallowGeneratorExit() {
            List<String> log = new ArrayList<>();
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                while (true) {
                    try {
                        y.yield(1);
                    } catch (Exception e) {
                        log.add("swallowed " + e);
                    }
                }
            });
            g.next();
            g.close();
            assertEquals(List.of(), log);
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void bodyThatReturnsOnGeneratorExitClosesQuietly() {
            Generator<Integer, Void, String> g = Generator.of(y -> {
                try {
                    y.yield(1);
                } catch (GeneratorExit e) {
                    return "bye";
                }
                return "normal";
            });
            g.next();
            g.close();
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void yieldingAfterGeneratorExitIsAnError() {
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try {
                    y.yield(1);
                } catch (GeneratorExit e) {
                    y.yield(2);
                }
            });
            g.next();
            GeneratorIgnoredExitException e = assertThrows(GeneratorIgnoredExitException.class, g::close);
            assertEquals("generator ignored GeneratorExit", e.getMessage());
            assertEquals(State.SUSPENDED, g.state());
            assertThrows(StopIteration.class, g::next);
        }

        @Test
        void closeIsANoOpOnCreatedAndClosedGenerators() {
            List<String> log = new ArrayList<>();
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                log.add("ran");
                y.yield(1);
            });
            g.close();
            assertEquals(State.CLOSED, g.state());
            g.close();
            assertEquals(List.of(), log, "a created generator is closed without running");
            assertThrows(StopIteration.class, g::next);
        }

        @Test
        @SuppressWarnings("finally") // the finally throwing is the point
        void anotherExceptionRaisedWhileClosingPropagates() {
            IllegalStateException cleanupFailure = new IllegalStateException("cleanup");
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try {
                    y.yield(1);
                } finally {
                    throw cleanupFailure;
                }
            });
            g.next();
            assertSame(cleanupFailure, assertThrows(IllegalStateException.class, g::close));
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        @SuppressWarnings("try") // the resource is only closed, never used
        void aResourceWhoseCloseFailsWhileClosingMakesCloseThrowThatFailure() {
            java.io.IOException releaseFailed = new java.io.IOException("release failed");
            AutoCloseable resource = () -> {
                throw releaseFailed;
            };
            Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try (AutoCloseable r = resource) {
                    y.yield(1);
                }
            });
            g.next();
            Throwable thrown = assertThrows(Throwable.class, g::close);
            assertSame(releaseFailed, thrown, "a cleanup failure is not lost behind GeneratorExit");
            assertEquals(State.CLOSED, g.state());
        }

        @Test
        void tryWithResourcesClosesTheGenerator() {
            List<String> log = new ArrayList<>();
            try (Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
                try {
                    y.yield(1);
                } finally {
                    log.add("finally");
                }
            })) {
                g.next();
            }
            assertEquals(List.of("finally"), log);
        }
    }

    @Nested
    class Delegating {

        static <T> Generator<T, Void, Void> chain(Iterable<T> x, Iterable<T> y) {
            return Generator.ofVoid(g -> {
                g.yieldAll(x);
                g.yieldAll(y);
            });
        }

        @Test
        void seedChainOfLists() {
            List<Integer> out = new ArrayList<>();
            chain(List.of(1, 2, 3), List.of(4, 5, 6)).forEachRemaining(out::add);
            assertEquals(List.of(1, 2, 3, 4, 5, 6), out);
        }

        @Test
        void seedNestedChain() {
            List<Integer> out = new ArrayList<>();
            chain(List.of(1, 2, 3), chain(List.of(4, 5, 6), List.of(7, 8, 9))).forEachRemaining(out::add);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), out);
        }

        @Test
        void yieldFromReturnsTheSubGeneratorsReturnValue() {
            Generator<Integer, Void, String> sub = Generator.of(y -> {
                y.yield(1);
                y.yield(2);
                return "sub done";
            });
            Generator<Integer, Void, String> outer = Generator.of(y -> {
                String r = y.yieldFrom(sub);
                y.yield(3);
                return "outer saw " + r;
            });
            assertEquals(1, outer.next());
            assertEquals(2, outer.next());
            assertEquals(3, outer.next());
            assertEquals("outer saw sub done", assertThrows(StopIteration.class, outer::next).value());
        }

        @Test
        void sentValuesPassThroughToTheSubGenerator() {
            List<String> got = new ArrayList<>();
            Generator<String, String, Void> sub = Generator.ofVoid(y -> {
                got.add(y.yield("ready"));
                got.add(y.yield("again"));
            });
            Generator<String, String, Void> outer = Generator.ofVoid(y -> y.yieldFrom(sub));
            assertEquals("ready", outer.next());
            assertEquals("again", outer.send("a"));
            assertThrows(StopIteration.class, () -> outer.send("b"));
            assertEquals(List.of("a", "b"), got);
        }

        @Test
        void thrownExceptionsPassThroughToTheSubGenerator() {
            Generator<String, Void, Void> sub = Generator.ofVoid(y -> {
                try {
                    y.yield("in sub");
                } catch (IllegalArgumentException e) {
                    y.yield("sub caught " + e.getMessage());
                }
            });
            Generator<String, Void, Void> outer = Generator.ofVoid(y -> y.yieldFrom(sub));
            outer.next();
            assertEquals("sub caught oops", outer.throwIn(new IllegalArgumentException("oops")));
        }

        @Test
        void uncaughtThrowPropagatesThroughBothAndClosesBoth() {
            Generator<Integer, Void, Void> sub = countdown(3);
            Generator<Integer, Void, Void> outer = Generator.ofVoid(y -> y.yieldFrom(sub));
            outer.next();
            RuntimeException e = new RuntimeException("through");
            assertSame(e, assertThrows(RuntimeException.class, () -> outer.throwIn(e)));
            assertEquals(State.CLOSED, sub.state());
            assertEquals(State.CLOSED, outer.state());
        }

        @Test
        void closeClosesTheSubGeneratorFirst() {
            List<String> log = new ArrayList<>();
            Generator<Integer, Void, Void> sub = Generator.ofVoid(y -> {
                try {
                    y.yield(1);
                } finally {
                    log.add("sub finally");
                }
            });
            Generator<Integer, Void, Void> outer = Generator.ofVoid(y -> {
                try {
                    y.yieldFrom(sub);
                } finally {
                    log.add("outer finally");
                }
            });
            outer.next();
            outer.close();
            assertEquals(List.of("sub finally", "outer finally"), log);
            assertEquals(State.CLOSED, sub.state());
        }

        @Test
        void yieldFromAFinishedGeneratorReturnsNullAtOnce() {
            Generator<Integer, Void, Void> spent = countdown(0);
            assertThrows(StopIteration.class, spent::next);
            Generator<Integer, Void, String> outer = Generator.of(y -> "got " + y.yieldFrom(spent));
            assertEquals("got null", assertThrows(StopIteration.class, outer::next).value());
        }

        static Generator<Integer, Integer, Integer> nest(int depth) {
            if (depth == 0) {
                return Generator.of(y -> {
                    int a = y.yield(1);
                    int b = y.yield(a + 1);
                    return a + b;
                });
            }
            return Generator.of(y -> y.yieldFrom(nest(depth - 1)) + 1);
        }

        @Test
        void delegationChainsOfDepthOneThousandWork() {
            Generator<Integer, Integer, Integer> top = nest(1000);
            assertEquals(1, top.next());
            assertEquals(11, top.send(10));
            StopIteration end = assertThrows(StopIteration.class, () -> top.send(20));
            assertEquals(30 + 1000, (int) end.value());
        }

        @Test
        void closingADepthOneThousandChainClosesEveryLevel() {
            Generator<Integer, Integer, Integer> top = nest(1000);
            top.next();
            top.close();
            assertEquals(State.CLOSED, top.state());
        }

        @Test
        void sendingIntoYieldAllOfAPlainIterableIsAnError() {
            Generator<Integer, String, Void> g = Generator.ofVoid(y -> y.yieldAll(List.of(1, 2)));
            g.next();
            assertThrows(IllegalArgumentException.class, () -> g.send("no"));
        }
    }
}
