package dev.frontier.actor;

import java.util.List;

/**
 * Messages that found no live recipient: counted, the most recent kept for inspection, and
 * logged (rate-limited, so a flood cannot drown the log). Never thrown at the sender. Only the
 * actor system records them; this view reads them.
 *
 * <p>Thread-safe: any thread may read.
 */
public interface DeadLetters {

    /** {@return how many dead letters there have been since the system started, 0 if none} */
    long count();

    /** {@return a snapshot of the most recent dead letters (up to 64), oldest first; empty if none} */
    List<DeadLetter> recent();
}
