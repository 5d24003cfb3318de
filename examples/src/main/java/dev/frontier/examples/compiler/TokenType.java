package dev.frontier.examples.compiler;

/** The kinds of token. The seed's NUM, PLUS, MINUS, TIMES, DIVIDE, plus parentheses and the end. */
public enum TokenType {
    NUMBER,
    PLUS,
    MINUS,
    TIMES,
    DIVIDE,
    LPAREN,
    RPAREN,
    /** After the last token; its position is the length of the text. */
    END
}
