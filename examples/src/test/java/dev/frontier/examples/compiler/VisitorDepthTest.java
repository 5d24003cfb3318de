package dev.frontier.examples.compiler;

import static dev.frontier.examples.compiler.ParserTest.onSmallStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's point: the recursive visitor runs out of stack, the generator visitor does not. */
class VisitorDepthTest {

    private static final int TERMS = 100_000;
    private static final Node DEEP = Parser.parse(
            IntStream.range(0, TERMS).mapToObj(Integer::toString).collect(Collectors.joining("+")));

    @Test
    @Timeout(30)
    void theRecursiveVisitorOverflowsASmallStackOnADeepTree() {
        assertThrows(StackOverflowError.class, () -> onSmallStack(() -> new RecursiveEvaluator().visit(DEEP)));
    }

    @Test
    @Timeout(30)
    void theGeneratorVisitorEvaluatesTheSameTreeOnTheSameStack() throws Exception {
        assertEquals(Value.of(4_999_950_000L), onSmallStack(() -> new Evaluator().visit(DEEP)));
    }

    @Test
    @Timeout(30)
    void aDeepChainOfUnaryMinusesToo() throws Exception {
        Node tree = Parser.parse("-".repeat(TERMS + 1) + "7");
        assertThrows(StackOverflowError.class, () -> onSmallStack(() -> new RecursiveEvaluator().visit(tree)));
        assertEquals(Value.of(-7), onSmallStack(() -> new Evaluator().visit(tree)));
    }
}
