package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;
import dev.frontier.core.Yielder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The seed's recursive-descent parser, made safe on deep nesting:
 *
 * <pre>
 * expr   ::= term { ('+' | '-') term }
 * term   ::= factor { ('*' | '/') factor }
 * factor ::= { '-' | '+' } ( NUMBER | '(' expr ')' )
 * </pre>
 *
 * {@code expr}, {@code term} and {@code factor} are ordinary methods, as in the seed, except at
 * the one place where the grammar can nest without bound: a parenthesized expression. There
 * {@code factor} does not call {@code expr}; it yields the {@code '('} token, which asks the
 * {@link Trampoline} to parse the nested expression with a new {@code expr} generator and send
 * the tree back. The yield suspends the whole {@code expr → term → factor} chain, a few frames,
 * onto the heap. Unary signs are counted in a loop rather than parsed by recursion. So 100,000
 * nested parentheses or minus signs need no more Java stack than {@code 1 + 2}.
 *
 * <p>Operators are left-associative; unary minus binds tighter than {@code *} and {@code /}, as
 * in Python; unary plus leaves no node. Any deviation from the grammar is an
 * {@link ExpressionException} naming the offending token and its position.
 *
 * <p><b>Why the nested tree comes back through a field.</b> The code after a yield runs in a
 * frame that was compiled, and suspended, before that code ever ran. A {@code checkcast} of the
 * yield's result there is compiled with the type profile of that moment; when a different node
 * type comes back, every one of the (possibly 100,000) suspended frames deoptimizes on its own,
 * about 10 µs each (measured with {@code -Xlog:deoptimization}). A field of type {@link Node}
 * needs no cast, so {@code factor} takes the tree from {@code nested} and ignores the value the
 * yield returns.
 *
 * <p><b>Note:</b> a parser is used once, on one thread.
 */
public final class Parser {

    private final Iterator<Token> tokens;
    private Token lookahead;
    private Token current;
    /**
     * The tree of the nested expression that finished last. A suspended {@code factor} reads it
     * here instead of taking it from its yield: see the note on the class.
     */
    private Node nested;

    private Parser(Iterator<Token> tokens) {
        this.tokens = tokens;
    }

    /** Tokenizes and parses {@code text}. */
    public static Node parse(String text) {
        return parse(Tokenizer.tokenize(text));
    }

    /** Parses a token stream that ends with {@link TokenType#END}. */
    public static Node parse(Iterator<Token> tokens) {
        return new Parser(tokens).parseAll();
    }

    private Node parseAll() {
        lookahead = tokens.next();
        Node tree = Trampoline.run(Trampoline.Step.run(expr()), open -> Trampoline.Step.run(expr()));
        if (lookahead.type() != TokenType.END) {
            String problem = lookahead.type() == TokenType.RPAREN ? "unmatched ')'" : "expected an operator but found " + lookahead.describe();
            throw new ExpressionException(problem, lookahead.position());
        }
        return tree;
    }

    /** {@code expr}, as a generator whose parenthesized factors yield: see the class comment. */
    private Generator<Token, Node, Node> expr() {
        return Generator.of(y -> {
            Node left = term(y);
            while (accept(TokenType.PLUS, TokenType.MINUS)) {
                Token op = current;
                left = new Node.BinOp(Operator.of(op.type()), left, term(y), op.position());
            }
            nested = left;
            return left;
        });
    }

    private Node term(Yielder<Token, Node> y) {
        Node left = factor(y);
        while (accept(TokenType.TIMES, TokenType.DIVIDE)) {
            Token op = current;
            left = new Node.BinOp(Operator.of(op.type()), left, factor(y), op.position());
        }
        return left;
    }

    private Node factor(Yielder<Token, Node> y) {
        Deque<Token> minuses = null;
        while (accept(TokenType.MINUS, TokenType.PLUS)) {
            if (current.type() == TokenType.MINUS) {
                if (minuses == null) {
                    minuses = new ArrayDeque<>();
                }
                minuses.push(current);
            }
        }
        Node operand;
        if (accept(TokenType.NUMBER)) {
            operand = new Node.Number(Value.parse(current.text()), current.position());
        } else if (accept(TokenType.LPAREN)) {
            Token open = current;
            y.yield(open);
            operand = nested;
            if (!accept(TokenType.RPAREN)) {
                throw new ExpressionException("expected ')' to close the '(' at position " + open.position()
                        + " but found " + lookahead.describe(), lookahead.position());
            }
        } else {
            throw new ExpressionException("expected a number or '(' but found " + lookahead.describe(), lookahead.position());
        }
        while (minuses != null && !minuses.isEmpty()) {
            operand = new Node.Negate(operand, minuses.pop().position());
        }
        return operand;
    }

    private boolean accept(TokenType type) {
        return accept(type, type);
    }

    /** The seed's {@code accept}: consumes the lookahead if it is one of the two types. */
    private boolean accept(TokenType one, TokenType other) {
        TokenType type = lookahead.type();
        if (type != one && type != other) {
            return false;
        }
        current = lookahead;
        lookahead = tokens.next();
        return true;
    }
}
