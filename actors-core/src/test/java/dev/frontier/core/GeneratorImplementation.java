package dev.frontier.core;

/**
 * Which of the two generator implementations the tests run on. The build runs every test twice:
 * with {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} (JDK continuations) and without
 * it (the thread fallback). Tests that observe a documented difference between the two (thread
 * identity inside a body, a dropped generator's {@code finally}) branch on this.
 */
public final class GeneratorImplementation {

    /** Whether generators run on JDK continuations in this JVM. */
    public static final boolean CONTINUATIONS =
            Object.class.getModule().isExported("jdk.internal.vm", Generator.class.getModule());

    private GeneratorImplementation() {
    }
}
