package dev.frontier.examples.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frontier.core.Generator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<Token> all(String text) {
        List<Token> tokens = new ArrayList<>();
        Tokenizer.tokenize(text).forEachRemaining(tokens::add);
        return tokens;
    }

    @Test
    void seedExampleGivesTypedTokensWithPositionsAndAnEnd() {
        assertEquals(List.of(
                new Token(TokenType.NUMBER, "2", 0),
                new Token(TokenType.PLUS, "+", 2),
                new Token(TokenType.NUMBER, "3", 4),
                new Token(TokenType.TIMES, "*", 6),
                new Token(TokenType.NUMBER, "4", 8),
                new Token(TokenType.MINUS, "-", 10),
                new Token(TokenType.NUMBER, "5", 12),
                new Token(TokenType.END, "", 13)), all("2 + 3 * 4 - 5"));
    }

    @Test
    void parenthesesDivisionAndDecimalsInTheirThreeForms() {
        assertEquals(List.of(
                new Token(TokenType.LPAREN, "(", 0),
                new Token(TokenType.NUMBER, "2.5", 1),
                new Token(TokenType.DIVIDE, "/", 4),
                new Token(TokenType.NUMBER, ".5", 5),
                new Token(TokenType.RPAREN, ")", 7),
                new Token(TokenType.NUMBER, "5.", 8),
                new Token(TokenType.END, "", 10)), all("(2.5/.5)5."));
    }

    @Test
    void theStreamIsLazyAnUnknownCharacterFailsOnlyWhenReached() {
        Generator<Token, Void, Void> tokens = Tokenizer.tokenize("2 $ 3");
        assertEquals(new Token(TokenType.NUMBER, "2", 0), tokens.next());
        ExpressionException e = assertThrows(ExpressionException.class, tokens::next);
        assertEquals("unexpected character '$' at position 2", e.getMessage());
        assertEquals(2, e.position());
    }

    @Test
    void aLoneDotIsNotANumber() {
        assertEquals("unexpected character '.' at position 2",
                assertThrows(ExpressionException.class, () -> all("1 . 2")).getMessage());
    }

    @Test
    void emptyTextIsJustTheEnd() {
        assertEquals(List.of(new Token(TokenType.END, "", 0)), all(""));
    }
}
