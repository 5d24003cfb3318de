package dev.frontier.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A recorded message flow: deliveries in the order their messages were sent, with their causal
 * links, and the three ways to look at it.
 *
 * <ul>
 *   <li>{@link #toMermaid()}: a Mermaid {@code sequenceDiagram}, for a Markdown page or an issue.</li>
 *   <li>{@link #toChromeTrace()}: Chrome Trace Event JSON for Perfetto ({@code ui.perfetto.dev}) and
 *       {@code chrome://tracing}: one track per actor, a slice per delivery, a flow arrow per message.</li>
 *   <li>{@link #toHtml(String)}: one self-contained HTML page (inline script and SVG, nothing fetched)
 *       that draws the sequence diagram, filters it by actor and time window, and highlights the
 *       causal chain of the message clicked.</li>
 * </ul>
 *
 * <p>Immutable.
 */
public final class Flow {

    private final List<Delivery> deliveries;
    private Map<Long, Delivery> byId;

    private Flow(List<Delivery> deliveries) {
        this.deliveries = deliveries;
    }

    /** A flow of these deliveries, put in {@code id} order. */
    public static Flow of(Collection<Delivery> deliveries) {
        List<Delivery> sorted = new ArrayList<>(deliveries);
        sorted.sort(Comparator.comparingLong(Delivery::id));
        return new Flow(List.copyOf(sorted));
    }

    /** The deliveries, in the order their messages were sent. */
    public List<Delivery> deliveries() {
        return deliveries;
    }

    public int size() {
        return deliveries.size();
    }

    public boolean isEmpty() {
        return deliveries.isEmpty();
    }

    /** The delivery numbered {@code id}, if it is in this flow. */
    public Optional<Delivery> find(long id) {
        Map<Long, Delivery> m = byId;
        if (m == null) {
            m = new HashMap<>();
            for (Delivery d : deliveries) {
                m.put(d.id(), d);
            }
            byId = m;
        }
        return Optional.ofNullable(m.get(id));
    }

    /** The delivery whose handling sent {@code d}, if recorded. */
    public Optional<Delivery> causeOf(Delivery d) {
        return d.cause() == 0 ? Optional.empty() : find(d.cause());
    }

    /** The deliveries whose messages {@code d}'s handling sent, in order. */
    public List<Delivery> effectsOf(Delivery d) {
        return deliveries.stream().filter(e -> e.cause() == d.id()).toList();
    }

    /** {@code d}'s causal chain back to its first recorded cause, {@code d} last. */
    public List<Delivery> chainTo(Delivery d) {
        List<Delivery> chain = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        for (Delivery at = d; at != null && seen.add(at.id()); at = causeOf(at).orElse(null)) {
            chain.add(0, at);
        }
        return chain;
    }

    /** Every name that sends or receives in this flow, in order of first appearance. */
    public List<String> actors() {
        Set<String> names = new LinkedHashSet<>();
        for (Delivery d : deliveries) {
            names.add(d.sender());
            names.add(d.receiver());
        }
        return List.copyOf(names);
    }

    /** The deliveries {@code keep} accepts. */
    public Flow filter(Predicate<Delivery> keep) {
        return new Flow(deliveries.stream().filter(keep).toList());
    }

    /** The deliveries sent or received by one of {@code actors}. */
    public Flow involving(Collection<String> actors) {
        Set<String> set = Set.copyOf(actors);
        return filter(d -> set.contains(d.sender()) || set.contains(d.receiver()));
    }

    /** The deliveries sent between {@code fromNanos} and {@code toNanos} (inclusive, {@link System#nanoTime()} readings). */
    public Flow sentBetween(long fromNanos, long toNanos) {
        return filter(d -> d.sentNanos() - fromNanos >= 0 && toNanos - d.sentNanos() >= 0);
    }

    /** A Mermaid {@code sequenceDiagram} of this flow. */
    public String toMermaid() {
        return MermaidExport.of(this);
    }

    /** Chrome Trace Event JSON of this flow (open it in Perfetto or {@code chrome://tracing}). */
    public String toChromeTrace() {
        return ChromeTraceExport.of(this);
    }

    /** A self-contained HTML page drawing this flow. */
    public String toHtml(String title) {
        return HtmlExport.of(this, title);
    }

    /**
     * Writes this flow to {@code file} in the format its name ends with: {@code .html}/{@code .htm}
     * (the page), {@code .json} (Chrome trace), {@code .mmd}/{@code .mermaid} (the diagram), or
     * {@code .md} (the diagram in a fenced Markdown block). Returns {@code file}.
     *
     * @throws IllegalArgumentException another extension
     * @throws UncheckedIOException the file could not be written
     */
    public Path write(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            text = toHtml(file.getFileName().toString());
        } else if (name.endsWith(".json")) {
            text = toChromeTrace();
        } else if (name.endsWith(".mmd") || name.endsWith(".mermaid")) {
            text = toMermaid();
        } else if (name.endsWith(".md")) {
            text = "```mermaid\n" + toMermaid() + "```\n";
        } else {
            throw new IllegalArgumentException("cannot tell the format of '" + file
                    + "': name it .html (a page), .json (Chrome trace for Perfetto), .mmd or .md (Mermaid)");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the flow to " + file, e);
        }
        return file;
    }

    /** The earliest time in this flow (a send), or 0 if empty. */
    long origin() {
        long min = 0;
        boolean any = false;
        for (Delivery d : deliveries) {
            if (!any || d.sentNanos() - min < 0) {
                min = d.sentNanos();
                any = true;
            }
        }
        return min;
    }

    /** The latest time in this flow, or 0 if empty. */
    long last() {
        long max = 0;
        boolean any = false;
        for (Delivery d : deliveries) {
            for (long t : new long[] {d.sentNanos(), d.startedNanos(), d.endedNanos()}) {
                if (t != Delivery.NOT_YET && (!any || t - max > 0)) {
                    max = t;
                    any = true;
                }
            }
        }
        return max;
    }

    @Override
    public String toString() {
        return "Flow[" + deliveries.size() + " deliveries, actors " + actors() + "]";
    }
}
