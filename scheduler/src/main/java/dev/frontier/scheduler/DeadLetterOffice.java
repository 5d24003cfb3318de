package dev.frontier.scheduler;

import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a system's dead letters are recorded: counted, the most recent kept for inspection, and
 * logged at WARN on {@code dev.frontier.deadletters} (a lost message is a bug until shown
 * otherwise), rate-limited (the first
 * {@value #LOGGED_IN_FULL} one by one, then one line per {@value #LOG_EVERY} with the running
 * total) so a flood cannot drown the log. Package-private: only the system records; users read
 * through {@link DeadLetters}.
 *
 * <p>Thread-safe: any thread may record or read.
 */
final class DeadLetterOffice implements DeadLetters {

    static final int LOGGED_IN_FULL = 10;
    static final int LOG_EVERY = 1000;
    private static final int KEEP = 64;
    private static final Logger LOG = LoggerFactory.getLogger("dev.frontier.deadletters");

    private final AtomicLong count = new AtomicLong();
    private final DeadLetter[] recent = new DeadLetter[KEEP];

    /** Records one dead letter; {@code logged}: false when the caller logs it its own way. Any thread. */
    void record(DeadLetter letter, boolean logged) {
        long n = count.incrementAndGet();
        synchronized (recent) {
            recent[(int) ((n - 1) % KEEP)] = letter;
        }
        if (logged && LOG.isWarnEnabled()) {
            if (n <= LOGGED_IN_FULL) {
                LOG.warn("dead letter #{}: {} -> {}: {}", n, letter.sender(), letter.recipient(), letter.message());
            } else if (n % LOG_EVERY == 0) {
                LOG.warn("{} dead letters so far; latest: {} -> {}: {}", n, letter.sender(), letter.recipient(), letter.message());
            }
        }
    }

    @Override
    public long count() {
        return count.get();
    }

    @Override
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
