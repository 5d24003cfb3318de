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

    /** How many dead letters there have been. */
    long count();

    /** The most recent dead letters (up to 64), oldest first. */
    List<DeadLetter> recent();
}
