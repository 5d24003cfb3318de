package dev.frontier.core;

import static dev.frontier.core.GeneratorImplementation.CONTINUATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.frontier.core.Generator.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * What the two implementations (JDK continuations, and the thread fallback used without the
 * add-exports flag) must agree on beyond {@link GeneratorTest}, and the documented differences.
 * The build runs this class on both.
 */
@Timeout(30)
class GeneratorImplementationsTest {

    @Test
    void theImplementationInUseIsTheOneTheFlagSelects() {
        assertEquals(CONTINUATIONS, Cores.CONTINUATIONS);
    }

    @Test
    void theLogLineNamesTheFlagsThatSelectContinuations() {
        String line = Cores.message();
        if (CONTINUATIONS) {
            assertTrue(line.startsWith("Frontier generators run on JDK continuations"), line);
        } else {
            assertTrue(line.startsWith("Frontier generators run on one virtual thread per started generator"), line);
            assertTrue(line.contains("--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED"), line);
            assertTrue(line.contains("--add-exports=java.base/jdk.internal.vm=dev.frontier.core"), line);
            assertTrue(line.contains("Add-Exports: java.base/jdk.internal.vm"), line);
        }
    }

    @Test
    void aGeneratorResumedFromInsideAnotherOnesBodyRunsNested() {
        Generator<Integer, Void, Void> outer = Generator.ofVoid(y -> {
            for (int x : GeneratorTest.countdown(3)) {
                Generator<Integer, Void, Void> inner = GeneratorTest.countdown(x);
                int sum = 0;
                for (int v : inner) {
                    sum += v;
                }
                y.yield(x * 100 + sum);
            }
        });
        List<Integer> seen = new ArrayList<>();
        outer.forEachRemaining(seen::add);
        assertEquals(List.of(306, 203, 101), seen);
    }

    @Test
    void throwInAfterHasNextFetchedAheadIsRefusedLikeSend() {
        List<String> caught = new ArrayList<>();
        Generator<Integer, Integer, Void> g = Generator.ofVoid(y -> {
            for (int i = 1; i <= 3; i++) {
                try {
                    y.yield(i);
                } catch (IllegalArgumentException e) {
                    caught.add(e.getMessage());
                }
            }
        });
        assertTrue(g.hasNext());
        IllegalStateException viaSend = assertThrows(IllegalStateException.class, () -> g.send(5));
        IllegalStateException viaThrow = assertThrows(IllegalStateException.class,
                () -> g.throwIn(new IllegalArgumentException("in")));
        assertEquals("hasNext() already advanced this generator; call next() first", viaThrow.getMessage());
        assertEquals(viaSend.getMessage(), viaThrow.getMessage());
        assertEquals(List.of(), caught, "nothing was raised in the body");
        assertEquals(State.SUSPENDED, g.state());
        assertEquals(1, g.next(), "the value fetched ahead is not lost");
        assertEquals(2, g.throwIn(new IllegalArgumentException("in")), "once it is taken, throwIn works");
        assertEquals(List.of("in"), caught);
    }

    @Test
    void anInterruptPendingOnTheResumerIsSeenByTheBodyAndOneLeftByTheBodyComesBack() {
        Generator<Boolean, Void, Void> g = Generator.ofVoid(y -> {
            y.yield(Thread.interrupted());       // the resumer's pending interrupt, consumed here
            Thread.currentThread().interrupt();  // left set across the yield
            y.yield(null);
            y.yield(Thread.currentThread().isInterrupted());
        });
        Thread.currentThread().interrupt();
        assertTrue(g.next());
        assertFalse(Thread.currentThread().isInterrupted(), "the body consumed it");
        g.next();
        assertTrue(Thread.interrupted(), "the body's interrupt is the resumer's after the yield");
        assertFalse(g.next(), "and no longer the body's");
    }

    @Test
    void interruptingTheResumerWhileTheBodyBlocksInterruptsTheBody() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Generator<String, Void, Void> g = Generator.ofVoid(y -> {
            inside.countDown();
            try {
                new CountDownLatch(1).await();
                y.yield("not interrupted");
            } catch (InterruptedException e) {
                y.yield("interrupted");
            }
        });
        AtomicReference<String> got = new AtomicReference<>();
        Thread resumer = new Thread(() -> got.set(g.next()), "resumer");
        resumer.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        resumer.interrupt();
        resumer.join(10_000);
        assertEquals("interrupted", got.get());
    }

    @Test
    void onContinuationsTheBodyRunsOnTheResumingThread() throws Exception {
        assumeTrue(CONTINUATIONS);
        Generator<Thread, Void, Void> g = Generator.ofVoid(y -> {
            while (true) {
                y.yield(Thread.currentThread());
            }
        });
        assertSame(Thread.currentThread(), g.next());
        AtomicReference<Thread> seen = new AtomicReference<>();
        Thread other = new Thread(() -> seen.set(g.next()), "other");
        other.start();
        other.join(10_000);
        assertSame(other, seen.get());
    }

    @Test
    void onTheFallbackTheBodyHasAThreadOfItsOwnNamedAfterItsResumer() throws Exception {
        assumeFalse(CONTINUATIONS);
        Generator<Thread, Void, Void> g = Generator.ofVoid(y -> {
            while (true) {
                y.yield(Thread.currentThread());
            }
        });
        Thread body = g.next();
        assertNotSame(Thread.currentThread(), body);
        assertTrue(body.isVirtual());
        assertEquals(Thread.currentThread().getName(), body.getName());
        AtomicReference<String> seen = new AtomicReference<>();
        Thread other = new Thread(() -> seen.set(g.next().getName()), "other");
        other.start();
        other.join(10_000);
        assertEquals("other", seen.get());
        assertSame(body, g.next(), "one thread for the generator's life");
    }

    @Test
    void onTheFallbackAFinishedGeneratorsThreadEnds() throws Exception {
        assumeFalse(CONTINUATIONS);
        Generator<Thread, Void, String> g = Generator.of(y -> {
            y.yield(Thread.currentThread());
            return "done";
        });
        Thread body = g.next();
        assertTrue(body.isAlive(), "a suspended generator holds its thread");
        assertEquals("done", assertThrows(StopIteration.class, g::next).value());
        assertTrue(body.join(java.time.Duration.ofSeconds(10)), "and a finished one does not");
    }

    /**
     * A parked virtual thread is never garbage (the JDK tracks every virtual thread), so on the
     * fallback a dropped suspended generator is closed when its handle is collected, as Python
     * closes a collected generator: GeneratorExit at the yield, finally blocks run, thread ends.
     */
    @Test
    void onTheFallbackADroppedSuspendedGeneratorIsClosedAndItsThreadEnds() throws Exception {
        assumeFalse(CONTINUATIONS);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> raised = new AtomicReference<>();
        AtomicReference<Thread> body = new AtomicReference<>();
        startAndDrop(y -> {
            body.set(Thread.currentThread());
            try {
                y.yield(1);
                y.yield(2);
            } catch (Throwable t) {
                raised.set(t);
                throw t;
            } finally {
                closed.countDown();
            }
        });
        collectUntil(closed);
        assertTrue(raised.get() instanceof GeneratorExit, String.valueOf(raised.get()));
        assertTrue(body.get().join(java.time.Duration.ofSeconds(10)), "the body's thread ended");
    }

    @Test
    void onTheFallbackADroppedGeneratorThatIgnoresGeneratorExitIsReported() throws Exception {
        assumeFalse(CONTINUATIONS);
        Logger log = (Logger) LoggerFactory.getLogger(Generator.class);
        CountDownLatch warned = new CountDownLatch(1);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                super.append(event);
                warned.countDown();
            }
        };
        appender.start();
        log.addAppender(appender);
        boolean additive = log.isAdditive();
        log.setAdditive(false); // the expected warning is not printed with the build's output
        try {
            CountDownLatch ignored = new CountDownLatch(1);
            startAndDrop(y -> {
                try {
                    y.yield(1);
                } catch (GeneratorExit e) {
                    ignored.countDown();
                    y.yield(2);
                }
            });
            collectUntil(ignored);
            assertTrue(warned.await(10, TimeUnit.SECONDS), "the warning follows the yield, on the body's thread");
            ILoggingEvent warning = appender.list.get(0);
            assertEquals(Level.WARN, warning.getLevel());
            assertTrue(warning.getFormattedMessage().endsWith(
                    "was dropped while suspended and ignored GeneratorExit when closed; its thread stays parked"),
                    warning.getFormattedMessage());
        } finally {
            log.detachAppender(appender);
            log.setAdditive(additive);
        }
    }

    /** Starts a generator and drops it; a separate frame, so no local of the caller keeps it. */
    private static void startAndDrop(GeneratorProcedure<Integer, Void> body) {
        Generator<Integer, Void, Void> g = Generator.ofVoid(body);
        assertEquals(1, g.next());
    }

    /** Collects garbage until {@code latch} opens (the dropped body's close runs on its own thread). */
    private static void collectUntil(CountDownLatch latch) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            System.gc();
            if (latch.await(50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new AssertionError("the dropped generator was not closed");
    }
}
