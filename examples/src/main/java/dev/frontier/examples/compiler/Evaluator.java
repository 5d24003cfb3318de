package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;

/** Evaluates a tree with Python's arithmetic, as a generator visitor: deep trees need no stack. */
public final class Evaluator extends NodeVisitor<Value> {

    @Override
    protected Value visitNumber(Node.Number node) {
        return node.value();
    }

    @Override
    protected Generator<Node, Value, Value> visitBinOp(Node.BinOp node) {
        return Generator.of(y -> {
            Value left = y.yield(node.left());
            Value right = y.yield(node.right());
            return PythonArithmetic.apply(node.op(), left, right, node.position());
        });
    }

    @Override
    protected Generator<Node, Value, Value> visitNegate(Node.Negate node) {
        return Generator.of(y -> PythonArithmetic.negate(y.yield(node.operand())));
    }
}
