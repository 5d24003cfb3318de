package dev.frontier.examples.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.frontier.actor.ActorFailure;
import dev.frontier.context.Contexts;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.MdcMode;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code timethis} inside an actor, timing batches that span several receives. The deque scheduler
 * is driven by hand and the actor reads the scheduler's own {@link ManualClock}: no sleeps, exact
 * figures. The log lines are caught with a Logback {@link ListAppender}.
 */
class TimedBatchesTest {

    /** Keeps events as they were when logged: the MDC is snapshotted at append time. */
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing();
            super.append(e);
        }
    };
    private final Logger contextsLog = (Logger) LoggerFactory.getLogger(Contexts.class);
    private Level levelBefore;

    private final ManualClock clock = new ManualClock();
    private final List<ActorFailure> failures = new ArrayList<>();
    /** Every message's MDC: the batch time is logged by Contexts' own logger, not ctx.log(). */
    private final DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults()
            .withClock(clock).withErrorHandler(failures::add).withMdc(MdcMode.EVERY_MESSAGE));
    private final List<String> handled = new ArrayList<>();

    @BeforeEach
    void capture() {
        levelBefore = contextsLog.getLevel();
        contextsLog.setLevel(Level.INFO);
        contextsLog.setAdditive(false);
        appender.start();
        contextsLog.addAppender(appender);
    }

    @AfterEach
    void release() {
        s.shutdown();
        contextsLog.detachAppender(appender);
        contextsLog.setLevel(levelBefore);
        contextsLog.setAdditive(true);
    }

    private List<String> logged() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Sends {@code message} to the counter, lets it be handled, then lets {@code then} pass. */
    private void sendThenWait(String message, Duration then) {
        s.send("counter", message);
        s.run();
        clock.advance(then);
    }

    private void spawnCounter(int batchSize) {
        s.<String>spawn("counter", TimedBatches.actor(batchSize, clock::nanoTime, (ctx, m) -> {
            if (m.equals("bad")) {
                throw new IllegalArgumentException("bad message");
            }
            handled.add(m);
        }));
        s.run();
    }

    @Test
    void eachBatchIsTimedFromItsFirstMessageToItsLastAcrossTheReceivesBetween() {
        spawnCounter(3);
        clock.advance(Duration.ofSeconds(7)); // idle time before a batch starts is not counted
        sendThenWait("a", Duration.ofMillis(250));
        sendThenWait("b", Duration.ofMillis(500));
        assertEquals(List.of(), logged(), "the batch is still open");
        sendThenWait("c", Duration.ofSeconds(1));
        assertEquals(List.of("counter batch 1: 750.000 ms"), logged());
        sendThenWait("d", Duration.ofMillis(1500));
        sendThenWait("e", Duration.ZERO);
        sendThenWait("f", Duration.ZERO);
        assertEquals(List.of("counter batch 1: 750.000 ms", "counter batch 2: 1.500 s"), logged());
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), handled);
    }

    @Test
    void theLogLineIsWrittenInsideTheActorAtInfoSoTheEveryMessageMdcNamesIt() {
        spawnCounter(2);
        sendThenWait("a", Duration.ofMillis(40));
        sendThenWait("b", Duration.ZERO);
        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.INFO, event.getLevel());
        assertEquals("counter batch 1: 40.000 ms", event.getFormattedMessage());
        assertEquals("counter", event.getMDCPropertyMap().get("actor"));
        assertEquals("2", event.getMDCPropertyMap().get("msgSeq"), "during the batch's last message");
    }

    @Test
    void aBatchCutShortByStoppingTheActorIsStillTimed() {
        spawnCounter(10);
        sendThenWait("a", Duration.ofMillis(300));
        sendThenWait("b", Duration.ofMillis(200));
        s.stop("counter");
        s.run();
        assertEquals(List.of("counter batch 1: 500.000 ms"), logged());
        assertEquals(List.of(), failures);
    }

    @Test
    void aBatchCutShortByAFailingHandlerIsStillTimedAndTheFailureReported() {
        spawnCounter(10);
        sendThenWait("a", Duration.ofMillis(125));
        sendThenWait("bad", Duration.ZERO);
        assertEquals(List.of("counter batch 1: 125.000 ms"), logged());
        assertEquals(1, failures.size());
        assertEquals("bad", failures.get(0).message());
        assertInstanceOf(IllegalArgumentException.class, failures.get(0).cause());
    }
}
