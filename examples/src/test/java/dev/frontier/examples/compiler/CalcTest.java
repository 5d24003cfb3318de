package dev.frontier.examples.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalcTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int calc(String... args) {
        return Calc.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheSeedExamplesValue() {
        assertEquals(0, calc("2 + 3 * 4 - 5"));
        assertEquals("9" + System.lineSeparator(), out());
        assertEquals("", err());
    }

    @Test
    void joinsItsArguments() {
        assertEquals(0, calc("10", "/", "4"));
        assertEquals("2.5" + System.lineSeparator(), out());
    }

    @Test
    void badInputPrintsTheMessageAndACaretNotAStackTrace() {
        assertEquals(1, calc("2 $ 3"));
        String n = System.lineSeparator();
        assertEquals("error: unexpected character '$' at position 2" + n + "  2 $ 3" + n + "    ^" + n, err());
        assertEquals("", out());
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertEquals(2, calc());
        assertEquals("usage: calc EXPRESSION    e.g. calc \"2 + 3 * 4 - 5\"" + System.lineSeparator(), err());
    }
}
