package dev.frontier.core;

import static dev.frontier.core.GeneratorImplementation.CONTINUATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.frontier.core.Generator.State;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Misuse, threads, iteration adapters and memory: everything beyond the happy path. */
class GeneratorMisuseTest {

    @Test
    void resumingItselfFromInsideFailsAndLeavesItIntact() {
        AtomicReference<Generator<String, Void, Void>> self = new AtomicReference<>();
        Generator<String, Void, Void> g = Generator.ofVoid(y -> {
            try {
                self.get().next();
                y.yield("unexpected");
            } catch (GeneratorAlreadyExecutingException e) {
                y.yield(e.getMessage());
            }
            y.yield("still alive");
        });
        self.set(g);
        assertEquals("generator already executing", g.next());
        assertEquals("still alive", g.next());
    }

    @Test
    @Timeout(10)
    void resumingFromASecondThreadWhileRunningFailsAndLeavesItIntact() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Generator<String, Void, Void> g = Generator.ofVoid(y -> {
            inside.countDown();
            release.await();
            y.yield("first");
            y.yield("second");
        });
        AtomicReference<String> first = new AtomicReference<>();
        Thread runner = new Thread(() -> first.set(g.next()));
        runner.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        assertEquals(State.RUNNING, g.state());
        assertEquals("generator already executing",
                assertThrows(GeneratorAlreadyExecutingException.class, g::next).getMessage());
        assertThrows(GeneratorAlreadyExecutingException.class, g::close);
        assertThrows(GeneratorAlreadyExecutingException.class, () -> g.throwIn(new RuntimeException()));
        release.countDown();
        runner.join(5_000);
        assertEquals("first", first.get());
        assertEquals("second", g.next());
    }

    @Test
    void yieldAfterTheGeneratorFinishedIsAnError() {
        AtomicReference<Yielder<Integer, Void>> kept = new AtomicReference<>();
        Generator<Integer, Void, Void> g = Generator.ofVoid(kept::set);
        assertThrows(StopIteration.class, g::next);
        YieldOutsideGeneratorException e = assertThrows(YieldOutsideGeneratorException.class, () -> kept.get().yield(1));
        assertTrue(e.getMessage().startsWith("yield called outside the running body of Generator@"), e.getMessage());
    }

    @Test
    void yieldFromTheCallerWhileSuspendedIsAnError() {
        AtomicReference<Yielder<Integer, Void>> kept = new AtomicReference<>();
        Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
            kept.set(y);
            y.yield(1);
        });
        g.next();
        assertThrows(YieldOutsideGeneratorException.class, () -> kept.get().yield(2));
        assertEquals(State.SUSPENDED, g.state());
        assertThrows(YieldOutsideGeneratorException.class, () -> kept.get().yieldFrom(GeneratorTest.countdown(1)));
    }

    @Test
    void theYieldOutsideMessageNamesTheGeneratorAsItsToStringDoes() {
        AtomicReference<Yielder<Integer, Void>> kept = new AtomicReference<>();
        Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
            kept.set(y);
            y.yield(1);
        });
        g.next();
        YieldOutsideGeneratorException e = assertThrows(YieldOutsideGeneratorException.class, () -> kept.get().yield(2));
        assertEquals("yield called outside the running body of " + g, e.getMessage());
        assertTrue(g.toString().matches("Generator@[0-9a-f]+\\[SUSPENDED]"), g.toString());
    }

    @Test
    void yieldingTheOuterGeneratorFromInsideAnInnerBodyIsAnError() {
        Generator<String, Void, Void> outer = Generator.ofVoid(outerYield -> {
            Generator<String, Void, Void> inner = Generator.ofVoid(innerYield -> outerYield.yield("wrong"));
            try {
                inner.next();
            } catch (YieldOutsideGeneratorException e) {
                outerYield.yield("refused");
            }
        });
        assertEquals("refused", outer.next());
    }

    @Test
    void iteratorContractHasNextDoesNotAdvanceTwice() {
        Generator<Integer, Void, Void> g = GeneratorTest.countdown(2);
        assertSame(g, g.iterator());
        assertTrue(g.hasNext());
        assertTrue(g.hasNext());
        assertEquals(2, g.next());
        assertEquals(1, g.next());
        assertFalse(g.hasNext());
        assertThrows(java.util.NoSuchElementException.class, g::next);
    }

    @Test
    void sendAfterHasNextPeekedIsRefused() {
        Generator<Integer, Integer, Void> g = Generator.ofVoid(y -> {
            y.yield(1);
            y.yield(2);
        });
        assertTrue(g.hasNext());
        assertThrows(IllegalStateException.class, () -> g.send(5));
        assertEquals(1, g.next());
    }

    @Test
    void streamAdapterAndCloseOnStreamClose() {
        assertEquals("5,4,3,2,1", GeneratorTest.countdown(5).stream().map(String::valueOf).collect(Collectors.joining(",")));
        List<String> log = new ArrayList<>();
        Generator<Integer, Void, Void> g = Generator.ofVoid(y -> {
            try {
                for (int i = 0; ; i++) {
                    y.yield(i);
                }
            } finally {
                log.add("closed");
            }
        });
        try (var s = g.stream()) {
            assertEquals(List.of(0, 1, 2), s.limit(3).toList());
        }
        assertEquals(List.of("closed"), log);
    }

    @Test
    void seedMiniReferenceEveryOperationOnOneGenerator() {
        List<String> log = new ArrayList<>();
        Generator<String, String, String> gen = Generator.of(y -> {
            String item = y.yield("ready");
            log.add("got " + item);
            try {
                y.yield("waiting");
            } catch (IllegalStateException e) {
                log.add("thrown " + e.getMessage());
            }
            try {
                y.yield("last");
            } finally {
                log.add("cleanup");
            }
            return "result";
        });
        assertEquals("ready", gen.next());
        assertEquals("waiting", gen.send("item"));
        assertEquals("last", gen.throwIn(new IllegalStateException("exc")));
        gen.close();
        assertEquals(List.of("got item", "thrown exc", "cleanup"), log);
        Generator<String, String, String> delegator = Generator.of(y -> y.yieldFrom(Generator.of(z -> {
            z.yield("inner");
            return "inner result";
        })));
        assertEquals("inner", delegator.next());
        assertEquals("inner result", assertThrows(StopIteration.class, delegator::next).value());
    }

    @Test
    void abandonedSuspendedGeneratorsAreGarbageCollected() {
        Generator<Integer, Void, Void> g = GeneratorTest.countdown(1_000_000);
        g.next();
        WeakReference<Generator<Integer, Void, Void>> ref = new WeakReference<>(g);
        g = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
        }
        assertNull(ref.get(), "a dropped suspended generator is collected");
    }

    @Test
    void suspendedGeneratorsTakeNoThreads() {
        assumeTrue(CONTINUATIONS, "on the thread fallback each one holds a parked virtual thread");
        int before = Thread.activeCount();
        List<Generator<Integer, Void, Void>> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Generator<Integer, Void, Void> g = GeneratorTest.countdown(5);
            g.next();
            many.add(g);
        }
        assertEquals(before, Thread.activeCount());
        assertEquals(10_000, many.stream().filter(g -> g.state() == State.SUSPENDED).count());
    }

    /**
     * The documented monitor rule: a yield inside {@code synchronized} does not pin (JDK 24+), but
     * the monitor stays locked for the whole suspension, and is released by whichever thread
     * resumes the generator out of the block.
     */
    @Test
    void aMonitorHeldAcrossAYieldStaysLockedUntilResumedEvenOnAnotherThread() throws Exception {
        Object lock = new Object();
        Generator<String, Void, Void> g = Generator.ofVoid(y -> {
            synchronized (lock) {
                y.yield("holding");
                y.yield(Thread.holdsLock(lock) ? "still holding" : "lost it");
            }
            y.yield(Thread.holdsLock(lock) ? "leaked" : "released");
        });
        assertEquals("holding", g.next());
        assertFalse(Thread.holdsLock(lock), "the caller does not own the generator's monitor");

        CountDownLatch acquired = new CountDownLatch(1);
        Thread contender = new Thread(() -> {
            synchronized (lock) {
                acquired.countDown();
            }
        });
        contender.start();
        assertTimeoutPreemptively(() -> {
            while (contender.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
        });
        assertEquals(1, acquired.getCount(), "blocked while the generator is suspended");

        AtomicReference<List<String>> onOtherThread = new AtomicReference<>();
        Thread resumer = new Thread(() -> onOtherThread.set(List.of(g.next(), g.next())));
        resumer.start();
        resumer.join(10_000);
        assertEquals(List.of("still holding", "released"), onOtherThread.get());
        assertTrue(acquired.await(10, TimeUnit.SECONDS), "the contender gets the monitor once the block is left");
        contender.join(10_000);
    }

    private static void assertTimeoutPreemptively(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), e);
    }
}
