package dev.frontier.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.examples.supervision.Bank;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The supervision example prints each restart, the limit being hit, and the escalation, the same way every run. */
@Timeout(60)
class SupervisionExampleTest {

    static final String CRASH = "java.lang.IllegalStateException: auditor crashed (injected fault)";
    static final String AUDIT_GAVE_UP = "dev.frontier.actor.RestartIntensityExceededException: supervisor 'audit' gave up: "
            + "child 'auditor' needed a restart beyond its intensity of 1 restart in 5000 ms; last failure: " + CRASH;

    static List<String> auditorGivesUp(int first) {
        return List.of(
                "  ! actor 'auditor' failed handling Audit[number=" + first + "] from outside: " + CRASH,
                "auditor: on duty",
                "  ~ supervisor 'audit': restarted child 'auditor' (incarnation 2)",
                "  ! actor 'auditor' failed handling Audit[number=" + (first + 1) + "] from outside: " + CRASH,
                "  ~ supervisor 'audit' gives up: child 'auditor' needs a restart beyond its intensity of 1 restart in 5000 ms",
                "  ~ supervisor 'audit': child 'auditor' ended for good (failed: " + CRASH + ")",
                "  ! actor 'audit' failed handling the exit of child 'auditor' (incarnation 2) from auditor: " + AUDIT_GAVE_UP);
    }

    @Test
    void theBankShowsEachRestartTheLimitAndTheEscalation() throws Exception {
        List<String> expected = new java.util.ArrayList<>(List.of(
                "alice: open, balance 0",
                "bob: open, balance 0",
                "auditor: on duty",
                "-- 1. business as usual",
                "auditor: audit 1 ok, 1 by this incarnation, ledger {alice=70, bob=80}, total 150",
                "balances (typed asks): alice 70, bob 80",
                "dead letters so far: [outside -> alice: a string]",
                "-- 2. an overdraft crashes alice; the bank restarts her; the withdrawal is lost, the deposit behind it waits",
                "alice: closed, balance 70",
                "  ! actor 'alice' failed handling Withdraw[amount=500] from outside: "
                        + "java.lang.IllegalStateException: overdraft: alice has 70, asked for 500",
                "  ~ supervisor 'bank': restarted child 'alice' (incarnation 2)",
                "alice: open, balance 70",
                "balances (typed asks): alice 75, bob 80",
                "the reference from before the crash still reaches alice: true",
                "-- 3. the auditor crashes twice: its supervisor restarts it once, then gives up; the bank restarts the audit tree"));
        expected.addAll(auditorGivesUp(2));
        expected.addAll(List.of(
                "  ~ supervisor 'bank': restarted child 'audit' (incarnation 2)",
                "auditor: on duty",
                "auditor: audit 4 ok, 1 by this incarnation, ledger {alice=75, bob=80}, total 155",
                "-- 4. once more: the bank is past its own limit (2 restarts a minute); it stops everything and fails"));
        expected.addAll(auditorGivesUp(5));
        String bankGaveUp = "dev.frontier.actor.RestartIntensityExceededException: supervisor 'bank' gave up: child 'audit' "
                + "needed a restart beyond its intensity of 2 restarts in 60000 ms; last failure: supervisor 'audit' gave up "
                + "(child 'auditor')";
        expected.addAll(List.of(
                "  ~ supervisor 'bank' gives up: child 'audit' needs a restart beyond its intensity of 2 restarts in 60000 ms",
                "  ~ supervisor 'bank': child 'audit' ended for good (failed: " + AUDIT_GAVE_UP + ")",
                "bob: closed, balance 80",
                "  ~ supervisor 'bank': child 'bob' ended for good (stopped)",
                "alice: closed, balance 75",
                "  ~ supervisor 'bank': child 'alice' ended for good (stopped)",
                "  ! actor 'bank' failed handling the exit of child 'audit' (incarnation 2) from audit: " + bankGaveUp,
                "bank ended: " + bankGaveUp,
                "still running: []; the ledger kept {alice=75, bob=80}"));
        List<String> out = ExamplesTest.lines(Bank::run);
        for (int i = 0; i < Math.min(expected.size(), out.size()); i++) {
            assertEquals(expected.get(i), out.get(i), "line " + (i + 1));
        }
        assertEquals(expected.size(), out.size(), String.join("\n", out));
    }

    @Test
    void theLauncherRunsIt() throws Exception {
        List<String> out = ExamplesTest.launched("supervision").stream()
                .filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")) // the log's own lines
                .toList();
        assertEquals("alice: open, balance 0", out.get(0));
        assertTrue(out.get(out.size() - 1).startsWith("still running: []"), out.get(out.size() - 1));
    }
}
