package dev.frontier.examples.compiler;

/**
 * Bad input or an arithmetic error, with the position (0-based index into the text) it concerns:
 * {@code "expected a number or '(' but found end of input at position 3"},
 * {@code "division by zero at position 2"}.
 *
 * <p>This is the only exception the tokenizer, the parser and the evaluators throw for bad input;
 * it carries no stack trace (the trace would only show the parser's own frames).
 */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int position;

    public ExpressionException(String problem, int position) {
        super(problem + " at position " + position, null, false, false);
        this.problem = problem;
        this.position = position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }

    /** The 0-based index into the text of the offending character, token or operator. */
    public int position() {
        return position;
    }
}
