package dev.frontier.examples;

import dev.frontier.flow.Flow;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.FlowRecorder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The launcher's diagnostic flags, taken out of the arguments before the example sees them:
 * <ul>
 *   <li>{@code --trace=NAMES} (several times, or comma-separated): the delivery trace
 *       ({@code sender -> receiver: message} at TRACE) for those actors, by name or glob; after the
 *       run, a warning for each name or pattern that matched no actor.</li>
 *   <li>{@code --record=FILE}: records every actor's messages with their causal links and writes
 *       the flow to FILE, in the format its extension names: {@code .html} (an offline page),
 *       {@code .json} (Chrome trace, for Perfetto), {@code .mmd} or {@code .md} (Mermaid).</li>
 *   <li>{@code --jfr=FILE}: a JDK Flight Recorder recording of the run (default settings, which
 *       include Frontier's events), written to FILE; read it with {@code jfr print --events frontier.Delivery FILE}.</li>
 * </ul>
 * They work through the defaults every example's actor system is made from: the
 * {@code frontier.trace} and {@code frontier.record} system properties.
 */
final class LaunchFlags {

    private final List<String> trace = new ArrayList<>();
    private Path record;
    private Path jfr;
    private Recording recording;
    private Thread ifTheExampleThrows;

    private LaunchFlags() {
    }

    /** The {@code --trace} names and patterns, in the order given. */
    List<String> trace() {
        return List.copyOf(trace);
    }

    /** Takes the diagnostic flags out of {@code args}; what is left goes to {@code rest}. */
    static LaunchFlags take(String[] args, List<String> rest) {
        LaunchFlags f = new LaunchFlags();
        for (String a : args) {
            if (a.startsWith("--trace=") && a.length() > "--trace=".length()) {
                f.trace.add(a.substring("--trace=".length()));
            } else if (a.startsWith("--record=") && a.length() > "--record=".length()) {
                f.record = Path.of(a.substring("--record=".length()));
            } else if (a.startsWith("--jfr=") && a.length() > "--jfr=".length()) {
                f.jfr = Path.of(a.substring("--jfr=".length()));
            } else {
                rest.add(a);
            }
        }
        return f;
    }

    /**
     * Before the example: the properties its systems' default options read; JFR started. If the
     * example throws, what was recorded is still written, when the JVM exits.
     */
    void begin() throws Exception {
        System.setProperty("frontier.trace", String.join(",", trace));
        if (!trace.isEmpty()) {
            System.setProperty("frontier.trace.level", "TRACE");
        }
        if (record != null) {
            System.setProperty("frontier.record", "*");
            ActorSystemOptions.defaults().recorder().clear();
        } else {
            System.clearProperty("frontier.record");
        }
        if (jfr != null) {
            recording = new Recording(Configuration.getConfiguration("default"));
            recording.setName("frontier example");
            recording.setDestination(jfr);
            recording.start();
        }
        if (record != null || jfr != null) {
            ifTheExampleThrows = new Thread(() -> {
                try {
                    end(System.err);
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "write-diagnostics");
            Runtime.getRuntime().addShutdownHook(ifTheExampleThrows);
        }
    }

    /** After the example: the flow and the recording written, unmatched trace patterns reported. Once. */
    synchronized void end(PrintStream err) throws Exception {
        if (ifTheExampleThrows != null && Thread.currentThread() != ifTheExampleThrows) {
            Runtime.getRuntime().removeShutdownHook(ifTheExampleThrows);
        }
        ifTheExampleThrows = null;
        if (record != null) {
            FlowRecorder r = ActorSystemOptions.defaults().recorder();
            Flow flow = r.flow();
            flow.write(record);
            err.println("recorded " + flow.size() + " messages between " + flow.actors().size() + " actors in " + record);
            System.clearProperty("frontier.record");
            record = null;
        }
        if (recording != null) {
            recording.stop(); // writes the destination
            recording.close();
            recording = null;
            err.println("JFR recording in " + jfr + "; try: jfr print --events frontier.Delivery " + jfr);
        }
        if (!trace.isEmpty()) {
            for (String unmatched : ActorSystemOptions.defaults().unmatchedTrace()) {
                err.println("warning: --trace=" + unmatched + " matched no actor in this run");
            }
        }
    }
}
