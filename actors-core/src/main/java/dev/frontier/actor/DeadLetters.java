package dev.frontier.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages that found no live recipient: counted, the most recent kept for inspection, and logged
 * at WARN on {@code dev.frontier.deadletters} (a lost message is a bug until shown otherwise),
 * rate-limited (the first {@value #LOGGED_IN_FULL}
 * one by one, then one line per {@value #LOG_EVERY} with the running total) so a flood cannot
 * drown the log. Never thrown at the sender.
 *
 * <p>Thread-safe: any thread may record or read.
 */
public final class DeadLetters {

    static final int LOGGED_IN_FULL = 10;
    static final int LOG_EVERY = 1000;
    private static final int KEEP = 64;
    private static final Logger LOG = LoggerFactory.getLogger("dev.frontier.deadletters");

    private final AtomicLong count = new AtomicLong();
    private final DeadLetter[] recent = new DeadLetter[KEEP];

    /** Records one dead letter. */
    public void record(DeadLetter letter) {
        long n = count.incrementAndGet();
        synchronized (recent) {
            recent[(int) ((n - 1) % KEEP)] = letter;
        }
        if (LOG.isWarnEnabled()) {
            if (n <= LOGGED_IN_FULL) {
                LOG.warn("dead letter #{}: {} -> {}: {}", n, letter.sender(), letter.recipient(), letter.message());
            } else if (n % LOG_EVERY == 0) {
                LOG.warn("{} dead letters so far; latest: {} -> {}: {}", n, letter.sender(), letter.recipient(), letter.message());
            }
        }
    }

    /** How many dead letters there have been. */
    public long count() {
        return count.get();
    }

    /** The most recent dead letters (up to 64), oldest first. */
    public List<DeadLetter> recent() {
        synchronized (recent) {
            long n = count.get();
            int size = (int) Math.min(n, KEEP);
            List<DeadLetter> out = new ArrayList<>(size);
            for (long i = n - size; i < n; i++) {
                DeadLetter d = recent[(int) (i % KEEP)];
                if (d != null) {
                    out.add(d);
                }
            }
            return out;
        }
    }
}
