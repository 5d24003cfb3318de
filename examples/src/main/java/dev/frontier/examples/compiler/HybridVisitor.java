package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;
import dev.frontier.core.Yielder;

/**
 * A visitor written recursively, made safe for any depth by a cap: "complete inline, but cap the
 * depth; past it, enqueue". A visit method asks for a child's value with
 * {@link Children#visit(Node)}; below the cap that is an ordinary recursive call, and at the cap
 * it is a {@code yield} of the child to the {@link Trampoline}, which evaluates the child in a
 * fresh generator (whose recursion starts again at depth 0) and sends its value back.
 *
 * <pre>{@code
 * protected Value visitBinOp(Node.BinOp node, Children<Value> children) {
 *     Value left = children.visit(node.left());     // a call, or a yield at the cap
 *     Value right = children.visit(node.right());
 *     return PythonArithmetic.apply(node.op(), left, right, node.position());
 * }
 * }</pre>
 *
 * <h2>Why this is stack-safe</h2>
 * The yield happens at the bottom of up to {@code cap} ordinary frames: because Frontier's
 * generators are real continuations, the whole chain of recursive calls is suspended with it
 * (as the parser's yields inside {@code expr → term → factor} are). So the Java stack never holds
 * more than the trampoline, one mounted generator and {@code cap} visit frames, whatever the
 * depth of the tree; the frames of the suspended levels wait on the heap, in their generators'
 * stack chunks.
 *
 * <h2>Why it is faster than {@link NodeVisitor}</h2>
 * {@link NodeVisitor} makes a generator for every inner node and resumes it three times; this
 * makes a generator only every {@code cap} levels of depth (and none at all for a tree shallower
 * than the cap), and spends an ordinary call on every other node. Figures:
 * {@code docs/benchmarks.md (The expression compiler)}.
 *
 * <p>Exceptions travel as through plain recursion: one raised in a child's generator is thrown
 * into the parent at its yield, and so out through the parent's recursive frames. A visitor may
 * catch it around {@code children.visit(...)} either way.
 *
 * <p><b>Note:</b> a {@link Children} belongs to one generator; use it only inside the visit call
 * that received it, on that call's thread.
 *
 * @param <V> the type of the value a visit produces
 */
public abstract class HybridVisitor<V> {

    /** The depth cap used by the no-argument constructor. */
    public static final int DEFAULT_CAP = 32;

    private final int cap;

    /** A visitor with the {@link #DEFAULT_CAP default cap}. */
    protected HybridVisitor() {
        this(DEFAULT_CAP);
    }

    /**
     * A visitor that recurses at most {@code cap} levels inside one generator before yielding.
     * {@code 0} makes a generator for every inner node, as {@link NodeVisitor} does.
     */
    protected HybridVisitor(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("the depth cap cannot be negative: " + cap);
        }
        this.cap = cap;
    }

    /** The depth cap. */
    public final int cap() {
        return cap;
    }

    /** Visits {@code root} and returns its value. */
    public final V visit(Node root) {
        return Trampoline.run(step(root), this::step);
    }

    private Trampoline.Step<Node, V> step(Node node) {
        if (node instanceof Node.Number n) {
            return Trampoline.Step.done(visitNumber(n));
        }
        return Trampoline.Step.run(Generator.of(y -> dispatch(node, new Children<>(this, y))));
    }

    private V dispatch(Node node, Children<V> children) {
        return switch (node) {
            case Node.Number n -> visitNumber(n);
            case Node.BinOp b -> visitBinOp(b, children);
            case Node.Negate n -> visitNegate(n, children);
        };
    }

    /** A literal's value. */
    protected abstract V visitNumber(Node.Number node);

    /** The value of {@code left op right}; get the operands' values with {@code children.visit}. */
    protected abstract V visitBinOp(Node.BinOp node, Children<V> children);

    /** The value of {@code -operand}; get the operand's value with {@code children.visit}. */
    protected abstract V visitNegate(Node.Negate node, Children<V> children);

    /**
     * How a visit method gets a child's value: a recursive call below the cap, a yield to the
     * trampoline at it. One per generator; it counts the recursion depth inside that generator.
     *
     * @param <V> the type of the value a visit produces
     */
    public static final class Children<V> {
        private final HybridVisitor<V> visitor;
        private final Yielder<Node, V> yielder;
        private int depth;

        private Children(HybridVisitor<V> visitor, Yielder<Node, V> yielder) {
            this.visitor = visitor;
            this.yielder = yielder;
        }

        /** The value of {@code child}. */
        public V visit(Node child) {
            if (child instanceof Node.Number n) {
                return visitor.visitNumber(n); // a leaf needs neither a frame nor a generator
            }
            if (depth >= visitor.cap) {
                return yielder.yield(child);
            }
            depth++;
            try {
                return visitor.dispatch(child, this);
            } finally {
                depth--;
            }
        }
    }
}
