package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** Systems end with the JVM: the shutdown hook runs every actor's finally; daemon threads let it exit. */
@Timeout(60)
class LifecyclesEndTest {

    private static Process launch(String mode, String ending) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ShutdownHookMain.class.getName(), mode, ending));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<String> linesUntil(BufferedReader out, String last) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.equals(last)) {
                break;
            }
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deque", "thread-per-actor"})
    void sigtermRunsEveryActorsFinally(String mode) throws Exception {
        Process p = launch(mode, "wait");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(linesUntil(out, "ready").contains("ready"));
            p.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its output)
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the JVM ended");
            List<String> rest = linesUntil(out, null);
            assertTrue(rest.contains("finally ran in resource-holder"), rest.toString());
        } finally {
            p.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deque", "thread-per-actor"})
    void daemonThreadsLetTheJvmEndWhenMainReturns(String mode) throws Exception {
        Process p = launch(mode, "return");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "main returned and nothing kept the JVM alive");
            List<String> lines = linesUntil(out, null);
            assertEquals(0, p.exitValue(), lines.toString());
            assertTrue(lines.contains("finally ran in resource-holder"), "the hook ran at exit too: " + lines);
        } finally {
            p.destroyForcibly();
        }
    }
}
