package dev.frontier.examples.compiler;

import java.io.PrintStream;

/**
 * The calculator: {@code calc "2 + 3 * 4 - 5"} prints {@code 9}. Tokenizes, parses and evaluates
 * with the generator parser and visitor, so any depth of nesting works. Arguments are joined
 * with spaces, so {@code calc 2 + 3} works too. Bad input prints the error and a caret under
 * the offending position to standard error, and exits with status 1.
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

    /** {@link #main} without the exit: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: calc EXPRESSION    e.g. calc \"2 + 3 * 4 - 5\"");
            return 2;
        }
        String text = String.join(" ", args);
        try {
            out.println(evaluate(text));
            return 0;
        } catch (ExpressionException e) {
            err.println("error: " + e.getMessage());
            err.println("  " + text);
            err.println("  " + " ".repeat(e.position()) + "^");
            return 1;
        }
    }
}
