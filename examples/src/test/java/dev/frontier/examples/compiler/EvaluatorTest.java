package dev.frontier.examples.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation with Python's arithmetic; expected values are what Python 3 prints. */
class EvaluatorTest {

    private static String eval(String text) {
        return Calc.evaluate(text).toString();
    }

    private static String sumText(int terms) {
        return IntStream.range(0, terms).mapToObj(Integer::toString).collect(Collectors.joining("+"));
    }

    @Test
    void seedExample() {
        assertEquals("9", eval("2 + 3 * 4 - 5"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '=', value = {
        "10/4 = 2.5",
        "8/2/2 = 2.0",
        "7/7 = 1.0",
        "1/3 = 0.3333333333333333",
        "2/3 = 0.6666666666666666",
        "0.1+0.2 = 0.30000000000000004",
        "2*3.0 = 6.0",
        "3-0.5 = 2.5",
        "1.5*2 = 3.0",
        "-0/5 = 0.0",
        "0/-5 = -0.0",
        "0/-1000000000000000000000 = -0.0",
        "-0.0 = -0.0",
        "-(2+3)*-2 = 10",
        "--2 = 2",
        "2*-3 = -6",
        "-2.5 = -2.5",
        "(2+3)*(4-1) = 15",
        "9223372036854775807+1 = 9223372036854775808",
        "99999999999999999999*99999999999999999999 = 9999999999999999999800000000000000000001",
        "100000000000000000000/3 = 3.333333333333333e+19",
        "10000000000000000.0 = 1e+16",
        "1000000000000000.0 = 1000000000000000.0",
        "0.00001 = 1e-05",
        "0.0001 = 0.0001",
        "123456789012345678.0 = 1.2345678901234568e+17",
    })
    void arithmeticAndPrintingAsPython(String text, String python) {
        assertEquals(python, eval(text.strip()));
    }

    @Test
    void integerTrueDivisionIsCorrectlyRoundedWhereConvertingFirstIsNot() {
        // (2**54 + 3) / 3: converting the numerator to double first would give ...663.0
        assertEquals("6004799503160662.0", eval("18014398509481987/3"));
        // (3 * (2**55 + 4) + 1) / 3 lies just above a tie: the remainder must break it upwards
        assertEquals("3.6028797018963976e+16", eval("108086391056891917/3"));
        // (2**1100) / (2**1000 + 1), both far beyond double's exact range
        String twoTo1100 = java.math.BigInteger.TWO.pow(1100).toString();
        String twoTo1000Plus1 = java.math.BigInteger.TWO.pow(1000).add(java.math.BigInteger.ONE).toString();
        assertEquals("1.2676506002282294e+30", eval(twoTo1100 + "/" + twoTo1000Plus1));
        String tenTo400 = "1" + "0".repeat(400);
        String tenTo399 = "1" + "0".repeat(399);
        assertEquals("10.0", eval(tenTo400 + "/" + tenTo399));
    }

    @Test
    void divisionByZeroNamesTheOperatorsPosition() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval("1 + 2/0"));
        assertEquals("division by zero at position 5", e.getMessage());
        assertEquals(5, e.position());
        assertEquals("float division by zero at position 3", assertThrows(ExpressionException.class, () -> eval("1.5/0")).getMessage());
        assertEquals("float division by zero at position 1", assertThrows(ExpressionException.class, () -> eval("1/0.0")).getMessage());
    }

    @Test
    void pythonsOverflowErrorsAreExpressionErrors() {
        String tenTo400 = "1" + "0".repeat(400);
        assertEquals("integer division result too large for a float at position 401",
                assertThrows(ExpressionException.class, () -> eval(tenTo400 + "/1")).getMessage());
        assertEquals("int too large to convert to float at position 401",
                assertThrows(ExpressionException.class, () -> eval(tenTo400 + "*1.0")).getMessage());
    }

    @Test
    void seedDeathSpiralSumOfAThousandTerms() {
        assertEquals("499500", eval(sumText(1000)));
    }

    /** A hang guard, not a speed check (that is CompilerBenchmark): 20 s was exceeded at load 14 on 2 cores. */
    @Test
    @Timeout(120)
    void sumOfAMillionTermsIsExact() {
        assertEquals("499999500000", eval(sumText(1_000_000)));
    }

    @Test
    void bothEvaluatorsAgreeOnMixedExpressions() {
        for (String text : new String[] {"2 + 3 * 4 - 5", "-(1.5 - 4) / 2 * -3", "((7))/2 - -1", sumText(100)}) {
            Node tree = Parser.parse(text);
            assertEquals(new RecursiveEvaluator().visit(tree), new Evaluator().visit(tree), text);
        }
    }

    @Test
    void aVisitResultIsAValueOfTheRightKind() {
        assertInstanceOf(IntValue.class, Calc.evaluate("4*2*0+1-1+2"));
        assertInstanceOf(FloatValue.class, Calc.evaluate("4/2"));
    }
}
