package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;

/**
 * The lexer: a lazy stream of tokens, one generator yielding them as the parser asks.
 *
 * <pre>
 * NUMBER ::= digits [ '.' [digits] ] | '.' digits        (no exponent, no '_')
 * </pre>
 * Operators are {@code + - * /}, parentheses group, whitespace separates. The last token is
 * {@link TokenType#END}. Any other character is an {@link ExpressionException} raised when the
 * scan reaches it.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** The seed's {@code tokenize(text)}: nothing is scanned until the first {@code next()}. */
    public static Generator<Token, Void, Void> tokenize(String text) {
        return Generator.ofVoid(y -> {
            int length = text.length();
            int i = 0;
            while (i < length) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (isDigit(c) || (c == '.' && i + 1 < length && isDigit(text.charAt(i + 1)))) {
                    int end = endOfNumber(text, i);
                    y.yield(new Token(TokenType.NUMBER, text.substring(i, end), i));
                    i = end;
                } else {
                    y.yield(new Token(operator(c, i), String.valueOf(c), i));
                    i++;
                }
            }
            y.yield(new Token(TokenType.END, "", length));
        });
    }

    private static TokenType operator(char c, int position) {
        return switch (c) {
            case '+' -> TokenType.PLUS;
            case '-' -> TokenType.MINUS;
            case '*' -> TokenType.TIMES;
            case '/' -> TokenType.DIVIDE;
            case '(' -> TokenType.LPAREN;
            case ')' -> TokenType.RPAREN;
            default -> throw new ExpressionException("unexpected character '" + c + "'", position);
        };
    }

    private static int endOfNumber(String text, int start) {
        int i = skipDigits(text, start);
        if (i < text.length() && text.charAt(i) == '.') {
            i = skipDigits(text, i + 1);
        }
        return i;
    }

    private static int skipDigits(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
