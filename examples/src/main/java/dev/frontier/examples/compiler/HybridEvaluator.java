package dev.frontier.examples.compiler;

import java.lang.invoke.MethodHandles;

/**
 * Evaluates a tree with Python's arithmetic as a {@link HybridVisitor}: recursive below the depth
 * cap, a generator per {@code cap} levels past it. The same values and errors as
 * {@link Evaluator} and {@link RecursiveEvaluator}, safe at any depth like {@link Evaluator}.
 */
public final class HybridEvaluator extends HybridVisitor<Value> {

    static {
        // As in Evaluator: code after a yield must not meet an uninitialized class (see there).
        try {
            MethodHandles.lookup().ensureInitialized(PythonArithmetic.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** With the default cap. */
    public HybridEvaluator() {
    }

    /** With the given cap ({@code 0}: a generator for every inner node). */
    public HybridEvaluator(int cap) {
        super(cap);
    }

    @Override
    protected Value visitNumber(Node.Number node) {
        return node.value();
    }

    @Override
    protected Value visitBinOp(Node.BinOp node, Children<Value> children) {
        Value left = children.visit(node.left());
        Value right = children.visit(node.right());
        return PythonArithmetic.apply(node.op(), left, right, node.position());
    }

    @Override
    protected Value visitNegate(Node.Negate node, Children<Value> children) {
        return PythonArithmetic.negate(children.visit(node.operand()));
    }
}
