package dev.frontier.examples;

import dev.frontier.examples.compiler.Calc;
import dev.frontier.examples.contexts.ContextsDemo;
import dev.frontier.examples.fib.AfterPuzzler;
import dev.frontier.examples.fib.FibExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher behind the README's run command:
 * {@code mvn -q compile exec:exec -Dexample="NAME [ARGS...] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]"}.
 *
 * <p>{@code --trace=NAMES} turns on the delivery trace ({@code sender -> receiver: message}) for
 * the actors it names: names and glob patterns separated by commas ({@code ping,pong},
 * {@code worker-*}, {@code *}). It sets the {@code frontier.trace} property, which every actor
 * system's default options read, and {@code frontier.trace.level}, which puts the bundled
 * {@code logback.xml}'s {@code dev.frontier.trace} logger at TRACE; a name or pattern that matched
 * no actor is reported after the run. {@code --record} and {@code --jfr}: see {@link LaunchFlags}.
 *
 * <p>Bad arguments (an unknown example or option, a count that is not a whole number in range,
 * arguments an example does not take) print one usage line on stderr and exit with status 2,
 * before anything runs. Through Maven's {@code exec:exec}, status 2 counts as success (see
 * {@code examples/pom.xml}), so the usage line is all that is printed.
 */
public final class Examples {

    /** Exit status for bad arguments, as in the shells' convention. */
    public static final int USAGE_STATUS = 2;

    /** What each example takes, in the usage line. */
    private static final Map<String, String> SYNOPSIS = Map.ofEntries(
            Map.entry("pingpong", "pingpong [COUNT]"),
            Map.entry("printer", "printer [N]"),
            Map.entry("direct-pingpong", "direct-pingpong [COUNT]"),
            Map.entry("thread-pingpong", "thread-pingpong [COUNT]"),
            Map.entry("calc", "calc EXPRESSION..."),
            Map.entry("contexts", "contexts"),
            Map.entry("fib", "fib [N]"),
            Map.entry("after", "after"),
            Map.entry("supervision", "supervision"),
            Map.entry("bank", "bank [SCHEDULES]"),
            Map.entry("teller", "teller [fixed|buggy|stuck|slow]"));

    private static final String NAMES =
            "pingpong|printer|direct-pingpong|thread-pingpong|calc|contexts|fib|after|supervision|bank|teller";

    /** The largest {@code fib N}: the example computes fib(0..N) recursively, twice. */
    static final int MAX_FIB = 40;

    private Examples() {
    }

    /** Bad arguments: {@link #getMessage()} is the whole usage line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String line) {
            super(line, null, false, false);
        }
    }

    /** An example to run, with its arguments checked, and the launcher's diagnostic flags. */
    record Launch(String name, List<String> args, LaunchFlags flags) {
    }

    public static void main(String[] args) throws Exception {
        Launch launch;
        try {
            launch = parse(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(USAGE_STATUS);
            return;
        }
        launch.flags().begin();
        String[] tail = launch.args().toArray(String[]::new);
        switch (launch.name()) {
            case "pingpong" -> PingPong.main(tail);
            case "printer" -> Printer.main(tail);
            case "direct-pingpong" -> DirectPingPong.main(tail);
            case "thread-pingpong" -> ThreadPingPong.main(tail);
            case "calc" -> Calc.main(tail);
            case "contexts" -> ContextsDemo.main(tail);
            case "fib" -> FibExample.main(tail);
            case "after" -> AfterPuzzler.main(tail);
            case "supervision" -> dev.frontier.examples.supervision.Bank.main(tail);
            case "bank" -> dev.frontier.examples.bank.BankExploration.main(tail);
            case "teller" -> dev.frontier.examples.teller.Teller.main(tail);
            default -> throw new AssertionError(launch.name()); // parse() accepts only the names above
        }
        launch.flags().end(System.err);
    }

    /**
     * Checks the command line: {@code NAME [ARGS...]} and the diagnostic flags ({@link LaunchFlags}),
     * {@code pingpong} when empty.
     *
     * @throws UsageException with the one line to print
     */
    static Launch parse(String[] args) throws UsageException {
        List<String> rest = new ArrayList<>();
        LaunchFlags flags = LaunchFlags.take(args, rest);
        for (String a : rest) {
            if (a.startsWith("--")) {
                throw usage(rest.get(0).startsWith("--") ? null : rest.get(0), "unknown option \"" + a + "\"");
            }
        }
        String name = rest.isEmpty() ? "pingpong" : rest.remove(0);
        if (!SYNOPSIS.containsKey(name)) {
            throw usage(null, "unknown example \"" + name + "\"");
        }
        switch (name) {
            case "pingpong", "printer", "direct-pingpong", "thread-pingpong" -> count(name, rest, 1, 1_000_000);
            case "fib" -> count(name, rest, 0, MAX_FIB);
            case "bank" -> count(name, rest, 1, 1_000_000);
            case "contexts", "after", "supervision" -> {
                if (!rest.isEmpty()) {
                    throw usage(name, "takes no arguments, got \"" + String.join(" ", rest) + "\"");
                }
            }
            case "teller" -> {
                if (rest.size() > 1 || (rest.size() == 1 && !List.of("fixed", "buggy", "stuck", "slow").contains(rest.get(0)))) {
                    throw usage(name, "one variant at most: fixed, buggy, stuck or slow; got \"" + String.join(" ", rest) + "\"");
                }
            }
            case "calc" -> {
                if (rest.isEmpty()) {
                    throw usage(name, "needs an expression, e.g. calc 2 + 3 * 4 - 5");
                }
            }
            default -> throw new AssertionError(name);
        }
        return new Launch(name, List.copyOf(rest), flags);
    }

    /** At most one argument, a whole number from {@code min} to {@code max}. */
    private static void count(String name, List<String> rest, int min, int max) throws UsageException {
        if (rest.isEmpty()) {
            return;
        }
        String what = SYNOPSIS.get(name).replaceAll(".*\\[(\\w+)]", "$1");
        if (rest.size() > 1) {
            throw usage(name, "one " + what + " at most, got \"" + String.join(" ", rest) + "\"");
        }
        String arg = rest.get(0);
        int n;
        try {
            n = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            n = Integer.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw usage(name, what + " must be a whole number from " + min + " to " + max + ", got \"" + arg + "\"");
        }
    }

    /** The usage line: the synopsis of {@code name} (all names if null), and what was wrong. */
    private static UsageException usage(String name, String problem) {
        String synopsis = name == null || !SYNOPSIS.containsKey(name)
                ? "[" + NAMES + "] [ARGS...]"
                : SYNOPSIS.get(name);
        return new UsageException("usage: " + synopsis + " [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: " + problem);
    }

    /**
     * {@link #main}'s argument check for tests: returns the usage line {@link #main} would print
     * on stderr before exiting with {@link #USAGE_STATUS}, or null when the arguments are good.
     */
    static String usageLine(String... args) {
        try {
            parse(args);
            return null;
        } catch (UsageException e) {
            return e.getMessage();
        }
    }
}
