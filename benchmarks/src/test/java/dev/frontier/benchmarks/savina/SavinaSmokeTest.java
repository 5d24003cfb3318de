package dev.frontier.benchmarks.savina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Savina harness from rotting: every benchmark on every variant, once, at a tiny
 * scale, each result checked by the implementations themselves. Not a performance test.
 */
class SavinaSmokeTest {

    /** A few hundred messages per benchmark: the whole class runs in a few seconds. */
    private static final double TINY = 0.001;

    @Test
    void everyBenchmarkOnEveryVariantGivesTheRightResult() throws Exception {
        Params p = Params.defaults().scaled(TINY);
        for (Variant v : Variant.values()) {
            try (Implementation impl = v.create()) {
                for (Bench b : Bench.values()) {
                    if (impl.supports(b)) {
                        try {
                            impl.run(b, p, Duration.ofSeconds(30));
                            impl.run(b, p, Duration.ofSeconds(30)); // reused across runs, as in the harness
                        } catch (Exception | Error e) {
                            throw new AssertionError(b.title + " on " + v.id + ": " + e, e);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theHarnessInterleavesMeasuresAndReports() throws Exception {
        Savina.Options o = Savina.parse(new String[] {
            "--scale", String.valueOf(TINY), "--warmup", "1", "--rounds", "2", "--bench", "pingpong,threadring",
            "--variants", "gen,handler,tpa,pekko-1t,cont,vthread", "--no-gc"});
        Savina.Results r = Savina.measure(o, null);
        for (Bench b : List.of(Bench.PINGPONG, Bench.THREADRING)) {
            for (Variant v : o.variants()) {
                assertEquals(2, r.times(b, v).size(), b + " " + v);
            }
        }
        String report = Savina.report(o, r, "test");
        assertTrue(report.contains("| PingPong | N=40 |"), report);
        assertTrue(report.contains("gen / limit"), report);
        assertTrue(report.contains("tpa / vthread"), report);
        assertFalse(report.contains("NaN"), report);
    }

    @Test
    void wrongResultsAndBadOptionsAreRefused() {
        assertThrows(Check.Failed.class, () -> Check.equal(3, 2, "x"));
        assertThrows(IllegalArgumentException.class, () -> Savina.parse(new String[] {"--bench", "nope"}));
        assertThrows(IllegalArgumentException.class, () -> Savina.parse(new String[] {"--rounds", "0"}));
        assertEquals(List.of(2, 3, 1), Savina.rotate(List.of(1, 2, 3), 4));
    }

    @Test
    void scalingKeepsTheShapes() {
        Params d = Params.defaults();
        assertEquals(40_000, d.pingPongN());
        assertEquals(1_000_000, d.countingN());
        assertEquals(100_000, d.ringPings());
        assertEquals(200_000, d.meetings());
        assertEquals(20_000, d.bigPings());
        Params q = d.scaled(0.1);
        assertEquals(4_000, q.pingPongN());
        assertEquals(d.ringActors(), q.ringActors());
        assertEquals(d.bigWorkers(), q.bigWorkers());
        assertEquals(d.chameneos(), q.chameneos());
        assertEquals(d.fjThroughputActors(), q.fjThroughputActors());
    }
}
