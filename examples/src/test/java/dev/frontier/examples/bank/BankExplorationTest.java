package dev.frontier.examples.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.testkit.ExplorationResult;
import dev.frontier.testkit.Explorer;
import dev.frontier.testkit.FrontierExtension;
import dev.frontier.testkit.Schedule;
import dev.frontier.testkit.Strategy;
import dev.frontier.testkit.TestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof: a real ordering bug that the plain FIFO order never shows; the explorer finds it,
 * replay reproduces it, and the fixed protocol passes the same exploration. Bounded to a few
 * seconds (about a thousand short schedules).
 */
@ExtendWith(FrontierExtension.class)
@Timeout(60)
class BankExplorationTest {

    @Test
    void thePlainSchedulerNeverShowsTheBug(TestKit kit) {
        Bank.Ledger ledger = Bank.open(kit.system(), false);
        kit.runUntilIdle();
        assertEquals(List.of(), ledger.rejected);
        assertEquals(BankExploration.EXPECTED, ledger.balances);
    }

    @Test
    void randomExplorationFindsItWithinAThousandSchedules(Explorer explorer) {
        ExplorationResult r = explorer.strategy(Strategy.random()).schedules(1000).run(BankExploration.scenario(false));
        ExplorationResult.Failure f = r.failure().orElseThrow(() -> new AssertionError(r.report()));
        assertTrue(f.property().startsWith("invariant 'no payment the payer can cover is rejected'"), f.property());
        List<String> d = f.shrunk().deliveries();
        int query = d.indexOf("auditor -> bob: GetBalance[]");
        assertTrue(query >= 0 && !d.subList(0, query).contains("alice -> bob: Deposit[amount=60]"),
                "the auditor's query overtook the deposit:\n" + r.report());
    }

    @Test
    void pctFindsItWithinAHundredSchedules(Explorer explorer) {
        ExplorationResult r = explorer.strategy(Strategy.pct(2)).schedules(100).run(BankExploration.scenario(false));
        assertFalse(r.passed(), r.report());
    }

    /** Where PCT earns its keep: the deposit must stay in flight through three other payments. */
    @Test
    void pctFindsTheDeepVariant(Explorer explorer) {
        ExplorationResult r = explorer.strategy(Strategy.pct(2)).schedules(100).run(BankExploration.deepScenario());
        assertFalse(r.passed(), r.report());
    }

    @Test
    void replayReproducesItExactly(Explorer explorer) {
        ExplorationResult.Failure f = explorer.schedules(1000).run(BankExploration.scenario(false)).failure().orElseThrow();
        List<java.nio.file.Path> files = f.shrunkFile() == null ? List.of(f.file()) : List.of(f.file(), f.shrunkFile());
        for (var file : files) {
            ExplorationResult again = Explorer.named("bank-replay").replay(file, BankExploration.scenario(false));
            ExplorationResult.Failure g = again.failure().orElseThrow(() -> new AssertionError("not reproduced: " + file));
            assertEquals(f.property().replaceAll("after step \\d+", ""), g.property().replaceAll("after step \\d+", ""));
            Schedule recorded = file.equals(f.file()) ? f.schedule() : f.shrunk();
            assertEquals(recorded.deliveries(), g.schedule().deliveries());
        }
    }

    @Test
    void theFixedProtocolPassesTheSameExploration(Explorer explorer) {
        explorer.strategy(Strategy.random()).schedules(1000).check(BankExploration.scenario(true));
        Explorer.named("bank-fixed-pct").strategy(Strategy.pct(2)).schedules(200).check(BankExploration.scenario(true));
    }
}
