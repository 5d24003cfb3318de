package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * {@link Inbox}: a producer's offer against the consumer's last poll and close. The entry is taken
 * exactly once: by the consumer, by the closing drain, or by the producer's own leftover drain when
 * it came too late for the closing one. {@code offer} returns true only if the consumer or the
 * closing drain takes it; false says only that the close came before the offer looked.
 *
 * <p>Result: offer returned true, taken by the consumer's poll, by the closing drain, by a leftover drain.
 */
@JCStressTest
@Outcome(id = "1, 1, 0, 0", expect = ACCEPTABLE, desc = "offered before the close; the consumer took it")
@Outcome(id = "1, 0, 1, 0", expect = ACCEPTABLE, desc = "offered before the close; the closing drain took it")
@Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE, desc = "the producer saw the close, but the consumer had taken it")
@Outcome(id = "0, 0, 1, 0", expect = ACCEPTABLE, desc = "the producer saw the close, but the closing drain had taken it")
@Outcome(id = "0, 0, 0, 1", expect = ACCEPTABLE, desc = "too late for the closing drain: the producer's leftover drain took it")
@Outcome(expect = FORBIDDEN, desc = "lost, taken twice, or offer() true and then a leftover")
@State
public class InboxOfferVsCloseTest {

    int leftover;
    final Inbox inbox = new Inbox(16, e -> leftover++);
    int offered;
    int polled;
    int drained;

    @Actor
    public void producer() {
        offered = inbox.offer(Harness.M) ? 1 : 0;
    }

    @Actor
    public void consumer() {
        if (inbox.poll() != null) {
            polled++;
        }
        inbox.close(e -> drained++);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r1 = offered;
        r.r2 = polled;
        r.r3 = drained;
        r.r4 = leftover;
    }
}
