package dev.frontier.examples.compiler;

/**
 * One token: its type, its text, and its position (0-based index of its first character in the
 * text). The seed's {@code Token(type, value)} plus the position for error messages.
 */
public record Token(TokenType type, String text, int position) {

    /** How an error message names this token: {@code number '3'}, {@code '+'}, {@code end of input}. */
    public String describe() {
        return switch (type) {
            case NUMBER -> "number '" + text + "'";
            case END -> "end of input";
            default -> "'" + text + "'";
        };
    }
}
