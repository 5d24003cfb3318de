/**
 * The seed's Part 7, "A Terrifying Visitor": a small compiler for arithmetic expressions whose
 * recursion is bent into generators, so that input of any depth is handled with a constant
 * amount of Java stack.
 *
 * <h2>The pipeline</h2>
 * <ol>
 *   <li>{@link dev.frontier.examples.compiler.Tokenizer}: a generator yielding
 *       {@link dev.frontier.examples.compiler.Token}s lazily, as the parser pulls them.</li>
 *   <li>{@link dev.frontier.examples.compiler.Parser}: the seed's recursive-descent parser
 *       ({@code expr}, {@code term}, {@code factor}) building
 *       {@link dev.frontier.examples.compiler.Node}s ({@code Number}, {@code BinOp},
 *       {@code Negate}).</li>
 *   <li>{@link dev.frontier.examples.compiler.Evaluator}: a
 *       {@link dev.frontier.examples.compiler.NodeVisitor} whose visit methods are generators,
 *       with Python's arithmetic ({@link dev.frontier.examples.compiler.PythonArithmetic}).</li>
 * </ol>
 *
 * <h2>Why generators: "how do you NOT do something?"</h2>
 * A recursive visitor spends one Java frame per tree level. {@code 0+1+...+999} parses to a tree
 * 999 levels deep (the operators are left-associative), enough to exceed Python's recursion
 * limit in the seed; in Java a million terms, or a hundred thousand nested parentheses, overflow
 * an ordinary thread stack. The seed's answer is to not recurse: where the visitor would call
 * {@code visit(child)}, it yields {@code child}, and a driver keeps the suspended visitors on an
 * explicit stack, starts a visitor for the child, and sends the child's value back into the
 * parent's yield. That driver is {@link dev.frontier.examples.compiler.Trampoline}. With JDK
 * continuations a suspended generator is a few hundred bytes of heap, so depth costs heap only.
 *
 * <p>The seed's parser recurses too ({@code factor → expr} for parentheses), so here it gets the
 * same treatment: the one recursive edge that can nest without bound, {@code '(' expr ')'},
 * becomes a yield driven by the same trampoline. Because Frontier's generators are real
 * continuations, that yield may sit inside ordinary helper methods ({@code term}, {@code factor})
 * called from the generator: the whole chain suspends at once. Unary minus, the other unbounded
 * nesting, is a loop. Everything bounded stays plain method calls, which keeps a flat million-term
 * expression free of generator overhead in the parser.
 *
 * <h2>What remains recursive</h2>
 * {@link dev.frontier.examples.compiler.RecursiveEvaluator} on purpose (the comparison), and the
 * records' own {@code equals}/{@code hashCode}/{@code toString}, which nothing in the pipeline
 * calls.
 */
package dev.frontier.examples.compiler;
