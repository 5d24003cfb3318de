package dev.frontier.scheduler;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.RejectedExecutionException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * {@link Command} through an {@link Inbox} against the inbox's close, as every host uses them: the
 * closing drain runs accepted commands, the leftover drain rejects late ones, and the submitter
 * checks which after its offer. Run exactly once, or rejected and the submitter told.
 *
 * <p>Result: the submitter was told "rejected", times the command ran.
 */
@JCStressTest
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "accepted: the closing drain ran it")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "too late: rejected, and the submitter was told")
@Outcome(expect = FORBIDDEN, desc = "accepted and never run, run twice, or run although rejected")
@State
public class CommandVsClosingDrainTest {

    final Inbox inbox = new Inbox(16, e -> ((Command) e).reject());
    int ran;
    int told;

    @Actor
    public void submitter() {
        Command c = new Command(null, () -> ran++);
        inbox.offer(c);
        try {
            c.checkAccepted("the host");
        } catch (RejectedExecutionException e) {
            told = 1;
        }
    }

    @Actor
    public void host() {
        inbox.close(e -> ((Command) e).run());
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = told;
        r.r2 = ran;
    }
}
