package dev.frontier.examples.compiler;

/**
 * The parse tree: the seed's {@code Number} and {@code BinOp}, plus {@code Negate} for unary
 * minus. Parentheses leave no node. Each node keeps the position of its token, for errors.
 *
 * <p>The records' own {@code equals}, {@code hashCode} and {@code toString} recurse: they are
 * fine for the small trees tests compare, not for the deep ones the compiler handles. Nothing in
 * the compiler calls them.
 */
public sealed interface Node {

    /** The 0-based index into the text of this node's token (the operator, for operations). */
    int position();

    /** A literal: {@code 42}, {@code 2.5}. */
    record Number(Value value, int position) implements Node {
    }

    /** {@code left op right}. */
    record BinOp(Operator op, Node left, Node right, int position) implements Node {
    }

    /** {@code -operand}. */
    record Negate(Node operand, int position) implements Node {
    }
}
