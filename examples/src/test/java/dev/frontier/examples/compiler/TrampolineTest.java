package dev.frontier.examples.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontier.core.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions travel through the trampoline as through recursion; generators see them at their yield. */
class TrampolineTest {

    /** Evaluates, but an operand that fails counts as 0: catches the child's exception at its yield. */
    static final class ForgivingEvaluator extends NodeVisitor<Value> {
        final List<String> forgiven = new ArrayList<>();

        @Override
        protected Value visitNumber(Node.Number node) {
            if (node.value().equals(Value.of(13))) {
                throw new ExpressionException("unlucky number", node.position());
            }
            return node.value();
        }

        @Override
        protected Generator<Node, Value, Value> visitBinOp(Node.BinOp node) {
            return Generator.of(y -> {
                Value left = y.yield(node.left());
                Value right;
                try {
                    right = y.yield(node.right());
                } catch (ExpressionException e) {
                    forgiven.add(e.getMessage());
                    right = Value.of(0);
                }
                return PythonArithmetic.apply(node.op(), left, right, node.position());
            });
        }

        @Override
        protected Generator<Node, Value, Value> visitNegate(Node.Negate node) {
            return Generator.of(y -> PythonArithmetic.negate(y.yield(node.operand())));
        }
    }

    @Test
    void anExceptionFromAChildGeneratorIsThrownInAtTheParentsYield() {
        ForgivingEvaluator v = new ForgivingEvaluator();
        assertEquals(Value.of(5), v.visit(Parser.parse("5 + (1/0)")));
        assertEquals(List.of("division by zero at position 6"), v.forgiven);
    }

    @Test
    void anExceptionFromExpandingALeafIsThrownIntoTheGeneratorThatAskedForIt() {
        ForgivingEvaluator v = new ForgivingEvaluator();
        assertEquals(Value.of(2), v.visit(Parser.parse("2 * 1 + 13")));
        assertEquals(List.of("unlucky number at position 8"), v.forgiven);
    }

    @Test
    void anUncaughtExceptionPassesThroughEveryLevelUnchanged() {
        ForgivingEvaluator v = new ForgivingEvaluator();
        ExpressionException e = assertThrows(ExpressionException.class, () -> v.visit(Parser.parse("-(-(1/0 + 1))")));
        assertEquals("division by zero at position 5", e.getMessage());
    }

    @Test
    void aLeafAtTheRootNeedsNoGenerator() {
        assertEquals(Value.of(4), new Evaluator().visit(new Node.Number(Value.of(4), 0)));
    }

    @Test
    void finallyBlocksOfSuspendedParentsRunWhenAnExceptionPassesThrough() {
        List<String> log = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        Trampoline.Step<Integer, String> root = Trampoline.Step.run(Generator.of(y -> {
            try {
                return "got " + y.yield(1);
            } finally {
                log.add("parent finally");
            }
        }));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Trampoline.run(root, request -> {
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(List.of("parent finally"), log);
    }
}
