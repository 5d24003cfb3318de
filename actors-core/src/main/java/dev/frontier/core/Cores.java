package dev.frontier.core;

import org.slf4j.LoggerFactory;

/**
 * Chooses, once, how generators suspend: on JDK continuations ({@link ContinuationCore}) when
 * {@code java.base} exports {@code jdk.internal.vm} to Frontier's module, otherwise on a virtual
 * thread per started generator ({@link ThreadCore}). The choice is logged once at INFO, with the
 * flag that switches to continuations when they are not in use.
 *
 * <p>{@link ContinuationCore} is only named in {@link #handle}'s continuation branch, so it is
 * never loaded when the package is not exported (loading it would throw
 * {@link IllegalAccessError}).
 */
final class Cores {

    /** The flag for an application on the class path (also in the README). */
    static final String CLASS_PATH_FLAG = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";
    /** The module-path form, before the module's name. */
    static final String MODULE_PATH_FLAG_PREFIX = "--add-exports=java.base/jdk.internal.vm=";
    /** Frontier core's module name ({@code Automatic-Module-Name} in the jar's manifest). */
    static final String MODULE_NAME = "dev.frontier.core";
    /** The manifest attribute of an executable jar that does the same. */
    static final String MANIFEST_LINE = "Add-Exports: java.base/jdk.internal.vm";

    /** Whether generators run on JDK continuations. */
    static final boolean CONTINUATIONS =
            Object.class.getModule().isExported("jdk.internal.vm", Cores.class.getModule());

    static {
        LoggerFactory.getLogger(Generator.class).info(message());
    }

    private Cores() {
    }

    /** A handle on a new core running {@code body} (a GeneratorFunction or GeneratorProcedure). */
    static <Y, S, R> Generator<Y, S, R> handle(Object body) {
        if (CONTINUATIONS) {
            return new Generator<>(new ContinuationCore<Y, S, R>(body));
        }
        return ThreadCore.handle(body);
    }

    /** The line logged once: which implementation, and how to switch to continuations. */
    static String message() {
        Module m = Cores.class.getModule();
        String module = m.isNamed() ? "module " + m.getName() : "the unnamed module (class path)";
        if (CONTINUATIONS) {
            return "Frontier generators run on JDK continuations (java.base exports jdk.internal.vm to " + module + ")";
        }
        return "Frontier generators run on one virtual thread per started generator, because java.base does not"
                + " export jdk.internal.vm to " + module + ". For JDK continuations (faster, no thread per generator)"
                + " run java with " + CLASS_PATH_FLAG + " (class path) or " + MODULE_PATH_FLAG_PREFIX
                + (m.isNamed() ? m.getName() : MODULE_NAME) + " (module path), or put \"" + MANIFEST_LINE
                + "\" in an executable jar's manifest";
    }
}
