package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;

/**
 * A visitor whose visit methods for inner nodes are generators: the seed's "terrifying visitor".
 * Where a recursive visitor writes {@code left = visit(node.left())}, a generator visitor writes
 * {@code left = y.yield(node.left())}: it asks the {@link Trampoline} for the child's value
 * instead of recursing, and receives it as the value of the {@code yield}.
 *
 * <pre>{@code
 * protected Generator<Node, Value, Value> visitBinOp(Node.BinOp node) {
 *     return Generator.of(y -> {
 *         Value left = y.yield(node.left());      // leftval = yield node.left
 *         Value right = y.yield(node.right());    // rightval = yield node.right
 *         return PythonArithmetic.apply(node.op(), left, right, node.position());
 *     });
 * }
 * }</pre>
 *
 * A leaf's visit method returns its value directly (the seed's {@code visit_Number} is not a
 * generator either), so leaves cost no generator. {@link #visit(Node)} needs a constant amount of
 * Java stack whatever the depth of the tree.
 *
 * <p><b>Note on the JIT.</b> On a deep tree the visit generators are compiled while the walk is
 * still going down, so the code after their yields is compiled before it has ever run, and every
 * suspended generator later resumes in that code. A speculation that then fails (a class not yet
 * initialized, a branch never taken, a type never seen) deoptimizes each suspended frame
 * separately, microseconds apiece. Initialize the classes the code after a yield needs before
 * visiting, as {@link Evaluator} does; a first walk that meets new types or branches pays once.
 *
 * @param <V> the type of the value a visit produces
 */
public abstract class NodeVisitor<V> {

    /** Visits {@code root} and returns its value, walking the tree with an explicit stack. */
    public final V visit(Node root) {
        return Trampoline.run(step(root), this::step);
    }

    private Trampoline.Step<Node, V> step(Node node) {
        return switch (node) {
            case Node.Number n -> Trampoline.Step.done(visitNumber(n));
            case Node.BinOp b -> Trampoline.Step.run(visitBinOp(b));
            case Node.Negate n -> Trampoline.Step.run(visitNegate(n));
        };
    }

    /** A literal's value. */
    protected abstract V visitNumber(Node.Number node);

    /** A generator that yields the operands (each yield returns that operand's value) and returns the result. */
    protected abstract Generator<Node, V, V> visitBinOp(Node.BinOp node);

    /** A generator that yields the operand and returns the result. */
    protected abstract Generator<Node, V, V> visitNegate(Node.Negate node);
}
