package dev.frontier.examples.compiler;

/**
 * The seed's first evaluator, for comparison: plain recursion, one Java stack frame per level of
 * the tree. Fast, and a {@link StackOverflowError} on a deep enough tree (the seed's
 * "maximum recursion depth exceeded" on {@code 0+1+...+999}); {@link Evaluator} is not.
 */
public final class RecursiveEvaluator {

    public Value visit(Node node) {
        return switch (node) {
            case Node.Number n -> n.value();
            case Node.BinOp b -> PythonArithmetic.apply(b.op(), visit(b.left()), visit(b.right()), b.position());
            case Node.Negate n -> PythonArithmetic.negate(visit(n.operand()));
        };
    }
}
