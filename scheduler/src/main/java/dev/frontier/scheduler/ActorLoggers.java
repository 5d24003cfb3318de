package dev.frontier.scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger {@code ctx.log()} returns: one per class of actor code, named after the class that
 * wrote it (for a lambda, the class that holds the lambda). Bounded by the program's classes, not
 * by the number of actors or names.
 */
final class ActorLoggers {

    private static final ClassValue<Logger> LOGGERS = new ClassValue<>() {
        @Override
        protected Logger computeValue(Class<?> type) {
            return LoggerFactory.getLogger(loggerName(type));
        }
    };

    private ActorLoggers() {
    }

    static Logger of(Object behaviour) {
        return LOGGERS.get(behaviour.getClass());
    }

    /** {@code com.acme.Bank$$Lambda/0x...} becomes {@code com.acme.Bank}. */
    static String loggerName(Class<?> type) {
        String n = type.getName();
        int lambda = n.indexOf("$$Lambda");
        return lambda > 0 ? n.substring(0, lambda) : n;
    }
}
