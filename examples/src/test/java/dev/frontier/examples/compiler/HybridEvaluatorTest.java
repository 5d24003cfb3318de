package dev.frontier.examples.compiler;

import static dev.frontier.examples.compiler.ParserTest.onSmallStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The depth-capped hybrid visitor: the generator visitor's results and depth, mostly recursion. */
class HybridEvaluatorTest {

    private static final List<String> EXPRESSIONS = List.of(
            "2 + 3 * 4 - 5", "10/4", "8/2/2", "-(2+3)*-2", "--2", "0.1+0.2", "7",
            "99999999999999999999*99999999999999999999", "((((1+2)*3)-4)/5)", "-0.0", "0/-5",
            sum(1_000), "1+(".repeat(300) + "1" + ")".repeat(300), "-".repeat(301) + "(1*2)");

    private static String sum(int terms) {
        return IntStream.range(0, terms).mapToObj(Integer::toString).collect(Collectors.joining("+"));
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 1, 2, 3, 64, 10_000})
    void theSameValuesAsTheGeneratorVisitorWhateverTheCap(int cap) {
        for (String text : EXPRESSIONS) {
            Node tree = Parser.parse(text);
            assertEquals(new Evaluator().visit(tree), new HybridEvaluator(cap).visit(tree), text);
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 1, 5, 64})
    void anErrorDeepInTheTreeReachesTheCallerUnchanged(int cap) {
        // the division by zero is 500 levels down: it crosses generator boundaries on the way up
        String text = "1+(".repeat(500) + "1/0" + ")".repeat(500);
        Node tree = Parser.parse(text);
        ExpressionException e = assertThrows(ExpressionException.class, () -> new HybridEvaluator(cap).visit(tree));
        assertEquals("division by zero at position " + (3 * 500 + 1), e.getMessage());
    }

    /** Replaces the value of any subtree whose evaluation fails by 0, and notes where. */
    static final class Forgiving extends HybridVisitor<Value> {
        final List<Integer> forgiven = new ArrayList<>();

        Forgiving(int cap) {
            super(cap);
        }

        @Override
        protected Value visitNumber(Node.Number node) {
            return node.value();
        }

        @Override
        protected Value visitBinOp(Node.BinOp node, Children<Value> children) {
            Value left = children.visit(node.left());
            Value right;
            try {
                right = children.visit(node.right());
            } catch (ExpressionException e) {
                forgiven.add(e.position());
                right = Value.of(0);
            }
            return PythonArithmetic.apply(node.op(), left, right, node.position());
        }

        @Override
        protected Value visitNegate(Node.Negate node, Children<Value> children) {
            return PythonArithmetic.negate(children.visit(node.operand()));
        }
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {0, 1, 64})
    void aVisitMethodCatchesAChildsExceptionWhetherItWasACallOrAYield(int cap) {
        // 100 + (1 + (1 + 1/0)): the nearest enclosing visit (the one for 1 + 1/0) catches it
        Node tree = Parser.parse("100+(1+(1+(1/0)))");
        Forgiving visitor = new Forgiving(cap);
        assertEquals(Value.of(102), visitor.visit(tree));
        assertEquals(List.of(12), visitor.forgiven);
    }

    @Test
    void aNegativeCapIsRejected() {
        assertEquals("the depth cap cannot be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new HybridEvaluator(-1)).getMessage());
    }

    // ------------------------------------------------------------------ depth

    private static final int DEPTH = 100_000;

    @Test
    @Timeout(30)
    void aHundredThousandDeepTreeOnASmallStack() throws Exception {
        Node deepSum = Parser.parse(sum(DEPTH));
        Node deepRight = Parser.parse("1+(".repeat(DEPTH) + "1" + ")".repeat(DEPTH));
        Node deepMinus = Parser.parse("-".repeat(DEPTH + 1) + "7");
        assertEquals(List.of(Value.of(4_999_950_000L), Value.of(DEPTH + 1), Value.of(-7)), onSmallStack(() -> {
            HybridEvaluator evaluator = new HybridEvaluator();
            return List.of(evaluator.visit(deepSum), evaluator.visit(deepRight), evaluator.visit(deepMinus));
        }));
    }

    @Test
    @Timeout(30)
    void withoutTheCapTheSameTreeOverflowsTheSameStack() {
        // The control for the test above: a cap beyond the depth is plain recursion.
        Node deepSum = Parser.parse(sum(DEPTH));
        assertThrows(StackOverflowError.class, () -> onSmallStack(() -> new HybridEvaluator(Integer.MAX_VALUE).visit(deepSum)));
    }
}
