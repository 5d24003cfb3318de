package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Selective receive's cost bound: a receive with the matcher that already refused the kept
 * messages looks only at what is new, so a loop amid many kept messages costs what arrives, not
 * what is kept (no quadratic rescan); a different matcher looks at each kept message once.
 */
class StashTest {

    @Test
    void aReceiveWithTheSameMatcherDoesNotRescanWhatItRefused() {
        int kept = 10_000;
        int wanted = 1_000;
        AtomicLong looks = new AtomicLong();
        Predicate<Object> isInteger = m -> {
            looks.incrementAndGet();
            return m instanceof Integer;
        };
        try (DequeScheduler s = DequeScheduler.create()) {
            List<Object> got = new ArrayList<>();
            s.<Object>spawn("picky", ctx -> {
                while (true) {
                    got.add(ctx.receive(isInteger));
                }
            });
            for (int i = 0; i < kept; i++) {
                s.send("picky", "kept " + i);
            }
            s.run();
            assertEquals(kept, looks.get(), "each kept message looked at once");
            for (int i = 0; i < wanted; i++) {
                s.send("picky", i);
                s.run();
            }
            assertEquals(wanted, got.size());
            // each new Integer is looked at once; the kept Strings are not looked at again
            assertEquals(kept + wanted, looks.get());
            assertTrue(s.lookup("picky").isPresent());
        }
    }

    @Test
    void aDifferentMatcherLooksAtEachKeptMessageOnceAndOrderIsKept() {
        Stash stash = new Stash();
        Predicate<Object> none = m -> false;
        for (int i = 0; i < 5; i++) {
            stash.add(null, i, none);
        }
        assertNull(stash.take(none, null), "the refused run is skipped without calling the matcher");
        AtomicLong looks = new AtomicLong();
        Predicate<Object> odd = m -> {
            looks.incrementAndGet();
            return (Integer) m % 2 == 1;
        };
        assertEquals(1, stash.take(odd, cellFor()).message());
        assertEquals(2, looks.get(), "0 then 1");
        assertEquals(3, stash.take(odd, cellFor()).message());
        assertEquals(0, stash.take(null, null).message(), "oldest first for any matcher");
        assertEquals(2, stash.size());
    }

    /** A cell to run matchers through (it notes the message a throwing matcher was looking at). */
    private static ActorCell<Object> cellFor() {
        return ActorCell.handler(null, "test", dev.frontier.actor.ActorOptions.defaults(), (ctx, m) -> { });
    }
}
