package dev.frontier.examples.compiler;

import static dev.frontier.examples.compiler.ParserTest.onSmallStack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.examples.compiler.EvaluatorActor.Reply;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The evaluator as an actor: on the deque scheduler driven by hand, and on a thread per actor. */
@Timeout(60)
class EvaluatorActorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<ActorFailure> failures = new CopyOnWriteArrayList<>();
    private final DequeScheduler scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add));

    @AfterEach
    void shutdown() {
        scheduler.shutdown();
    }

    /** Asks the evaluator on {@code s} and runs {@code s} by hand until nothing is left. */
    private static Reply ask(DequeScheduler s, String text) {
        CompletableFuture<Reply> answer = s.ask(EvaluatorActor.NAME, text, TIMEOUT);
        s.run();
        assertTrue(answer.isDone(), "the evaluator replied");
        return answer.join();
    }

    private Reply ask(String text) {
        return ask(scheduler, text);
    }

    @Test
    void askGivesTheSeedExamplesValue() {
        scheduler.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
        assertEquals(new Reply.Ok("9"), ask("2 + 3 * 4 - 5"));
        assertEquals(new Reply.Ok("2.5"), ask("10 / 4"));
    }

    @Test
    void aBadExpressionGetsAnErrorReplyNamingThePosition() {
        scheduler.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
        Reply.Error syntax = assertInstanceOf(Reply.Error.class, ask("2 $ 3"));
        assertEquals(new Reply.Error("unexpected character '$'", 2), syntax);
        assertEquals("unexpected character '$' at position 2", syntax.message());
        Reply.Error arithmetic = assertInstanceOf(Reply.Error.class, ask("1 + 2/0"));
        assertEquals("division by zero at position 5", arithmetic.message());
    }

    @Test
    void theEvaluatorKeepsRunningAfterAnError() {
        ActorRef<String> evaluator = scheduler.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
        assertEquals(new Reply.Error("expected a number or '(' but found end of input", 3), ask("2 +"));
        assertTrue(evaluator.isAlive());
        assertEquals(new Reply.Ok("7"), ask("2 + 5"));
        assertEquals(List.of(), failures);
        assertEquals(0, scheduler.failureCount());
    }

    @Test
    void anotherActorGetsTheReplyAsAMessage() {
        scheduler.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
        List<Reply> got = new ArrayList<>();
        scheduler.<Object>spawn("client", ctx -> {
            while (true) {
                ctx.send(EvaluatorActor.NAME, ctx.receive(String.class));
                got.add(ctx.receive(Reply.class));
            }
        });
        scheduler.send("client", "6 * 7");
        scheduler.send("client", "6 *");
        scheduler.run();
        assertEquals(List.of(new Reply.Ok("42"), new Reply.Error("expected a number or '(' but found end of input", 3)), got);
    }

    @Test
    void textSentFromOutsideWithoutAskIsEvaluatedAndTheReplyIsADeadLetter() {
        scheduler.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
        scheduler.send(EvaluatorActor.NAME, "1 + 1");
        scheduler.run();
        assertEquals(List.of(new dev.frontier.actor.DeadLetter("outside", EvaluatorActor.NAME, new Reply.Ok("2"))),
                scheduler.deadLetters().recent());
        assertEquals(List.of(), failures);
        assertEquals(new Reply.Ok("3"), ask("1 + 2"));
    }

    // ------------------------------------------------------------------ depth inside the actor

    private static final int DEPTH = 100_000;

    /** {@code 1+(1+(1+(...1...)))}: 100,000 nested parentheses and a tree 100,000 levels deep. */
    private static final String DEEP = "1+(".repeat(DEPTH) + "1" + ")".repeat(DEPTH);

    @Test
    void deepInputDoesNotOverflowInsideTheActorOnASmallStack() throws Exception {
        // The scheduler, the actor and every generator run on the 256 KiB thread that made them.
        List<Reply> replies = onSmallStack(() -> {
            try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
                s.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
                return List.of(
                        ask(s, DEEP),
                        ask(s, "(".repeat(DEPTH) + "1+"),
                        ask(s, "-".repeat(DEPTH + 1) + "(".repeat(DEPTH) + "2" + ")".repeat(DEPTH)));
            }
        });
        assertEquals(List.of(
                new Reply.Ok(Integer.toString(DEPTH + 1)),
                new Reply.Error("expected a number or '(' but found end of input", DEPTH + 2),
                new Reply.Ok("-2")), replies);
        assertEquals(List.of(), failures);
    }

    @Test
    void theSameTreeOverflowsTheSameStackInAnActorThatRecurses() throws Exception {
        // The control for the test above: that stack is too small for recursion through this tree.
        Node tree = Parser.parse(DEEP);
        onSmallStack(() -> {
            try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
                s.<Node>spawn("recursive", ctx -> {
                    while (true) {
                        ctx.send(ctx.sender(), new RecursiveEvaluator().visit(ctx.receive()));
                    }
                });
                CompletableFuture<Value> answer = s.ask("recursive", tree, TIMEOUT);
                s.run();
                assertFalse(answer.isDone(), "no reply");
            }
            return null;
        });
        assertEquals(1, failures.size());
        assertEquals("recursive", failures.get(0).actor());
        assertInstanceOf(StackOverflowError.class, failures.get(0).cause());
    }

    // ------------------------------------------------------------------ other modes

    @Test
    @Timeout(30)
    void onAThreadPerActorSystemToo() throws Exception {
        try (ThreadPerActorSystem system = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
            system.spawn(EvaluatorActor.NAME, EvaluatorActor.actor());
            CompletableFuture<Reply> good = system.ask(EvaluatorActor.NAME, "2 + 3 * 4 - 5", TIMEOUT);
            CompletableFuture<Reply> bad = system.ask(EvaluatorActor.NAME, "(2", TIMEOUT);
            CompletableFuture<Reply> deep = system.ask(EvaluatorActor.NAME, DEEP, TIMEOUT);
            assertEquals(new Reply.Ok("9"), good.get(20, TimeUnit.SECONDS));
            assertEquals("expected ')' to close the '(' at position 0 but found end of input at position 2",
                    assertInstanceOf(Reply.Error.class, bad.get(20, TimeUnit.SECONDS)).message());
            assertEquals(new Reply.Ok(Integer.toString(DEPTH + 1)), deep.get(20, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void evaluateOnceIsWhatCalcRuns() {
        assertEquals(new Reply.Ok("9"), EvaluatorActor.evaluateOnce("2 + 3 * 4 - 5"));
        assertEquals(new Reply.Error("unmatched ')'", 1), EvaluatorActor.evaluateOnce("1)"));
    }
}
