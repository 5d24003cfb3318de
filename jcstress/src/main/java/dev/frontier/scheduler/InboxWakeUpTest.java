package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link Inbox}'s wake-up: the consumer announcing a park and re-checking the queue, against a
 * producer's offer. Either the consumer sees the entry (and does not park), or the producer sees
 * the announcement and wakes it: never both missed, which would be a lost wake-up (a scheduler or
 * actor thread asleep with work in its inbox).
 */
public class InboxWakeUpTest {

    /** The park flag, read by the arbiter: whether the producer took it (and unparked) or left it. */
    static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.privateLookupIn(Inbox.class, MethodHandles.lookup())
                    .findVarHandle(Inbox.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The protocol's two sides without a real park. Result: the consumer saw an empty queue after
     * announcing (so it would park); the announcement is still up after the offer (nobody woke it).
     */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the consumer would park; the producer saw it and woke it")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the consumer saw the entry and would not park")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the consumer saw the entry; the producer woke it anyway (harmless)")
    @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "lost wake-up: the consumer parks on an entry nobody tells it about")
    @State
    public static class Announcement {
        final Inbox inbox = new Inbox(16, e -> { });
        int sawEmpty;

        @Actor
        public void consumer() {
            inbox.prepareToPark();
            sawEmpty = inbox.isEmpty() ? 1 : 0;
        }

        @Actor
        public void producer() {
            inbox.offer(Harness.M);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = sawEmpty;
            r.r2 = (boolean) PARKED.getVolatile(inbox) ? 1 : 0;
        }
    }

    /**
     * The real thing: a consumer that parks until it has an entry, and a producer's offer as the
     * signal. It must terminate.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the consumer woke and took the entry")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the consumer stayed parked")
    @State
    public static class Park {
        final Inbox inbox = new Inbox(16, e -> { });

        @Actor
        public void consumer() {
            inbox.consumer(Thread.currentThread());
            while (inbox.poll() == null) {
                inbox.prepareToPark();
                if (inbox.isEmpty()) {
                    LockSupport.park(this);
                }
                inbox.unparked();
                if (Thread.interrupted()) {
                    return; // the harness gave up on us: it has recorded STALE already
                }
            }
        }

        @Signal
        public void producer() {
            inbox.offer(Harness.M);
        }
    }
}
