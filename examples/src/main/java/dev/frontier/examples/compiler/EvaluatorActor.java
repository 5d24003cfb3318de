package dev.frontier.examples.compiler;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The calculator as an actor: it receives expression text and replies to the sender with a
 * {@link Reply}, the value or the error. One bad expression is answered like any other; the
 * actor keeps running.
 *
 * <pre>{@code
 * scheduler.spawn("evaluator", EvaluatorActor.actor());
 * CompletableFuture<EvaluatorActor.Reply> answer = scheduler.ask("evaluator", "2 + 3 * 4 - 5", Duration.ofSeconds(5));
 * scheduler.run();
 * answer.join();   // Ok[value=9]
 * }</pre>
 *
 * <p>The work runs inside the actor's generator: the parser's and the visitor's own generators
 * are resumed from the actor's body, each on top of the actor's continuation, so input of any
 * depth (100,000 nested parentheses) is evaluated with a constant amount of Java stack in the
 * actor too.
 *
 * <p>Messages must be {@code String}s. A message sent from outside any actor with {@code send}
 * (no sender to reply to) is evaluated and its reply is a dead letter (to {@code outside}); use
 * {@code ask} from outside.
 */
public final class EvaluatorActor {

    /** The name the examples register the evaluator under. */
    public static final String NAME = "evaluator";


    private EvaluatorActor() {
    }

    /** The answer to one expression: its value's text, or what was wrong with it and where. */
    public sealed interface Reply {

        /** The expression's value, printed as Python prints it ({@code 9}, {@code 2.5}). */
        record Ok(String value) implements Reply {
            public Ok {
                Objects.requireNonNull(value, "value");
            }
        }

        /**
         * The expression was bad, or its arithmetic failed: {@link ExpressionException}'s parts.
         *
         * @param problem the message without the position ({@code "division by zero"})
         * @param position the 0-based index into the text of the offending token or operator
         */
        record Error(String problem, int position) implements Reply {
            public Error {
                Objects.requireNonNull(problem, "problem");
            }

            /** The whole message, as {@link ExpressionException#getMessage()} has it. */
            public String message() {
                return problem + " at position " + position;
            }
        }
    }

    /**
     * The evaluator: a generator actor that loops on receive, evaluates each text with
     * {@link Calc#evaluate} and sends the {@link Reply} to the text's sender.
     */
    public static GeneratorActor<String> actor() {
        return ctx -> {
            while (true) {
                String text = ctx.receive();
                Reply reply = evaluate(text);
                ctx.send(ctx.sender(), reply); // from outside any actor: a dead letter
            }
        };
    }

    /**
     * Evaluates {@code text} as an actor workload, all on the calling thread: a new deque
     * scheduler, one evaluator actor, one {@code ask}, and {@code run()} until the reply is in.
     * What {@code calc} does.
     *
     * @throws IllegalStateException the evaluator ended without replying (a bug: bad input is a
     *     reply); carries the actor's failure as its cause
     */
    public static Reply evaluateOnce(String text) {
        Objects.requireNonNull(text, "text");
        List<ActorFailure> failures = new ArrayList<>();
        try (DequeScheduler scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add))) {
            scheduler.spawn(NAME, actor());
            CompletableFuture<Reply> answer = scheduler.ask(NAME, text, Duration.ofMinutes(1));
            scheduler.run();
            if (answer.isDone()) {
                return answer.join();
            }
            Throwable cause = failures.isEmpty() ? null : failures.get(0).cause();
            throw new IllegalStateException("the evaluator did not reply" + (cause == null ? "" : ": it failed with " + cause), cause);
        }
    }

    /** What the actor replies to {@code text}, computed on the calling thread. */
    public static Reply evaluate(String text) {
        try {
            return new Reply.Ok(Calc.evaluate(text).toString());
        } catch (ExpressionException e) {
            return new Reply.Error(e.problem(), e.position());
        }
    }
}
