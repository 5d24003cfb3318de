package dev.frontier.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.examples.compiler.Calc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runnable examples print what the seed says they print. */
class ExamplesTest {

    interface Example {
        void run(PrintStream out) throws Exception;
    }

    static List<String> lines(Example example) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static List<String> alternating(int count) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add((i % 2 == 0 ? "ping " : "pong ") + i);
        }
        return expected;
    }

    @Test
    void printerCountsDownToOne() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 10; i > 0; i--) {
            expected.add("printer: " + i);
        }
        assertEquals(expected, lines(out -> Printer.run(10, out)));
    }

    @Test
    void dequeSchedulerPingPongAlternatesStrictly() throws Exception {
        assertEquals(alternating(1000), lines(out -> PingPong.run(1000, out)));
    }

    @Test
    @Timeout(30)
    void threadPerActorPingPongAlternatesStrictly() throws Exception {
        assertEquals(alternating(200), lines(out -> ThreadPingPong.run(200, out)));
    }

    @Test
    void directPingPongFailsWhereTheSeedDoes() throws Exception {
        List<String> out = lines(o -> DirectPingPong.run(10, o));
        assertEquals(List.of("ping 0", "pong 1"), out.subList(0, 2), "the seed's two lines, then the failure");
        assertEquals("dev.frontier.core.GeneratorAlreadyExecutingException: generator already executing", out.get(out.size() - 1));
        assertEquals("  error handler: actor 'pong' failed handling 1 from ping: "
                + "dev.frontier.core.GeneratorAlreadyExecutingException: generator already executing", out.get(2));
        assertEquals("  error handler: actor 'ping' failed handling 0 from outside: "
                + "dev.frontier.core.GeneratorAlreadyExecutingException: generator already executing", out.get(3));
        assertEquals(5, out.size());
    }

    /**
     * What {@code mvn -q compile exec:exec -Dexample="..."} prints on standard output: exec splits
     * the string on spaces and hands the pieces to {@link Examples#main}.
     */
    static List<String> launched(String example) throws Exception {
        PrintStream stdout = System.out;
        try {
            return lines(out -> {
                System.setOut(out);
                Examples.main(example.split(" "));
            });
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void calcPrintsTheSeedsValueThroughTheEvaluatorActor() throws Exception {
        assertEquals(List.of("9"), launched("calc 2 + 3 * 4 - 5"));
        String[] pieces = "2 + 3 * 4 - 5".split(" ");
        assertEquals(List.of("9"), lines(both -> assertEquals(0, Calc.run(pieces, both, both))), "and nothing on stderr");
    }

    @Test
    void calcShowsWhereABadExpressionIsWrong() throws Exception {
        List<String> out = lines(o -> assertEquals(1, Calc.run(new String[] {"1", "+", "(2"}, o, o)));
        assertEquals(List.of(
                "error: expected ')' to close the '(' at position 4 but found end of input at position 6",
                "  1 + (2",
                "        ^"), out);
    }

    @Test
    @Timeout(30)
    void contextsShowsEveryResourceReleasedAndTheBatchTimes() throws Exception {
        List<String> out = launched("contexts");
        List<String> printed = out.stream().filter(l -> !l.contains(" INFO ")).toList();
        assertTrue(printed.get(0).matches("journal-1: .*frontier-\\d+/journal\\.txt holds \\[first, second]"), printed.get(0));
        assertEquals(List.of(
                "journal-1: closed itself, directory deleted: true",
                "journal-2: stopped, directory deleted: true",
                "  error handler: actor 'journal-3' failed: java.lang.IllegalArgumentException: "
                        + "a journal entry must be one line: [two, lines]",
                "journal-3: failed, directory deleted: true",
                "ledger: mid-session, a reader gets nothing (locked)",
                "ledger: session over, a reader gets [credit 10, debit 4]",
                "counter: 18 words in 4 lines, timed in batches of 2 (see the log)"), printed.subList(1, printed.size()));
        // the timethis lines, through the bundled logback.xml's console appender
        List<String> timed = out.stream().filter(l -> l.contains(" INFO ")).toList();
        assertEquals(2, timed.size(), out.toString());
        for (int batch = 1; batch <= 2; batch++) {
            assertTrue(timed.get(batch - 1).matches(".*\\[counter#" + 2 * batch + "] dev\\.frontier\\.context\\.Contexts - counter batch "
                    + batch + ": \\d+\\.\\d{3} (s|ms|us)"), timed.get(batch - 1));
        }
    }

    /** What the launcher prints on standard error while running {@code example}. */
    static List<String> launchedErr(String example) throws Exception {
        PrintStream stderr = System.err;
        try {
            return lines(err -> {
                System.setErr(err);
                launched(example);
            });
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    @Timeout(60)
    void bankBalancesItsBooksWhenTheTellerAwaitsEachDebit() throws Exception {
        List<String> out = lines(o -> dev.frontier.examples.teller.Teller.run("fixed", o));
        assertEquals(List.of(
                "transfer 30 from alice to bob: done",
                "transfer 80 from bob to carol: done",
                "transfer 200 from carol to alice: refused (carol has 80)",
                "transfer 5 from alcie to bob: refused (no account 'alcie')",
                "balances: alice 70, bob 0, carol 80; total 150 (150 went in)"), out);
    }

    @Test
    @Timeout(60)
    void theBuggyBankCreatesMoneyAndTheRecordedFlowShowsWhy(@TempDir Path dir) throws Exception {
        Path mmd = dir.resolve("bank.mmd");
        List<String> err = launchedErr("teller buggy --record=" + mmd);
        assertEquals(List.of("recorded 27 messages between 7 actors in " + mmd), err);
        List<String> diagram = Files.readAllLines(mmd);
        assertTrue(diagram.contains("    participant a7 as account-alcie"), diagram.toString());
        assertTrue(diagram.stream().anyMatch(l -> l.matches("    a2-xa7: \\[\\d+] Debit\\[amount=5] \\(dead letter\\)")), diagram.toString());
        // the credit of the refused transfer went out before the refusal came back
        int credit = indexOf(diagram, "    a2->>a3: \\[\\d+] Credit\\[amount=200]");
        int refusal = indexOf(diagram, "    a6->>a2: \\[\\d+] Refused\\[why=carol has 80]");
        assertTrue(credit > 0 && refusal > credit, diagram.toString());
    }

    static int indexOf(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void traceTakesSeveralNamesAndPatternsAndWarnsAboutTheOnesThatMatchNothing() throws Exception {
        assertEquals(List.of("warning: --trace=nobody matched no actor in this run", "warning: --trace=x* matched no actor in this run"),
                launchedErr("pingpong 2 --trace=pong --trace=nobody,p?ng,x*"));
        assertEquals(List.of(), launchedErr("pingpong 2 --trace=*"));
    }

    @Test
    @Timeout(60)
    void afterPuzzlerShowsWhatFailsAndWhatWorks() throws Exception {
        List<String> out = lines(dev.frontier.examples.fib.AfterPuzzler::run);
        assertEquals("1. yield the generator:", out.get(0));
        assertTrue(out.get(1).startsWith("   failed: dev.frontier.task.NotAFutureException: task yielded a generator, not a future"),
                out.get(1));
        assertEquals(List.of("2. iterate it by hand:", "   Got: null", "   after() returned null",
                "3. send by hand:", "   Got: 5", "   after() returned null",
                "4. yieldFrom(gen):", "   Got: 5", "   after() returned 5"), out.subList(2, 11));
        assertEquals(List.of("5'. yieldFrom(awaiting(sleep)):", "   Got: 5", "   after() returned 5"), out.subList(12, 15));
    }
}
