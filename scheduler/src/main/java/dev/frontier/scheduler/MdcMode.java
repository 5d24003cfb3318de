package dev.frontier.scheduler;

/**
 * When an actor's identity goes into the SLF4J MDC (keys {@code actor} and {@code msgSeq}: the
 * actor's name and the number of the message it is handling, 1 for its first).
 *
 * <p>Whatever the mode, what the MDC holds is true: the keys are only present while that actor
 * is handling that message on this thread, and are removed when it stops running (its turn ends,
 * it waits, it takes its next message).
 */
public enum MdcMode {
    /**
     * The default: written at the moment something logs for the actor, through {@code ctx.log()},
     * the delivery trace, or the failure report; a message that logs nothing costs nothing.
     * Code that logs through a logger of its own inside an actor sees the keys only after
     * {@code ctx.log()} was called for the message in hand.
     */
    ON_LOG,
    /** Written for every message, whether anything logs or not (about 35 ns and 48 bytes a message). */
    EVERY_MESSAGE,
    /** Never written. */
    OFF
}
