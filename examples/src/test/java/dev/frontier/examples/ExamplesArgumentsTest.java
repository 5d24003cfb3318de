package dev.frontier.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The launcher refuses bad arguments with one usage line and status 2, before running anything. */
class ExamplesArgumentsTest {

    @Test
    void goodArgumentsPass() {
        assertNull(Examples.usageLine());
        assertNull(Examples.usageLine("pingpong"));
        assertNull(Examples.usageLine("pingpong", "6", "--trace=pong"));
        assertNull(Examples.usageLine("--trace=ping", "printer", "3"));
        assertNull(Examples.usageLine("calc", "2", "+", "3"));
        assertNull(Examples.usageLine("fib", "0"));
        assertNull(Examples.usageLine("contexts"));
    }

    @Test
    void theTraceOptionIsTakenOutOfTheExamplesArguments() throws Exception {
        Examples.Launch launch = Examples.parse(new String[] {"pingpong", "--trace=pong", "6", "--trace=p*"});
        assertEquals("pingpong", launch.name());
        assertEquals(List.of("6"), launch.args());
        assertEquals(List.of("pong", "p*"), launch.flags().trace());
    }

    @Test
    void eachBadArgumentGetsOneLineSayingWhatIsWrong() {
        assertEquals("usage: pingpong [COUNT] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: unknown option \"--trace\"",
                Examples.usageLine("pingpong", "--trace"));
        assertEquals("usage: pingpong [COUNT] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: COUNT must be a whole number from 1 to 1000000, got \"-3\"",
                Examples.usageLine("pingpong", "-3"));
        assertEquals("usage: pingpong [COUNT] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: COUNT must be a whole number from 1 to 1000000, got \"ten\"",
                Examples.usageLine("pingpong", "ten"));
        assertEquals("usage: printer [N] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: N must be a whole number from 1 to 1000000, got \"0\"",
                Examples.usageLine("printer", "0"));
        assertEquals("usage: thread-pingpong [COUNT] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: one COUNT at most, got \"1 2\"",
                Examples.usageLine("thread-pingpong", "1", "2"));
        assertEquals("usage: fib [N] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: N must be a whole number from 0 to 40, got \"99\"",
                Examples.usageLine("fib", "99"));
        assertEquals("usage: bank [SCHEDULES] [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: SCHEDULES must be a whole number from 1 to 1000000, "
                + "got \"0\"", Examples.usageLine("bank", "0"));
        assertEquals("usage: contexts [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: takes no arguments, got \"x\"",
                Examples.usageLine("contexts", "x"));
        assertEquals("usage: calc EXPRESSION... [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: needs an expression, e.g. calc 2 + 3 * 4 - 5",
                Examples.usageLine("calc"));
        assertEquals("usage: [pingpong|printer|direct-pingpong|thread-pingpong|calc|contexts|fib|after|supervision|bank|teller] [ARGS...]"
                + " [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: unknown example \"pingpnog\"", Examples.usageLine("pingpnog"));
        assertEquals("usage: [pingpong|printer|direct-pingpong|thread-pingpong|calc|contexts|fib|after|supervision|bank|teller] [ARGS...]"
                + " [--trace=ACTOR,...] [--record=FILE] [--jfr=FILE]: unknown option \"--help\"", Examples.usageLine("--help"));
    }

    /** The real {@code main} in a JVM of its own: status 2, the line on stderr, nothing else. */
    @Test
    @Timeout(60)
    void mainExitsWithStatusTwoAndPrintsOnlyTheUsageLine() throws Exception {
        Run run = java("pingpong", "-3");
        assertEquals(2, run.status);
        assertEquals(List.of(), run.out);
        assertEquals(List.of(Examples.usageLine("pingpong", "-3")), run.err);

        Run trace = java("pingpong", "--trace");
        assertEquals(2, trace.status);
        assertEquals(List.of(Examples.usageLine("pingpong", "--trace")), trace.err);
    }

    record Run(int status, List<String> out, List<String> err) {
    }

    /** Runs {@link Examples} in a new JVM on this test's class path. */
    static Run java(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Examples.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        if (!p.waitFor(50, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not exit: " + command);
        }
        return new Run(p.exitValue(), lines(p.getInputStream().readAllBytes()), lines(p.getErrorStream().readAllBytes()));
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
