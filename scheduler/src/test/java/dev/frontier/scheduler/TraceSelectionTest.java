package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSelectionTest {

    @Test
    void plainNamesMatchExactlyAndRegexCharactersAreLiteral() {
        TraceSelection s = TraceSelection.parse("ping, a.b");
        assertTrue(s.matches("ping"));
        assertFalse(s.matches("ping2"));
        assertFalse(s.matches("pin"));
        assertTrue(s.matches("a.b"));
        assertFalse(s.matches("axb"));
    }

    @Test
    void starMatchesEveryNameAndGlobsMatchTheirShape() {
        assertTrue(TraceSelection.ALL.matches(""));
        assertTrue(TraceSelection.ALL.matches("anything at all"));
        TraceSelection s = TraceSelection.parse("worker-*", "job-?");
        assertTrue(s.matches("worker-"));
        assertTrue(s.matches("worker-17"));
        assertFalse(s.matches("a-worker-17"));
        assertTrue(s.matches("job-7"));
        assertFalse(s.matches("job-17"));
        assertFalse(TraceSelection.NONE.matches("ping"));
    }

    @Test
    void remembersWhichSpecsNeverMatched() {
        TraceSelection s = TraceSelection.parse("ping,pong,worker-*");
        s.matches("ping");
        s.matches("worker-1");
        assertEquals(List.of("pong"), s.neverMatched());
        assertEquals(List.of("ping"), s.unmatched(List.of("pong", "worker-2")));
    }
}
