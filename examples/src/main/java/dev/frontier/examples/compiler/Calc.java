package dev.frontier.examples.compiler;

import java.io.PrintStream;

/**
 * The calculator: {@code calc "2 + 3 * 4 - 5"} prints {@code 9}. Tokenizes, parses and evaluates
 * with the generator parser and visitor, so any depth of nesting works. Arguments are joined
 * with spaces, so {@code calc 2 + 3} works too. Bad input prints the error and a caret under
 * the offending position to standard error, and exits with status 1.
 *
 * <p>The command line is an actor workload: {@link #run} asks an {@link EvaluatorActor} on a
 * deque scheduler driven by the calling thread ({@link EvaluatorActor#evaluateOnce}).
 * {@link #evaluate} is the same computation as a plain call, for programs.
 */
public final class Calc {
    private Calc() {
    }

    /** Tokenizes, parses and evaluates {@code text}. */
    public static Value evaluate(String text) {
        return new Evaluator().visit(Parser.parse(text));
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * {@link #main} without the exit: joins {@code args} with spaces, asks the evaluator actor, and
     * prints its reply. Returns the exit status: 0, 1 for bad input, 2 without arguments.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: calc EXPRESSION    e.g. calc \"2 + 3 * 4 - 5\"");
            return 2;
        }
        String text = String.join(" ", args);
        return switch (EvaluatorActor.evaluateOnce(text)) {
            case EvaluatorActor.Reply.Ok ok -> {
                out.println(ok.value());
                yield 0;
            }
            case EvaluatorActor.Reply.Error error -> {
                err.println("error: " + error.message());
                err.println("  " + text);
                err.println("  " + " ".repeat(error.position()) + "^");
                yield 1;
            }
        };
    }
}
