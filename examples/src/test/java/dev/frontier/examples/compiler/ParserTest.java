package dev.frontier.examples.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParserTest {

    private static Node num(long v, int position) {
        return new Node.Number(Value.of(v), position);
    }

    private static Node bin(Operator op, Node left, Node right, int position) {
        return new Node.BinOp(op, left, right, position);
    }

    private static ExpressionException error(String text) {
        return assertThrows(ExpressionException.class, () -> Parser.parse(text));
    }

    @Test
    void seedExampleRespectsPrecedence() {
        // 2 + 3 * 4 - 5  ==  (2 + (3 * 4)) - 5
        Node expected = bin(Operator.SUBTRACT,
                bin(Operator.ADD, num(2, 0), bin(Operator.MULTIPLY, num(3, 4), num(4, 8), 6), 2),
                num(5, 12), 10);
        assertEquals(expected, Parser.parse("2 + 3 * 4 - 5"));
    }

    @Test
    void operatorsAreLeftAssociative() {
        assertEquals(bin(Operator.DIVIDE, bin(Operator.DIVIDE, num(8, 0), num(2, 2), 1), num(2, 4), 3), Parser.parse("8/2/2"));
    }

    @Test
    void parenthesesGroupAndLeaveNoNode() {
        assertEquals(bin(Operator.MULTIPLY, bin(Operator.ADD, num(2, 1), num(3, 3), 2), num(4, 6), 5), Parser.parse("(2+3)*4"));
        assertEquals(num(7, 3), Parser.parse("(((7)))"));
    }

    @Test
    void unaryMinusBindsTighterThanTimesAndUnaryPlusLeavesNoNode() {
        assertEquals(bin(Operator.MULTIPLY, new Node.Negate(num(2, 1), 0), num(3, 3), 2), Parser.parse("-2*3"));
        assertEquals(bin(Operator.SUBTRACT, num(2, 0), new Node.Negate(num(3, 3), 2), 1), Parser.parse("2--3"));
        assertEquals(num(3, 1), Parser.parse("+3"));
        assertEquals(new Node.Negate(new Node.Negate(num(1, 3), 2), 0), Parser.parse("-+-1"));
    }

    @Test
    void decimalsAreFloatsAndIntegersAreExact() {
        assertEquals(new Node.Number(Value.of(2.5), 0), Parser.parse("2.5"));
        assertEquals(new Node.Number(new IntValue(new java.math.BigInteger("123456789012345678901234567890")), 0),
                Parser.parse("123456789012345678901234567890"));
    }

    @Test
    void missingOperandNamesTheEndOfInput() {
        ExpressionException e = error("2 +");
        assertEquals("expected a number or '(' but found end of input at position 3", e.getMessage());
        assertEquals(3, e.position());
    }

    @Test
    void twoNumbersInARowNameTheSecond() {
        ExpressionException e = error("2 3");
        assertEquals("expected an operator but found number '3' at position 2", e.getMessage());
        assertEquals(2, e.position());
    }

    @Test
    void anUnknownCharacterIsNamed() {
        assertEquals("unexpected character '$' at position 2", error("2 $ 3").getMessage());
    }

    @Test
    void emptyParenthesesNameTheClosingOne() {
        ExpressionException e = error("()");
        assertEquals("expected a number or '(' but found ')' at position 1", e.getMessage());
        assertEquals("expected a number or '(' but found ')'", e.problem());
    }

    @Test
    void unbalancedParenthesesAreReported() {
        assertEquals("expected ')' to close the '(' at position 0 but found end of input at position 2", error("(2").getMessage());
        assertEquals("unmatched ')' at position 1", error("1)").getMessage());
        assertEquals("expected ')' to close the '(' at position 2 but found number '3' at position 5", error("1+(2 3)").getMessage());
    }

    @Test
    void emptyInputAndALeadingOperator() {
        assertEquals("expected a number or '(' but found end of input at position 0", error("").getMessage());
        assertEquals("expected a number or '(' but found '*' at position 0", error("*2").getMessage());
    }

    @Test
    void errorsCarryNoStackTrace() {
        assertEquals(0, error("2 +").getStackTrace().length);
    }

    @Test
    @Timeout(30)
    void aHundredThousandNestedParenthesesParseOnASmallStack() throws Exception {
        int depth = 100_000;
        String text = "(".repeat(depth) + "1+2" + ")".repeat(depth);
        Node tree = onSmallStack(() -> Parser.parse(text));
        assertEquals(bin(Operator.ADD, num(1, depth), num(2, depth + 2), depth + 1), tree);
    }

    @Test
    @Timeout(30)
    void aHundredThousandUnaryMinusesParseOnASmallStack() throws Exception {
        int depth = 100_001;
        Node tree = onSmallStack(() -> Parser.parse("-".repeat(depth) + "1"));
        int negations = 0;
        while (tree instanceof Node.Negate n) {
            negations++;
            tree = n.operand();
        }
        assertEquals(depth, negations);
        assertInstanceOf(Node.Number.class, tree);
    }

    @Test
    @Timeout(30)
    void anErrorDeepInsideNestingIsReportedNotAStackOverflow() throws Exception {
        int depth = 100_000;
        String text = "(".repeat(depth) + "1+";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        onSmallStack(() -> {
            try {
                return Parser.parse(text);
            } catch (ExpressionException e) {
                failure.set(e);
                return null;
            }
        });
        assertEquals("expected a number or '(' but found end of input at position " + (depth + 2), failure.get().getMessage());
    }

    /** Runs {@code work} on a thread with a 256 KiB stack; rethrows what it threw. */
    static <T> T onSmallStack(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (thrown.get() instanceof Exception e) {
            throw e;
        }
        if (thrown.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
