package dev.frontier.examples.compiler;

/** The binary operators. */
public enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    static Operator of(TokenType type) {
        return switch (type) {
            case PLUS -> ADD;
            case MINUS -> SUBTRACT;
            case TIMES -> MULTIPLY;
            case DIVIDE -> DIVIDE;
            default -> throw new IllegalArgumentException("not a binary operator: " + type);
        };
    }
}
