package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a user reads in the log: the per-actor trace, failures, dead letters. */
class LoggingTest {

    /** Keeps events as they were when logged: the MDC is snapshotted at append time. */
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing();
            super.append(e);
        }
    };
    private Logger attached;
    private Level before;

    private List<ILoggingEvent> capture(String loggerName, Level level) {
        attached = (Logger) LoggerFactory.getLogger(loggerName);
        before = attached.getLevel();
        attached.setLevel(level);
        attached.setAdditive(false);
        appender.start();
        attached.addAppender(appender);
        return appender.list;
    }

    @AfterEach
    void detach() {
        attached.detachAppender(appender);
        attached.setLevel(before);
        attached.setAdditive(true);
    }

    @Test
    void traceForOneActorShowsSenderReceiverAndMessageWithTheMdc() {
        List<ILoggingEvent> events = capture("dev.frontier.trace", Level.TRACE);
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withTrace("pong"))) {
            s.<Integer>spawn("ping", ctx -> {
                while (true) {
                    int n = ctx.receive();
                    if (n < 4) {
                        ctx.send("pong", n + 1);
                    }
                }
            });
            s.<Integer>spawn("pong", ctx -> {
                while (true) {
                    ctx.send("ping", ctx.receive() + 1);
                }
            });
            s.send("ping", 0);
            s.run();
        }
        assertEquals(List.of("ping -> pong: 1", "ping -> pong: 3"), events.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals("pong", events.get(1).getMDCPropertyMap().get("actor"));
        assertEquals("2", events.get(1).getMDCPropertyMap().get("msgSeq"));
        assertTrue(events.stream().allMatch(e -> e.getLevel() == Level.TRACE));
    }

    @Test
    void aTraceLevelChangedAtRunTimeIsSeenFromTheNextRunOn() {
        List<ILoggingEvent> events = capture("dev.frontier.trace", Level.OFF);
        try (DequeScheduler s = DequeScheduler.create()) {
            s.<Integer>spawnHandler("echo", (ctx, n) -> { });
            s.send("echo", 1);
            s.run();
            attached.setLevel(Level.TRACE);
            s.send("echo", 2);
            s.run();
            attached.setLevel(Level.INFO);
            s.send("echo", 3);
            s.run();
        }
        assertEquals(List.of("outside -> echo: 2"), events.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void defaultErrorHandlerWritesOneErrorNamingTheActorTheMessageAndTheCause() {
        List<ILoggingEvent> events = capture("dev.frontier.actor.ActorErrorHandler", Level.ERROR);
        IllegalArgumentException cause = new IllegalArgumentException("bad input");
        try (DequeScheduler s = DequeScheduler.create()) {
            s.<String>spawnHandler("parser", (ctx, m) -> {
                throw cause;
            });
            s.send("parser", "2 $ 3");
            s.run();
        }
        assertEquals(1, events.size());
        ILoggingEvent e = events.get(0);
        assertEquals(Level.ERROR, e.getLevel());
        assertEquals("actor 'parser' failed handling 2 $ 3 from outside: java.lang.IllegalArgumentException: bad input",
                e.getFormattedMessage());
        assertSame(cause.getClass().getName(), e.getThrowableProxy().getClassName());
    }

    @Test
    void deadLettersAreLoggedAtWarnAndRateLimited() {
        List<ILoggingEvent> events = capture("dev.frontier.deadletters", Level.WARN); // an ordinary configuration shows them
        try (DequeScheduler s = DequeScheduler.create()) {
            for (int i = 1; i <= 2_500; i++) {
                s.send("ghost", i);
            }
            assertEquals(2_500, s.deadLetters().count());
        }
        assertEquals(10 + 2, events.size(), "the first 10 one by one, then one line per 1000");
        assertEquals("dead letter #1: outside -> ghost: 1", events.get(0).getFormattedMessage());
        assertEquals("2000 dead letters so far; latest: outside -> ghost: 2000", events.get(11).getFormattedMessage());
        assertTrue(events.stream().allMatch(e -> e.getLevel() == Level.WARN));
    }
}
