package dev.frontier.examples;

import dev.frontier.examples.compiler.Calc;
import dev.frontier.examples.contexts.ContextsDemo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher behind the README's run command:
 * {@code mvn -q compile exec:exec -Dexample="NAME [ARGS...] [--trace=ACTOR] [--record=FILE] [--jfr=FILE]"}.
 *
 * <p>{@code --trace=NAMES} turns on the delivery trace ({@code sender -> receiver: message}) for
 * the actors it names: names and glob patterns separated by commas ({@code ping,pong},
 * {@code worker-*}, {@code *}). It sets the {@code frontier.trace} property, which every actor
 * system's default options read, and {@code frontier.trace.level}, which puts the bundled
 * {@code logback.xml}'s {@code dev.frontier.trace} logger at TRACE; a name or pattern that matched
 * no actor is reported after the run. {@code --record} and {@code --jfr}: see {@link LaunchFlags}.
 */
public final class Examples {

    private static final String USAGE = """
            usage: NAME [ARGS...] [--trace=ACTOR,...] [--record=FILE.html|.json|.mmd] [--jfr=FILE.jfr]
              pingpong [COUNT]          deque-scheduler ping-pong (default 10 messages)
              printer [N]               the seed's printer actor, counting down from N (default 10)
              direct-pingpong [COUNT]   Attempt 1: direct send fails with "generator already executing"
              thread-pingpong [COUNT]   Solution 1: one virtual thread per actor
              calc EXPRESSION...        the expression compiler as an actor: calc 2 + 3 * 4 - 5 prints 9
              contexts                  actors holding resources through context managers; timethis
              fib [N]                   inlined-future tasks: the seed's fib examples (compute_fibs, do_many, errors)
              after                     the seed's after(delay, gen) puzzler: what fails, what works
              bank [VARIANT]            a teller, accounts and an audit: fixed, buggy, stuck, slow (docs/debugging.md)
            """;

    private Examples() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        LaunchFlags flags = LaunchFlags.take(args, rest); // --trace, --record, --jfr
        String name = rest.isEmpty() ? "pingpong" : rest.remove(0);
        String[] tail = rest.toArray(String[]::new);
        flags.begin();
        switch (name) {
            case "pingpong" -> PingPong.main(tail);
            case "printer" -> Printer.main(tail);
            case "direct-pingpong" -> DirectPingPong.main(tail);
            case "thread-pingpong" -> ThreadPingPong.main(tail);
            case "calc" -> Calc.main(tail);
            case "contexts" -> ContextsDemo.main(tail);
            case "fib" -> dev.frontier.examples.fib.FibExample.main(tail);
            case "after" -> dev.frontier.examples.fib.AfterPuzzler.main(tail);
            case "bank" -> dev.frontier.examples.bank.Bank.main(tail);
            default -> {
                System.err.println("unknown example '" + name + "' (arguments " + Arrays.toString(args) + ")");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
        flags.end(System.err);
    }
}
