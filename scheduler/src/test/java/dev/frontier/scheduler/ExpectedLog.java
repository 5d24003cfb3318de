package dev.frontier.scheduler;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Takes over one logger for a test that expects it to report something (a failure it provokes on
 * purpose): what it logs is kept for the test to check instead of going to the build's output,
 * and is restored on close.
 */
final class ExpectedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ExpectedLog(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
    }

    /** Captures what the logger named after {@code type} writes until {@link #close()}. */
    static ExpectedLog of(Class<?> type) {
        return new ExpectedLog(type.getName());
    }

    /** The formatted messages logged so far. */
    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(additive);
    }
}
