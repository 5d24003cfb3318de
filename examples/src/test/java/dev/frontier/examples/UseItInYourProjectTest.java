package dev.frontier.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jctools.queues.MpscArrayQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The README's "Use it in your project", done as a user would: the application is taken from the
 * README, compiled with no flag against Frontier's jars (the ones the build has just made, with
 * their real manifests), and run in a JVM of its own the four ways the README describes. So the
 * section cannot rot. Each run prints the README's ping-pong, and Frontier's first log line says
 * which implementation it chose.
 */
@Timeout(300)
class UseItInYourProjectTest {

    static final String FLAG = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";
    static final String MODULE_PATH_FLAG = "--add-exports=java.base/jdk.internal.vm=dev.frontier.core";
    static final String ON_CONTINUATIONS = "Frontier generators run on JDK continuations";
    static final String ON_THREADS = "Frontier generators run on one virtual thread per started generator";

    @TempDir
    static Path dir;
    static Path classes;
    static Path libs;
    static Path appJar;

    @BeforeAll
    static void compileTheReadmesApplication() throws Exception {
        libs = Files.createDirectories(dir.resolve("libs"));
        String version = System.getProperty("frontier.version");
        copy(Path.of("..", "actors-core", "target", "frontier-core-" + version + ".jar"), "frontier-core.jar");
        copy(Path.of("..", "scheduler", "target", "frontier-scheduler-" + version + ".jar"), "frontier-scheduler.jar");
        copy(jarOf(MpscArrayQueue.class), "jctools-core.jar");
        copy(jarOf(LoggerFactory.class), "slf4j-api.jar");
        copy(jarOf(LoggerContext.class), "logback-classic.jar");
        copy(jarOf(Context.class), "logback-core.jar");

        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Hello.java"), readmeBlock("Hello.java"));
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "21", "-d", classes.toString(),
                "-cp", libs.resolve("frontier-core.jar") + java.io.File.pathSeparator + libs.resolve("frontier-scheduler.jar"),
                src.resolve("Hello.java").toString());
        assertEquals(0, status, "the README's application compiles without any flag");

        appJar = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "Hello");
        main.put(Attributes.Name.CLASS_PATH, "libs/frontier-core.jar libs/frontier-scheduler.jar libs/jctools-core.jar"
                + " libs/slf4j-api.jar libs/logback-classic.jar libs/logback-core.jar");
        main.put(new Attributes.Name("Add-Exports"), "java.base/jdk.internal.vm");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(appJar), manifest)) {
            jar.putNextEntry(new ZipEntry("Hello.class"));
            jar.write(Files.readAllBytes(classes.resolve("Hello.class")));
            jar.closeEntry();
        }
    }

    @Test
    void theLibraryJarsCarryTheirModuleNames() throws IOException {
        assertEquals("dev.frontier.core", moduleName(libs.resolve("frontier-core.jar")));
        assertEquals("dev.frontier.scheduler", moduleName(libs.resolve("frontier-scheduler.jar")));
    }

    @Test
    void onTheClassPathWithTheFlagItRunsOnContinuations() throws Exception {
        Run run = java(FLAG, "-cp", classPath(), "Hello");
        run.assertPingPong();
        run.assertLogged(ON_CONTINUATIONS);
    }

    @Test
    void withoutTheFlagItRunsOnTheFallbackAndSaysWhichFlagToAdd() throws Exception {
        Path loaded = dir.resolve("classes-loaded.txt");
        Run run = java("-Xlog:class+load=info:file=" + loaded, "-cp", classPath(), "Hello");
        run.assertPingPong();
        String line = run.assertLogged(ON_THREADS);
        assertTrue(line.contains(FLAG) && line.contains(MODULE_PATH_FLAG)
                && line.contains("Add-Exports: java.base/jdk.internal.vm"), line);
        String classesLoaded = Files.readString(loaded);
        assertTrue(classesLoaded.contains("dev.frontier.core.ThreadCore"), "the fallback ran");
        assertFalse(classesLoaded.contains("dev.frontier.core.ContinuationCore"),
                "the continuation core is never loaded without the flag");
    }

    @Test
    void onTheModulePathTheFlagNamesFrontiersModule() throws Exception {
        Run run = java(MODULE_PATH_FLAG, "-p", libs.toString(), "--add-modules", "ALL-MODULE-PATH",
                "-cp", classes.toString(), "Hello");
        run.assertPingPong();
        run.assertLogged(ON_CONTINUATIONS);
    }

    @Test
    void anExecutableJarWithTheManifestLineNeedsNoFlag() throws Exception {
        Run run = java("-jar", appJar.toString());
        run.assertPingPong();
        run.assertLogged(ON_CONTINUATIONS);
    }

    // ------------------------------------------------------------------ helpers

    record Run(List<String> command, int status, List<String> out, List<String> err) {

        void assertPingPong() {
            assertEquals(0, status, () -> "exit status of " + command + "\n" + String.join("\n", err));
            List<String> printed = out.stream().filter(l -> l.matches("(ping|pong) \\d+")).toList();
            assertEquals(ExamplesTest.alternating(10), printed, () -> String.join("\n", out));
        }

        /** The one log line containing {@code text}. */
        String assertLogged(String text) {
            List<String> lines = out.stream().filter(l -> l.contains(text)).toList();
            assertEquals(1, lines.size(), () -> "one line with \"" + text + "\" in\n" + String.join("\n", out));
            assertTrue(lines.get(0).contains(" INFO "), lines.get(0));
            return lines.get(0);
        }
    }

    static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            // no input
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Run(command, p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    static String classPath() {
        return classes + java.io.File.pathSeparator + libs.resolve("*");
    }

    /** The fenced block after the README's {@code <!-- use-it-in-your-project: NAME} marker. */
    static String readmeBlock(String name) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf("<!-- use-it-in-your-project: " + name);
        assertTrue(marker >= 0, "README.md has the " + name + " marker");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    static Path jarOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static void copy(Path from, String as) throws IOException {
        assertTrue(Files.isRegularFile(from), () -> from + " is built (the jar goal runs at process-classes)");
        Files.copy(from, libs.resolve(as));
    }

    static String moduleName(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
