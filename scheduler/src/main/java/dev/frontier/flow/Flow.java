package dev.frontier.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** In {@code id} order, so {@link #find} is a binary search (nothing built later: immutable, safely shared). */
    private final List<Delivery> deliveries;

    private Flow(List<Delivery> deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * {@return a flow of these deliveries, put in {@code id} order}
     *
     * @param deliveries the deliveries, in any order; copied
     */
    public static Flow of(Collection<Delivery> deliveries) {
        List<Delivery> sorted = new ArrayList<>(deliveries);
        sorted.sort(Comparator.comparingLong(Delivery::id));
        return new Flow(List.copyOf(sorted));
    }

    /** {@return the deliveries, in the order their messages were sent (immutable)} */
    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** {@return the number of deliveries in this flow} */
    public int size() {
        return deliveries.size();
    }

    /** {@return whether this flow has no deliveries} */
    public boolean isEmpty() {
        return deliveries.isEmpty();
    }

    /**
     * {@return the delivery numbered {@code id}, or empty if it is not in this flow}
     *
     * @param id a delivery's {@link Delivery#id() id}
     */
    public Optional<Delivery> find(long id) {
        int lo = 0;
        int hi = deliveries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Delivery d = deliveries.get(mid);
            if (d.id() < id) {
                lo = mid + 1;
            } else if (d.id() > id) {
                hi = mid - 1;
            } else {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the delivery whose handling sent {@code d}, or empty if it was sent from outside any
     * recorded delivery or its cause is not in this flow}
     *
     * @param d a delivery, of this flow or not
     */
    public Optional<Delivery> causeOf(Delivery d) {
        return d.cause() == 0 ? Optional.empty() : find(d.cause());
    }

    /**
     * {@return the deliveries whose messages {@code d}'s handling sent, in the order sent; empty if none}
     *
     * @param d a delivery, of this flow or not
     */
    public List<Delivery> effectsOf(Delivery d) {
        return deliveries.stream().filter(e -> e.cause() == d.id()).toList();
    }

    /**
     * {@return {@code d}'s causal chain back to its first cause in this flow, that cause first and
     * {@code d} last}
     *
     * @param d the delivery to explain
     */
    public List<Delivery> chainTo(Delivery d) {
        List<Delivery> chain = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        for (Delivery at = d; at != null && seen.add(at.id()); at = causeOf(at).orElse(null)) {
            chain.add(0, at);
        }
        return chain;
    }

    /** {@return every name that sends or receives in this flow, in order of first appearance} */
    public List<String> actors() {
        Set<String> names = new LinkedHashSet<>();
        for (Delivery d : deliveries) {
            names.add(d.sender());
            names.add(d.receiver());
        }
        return List.copyOf(names);
    }

    /**
     * {@return a flow of the deliveries {@code keep} accepts, in the same order}
     *
     * @param keep which deliveries to keep
     */
    public Flow filter(Predicate<Delivery> keep) {
        return new Flow(deliveries.stream().filter(keep).toList());
    }

    /**
     * {@return a flow of the deliveries sent or received by one of {@code actors}}
     *
     * @param actors actor names (and {@code "outside"}); must not contain null
     */
    public Flow involving(Collection<String> actors) {
        Set<String> set = Set.copyOf(actors);
        return filter(d -> set.contains(d.sender()) || set.contains(d.receiver()));
    }

    /**
     * {@return a flow of the deliveries sent between {@code fromNanos} and {@code toNanos}, both inclusive}
     *
     * @param fromNanos the start, a {@link System#nanoTime()} reading
     * @param toNanos the end, a {@link System#nanoTime()} reading
     */
    public Flow sentBetween(long fromNanos, long toNanos) {
        return filter(d -> d.sentNanos() - fromNanos >= 0 && toNanos - d.sentNanos() >= 0);
    }

    /** {@return a Mermaid {@code sequenceDiagram} of this flow, as text} */
    public String toMermaid() {
        return MermaidExport.of(this);
    }

    /** {@return Chrome Trace Event JSON of this flow (open it in Perfetto or {@code chrome://tracing})} */
    public String toChromeTrace() {
        return ChromeTraceExport.of(this);
    }

    /**
     * {@return a self-contained HTML page drawing this flow}
     *
     * @param title the page's title
     */
    public String toHtml(String title) {
        return HtmlExport.of(this, title);
    }

    /**
     * Writes this flow to {@code file} in the format its name ends with: {@code .html}/{@code .htm}
     * (the page), {@code .json} (Chrome trace), {@code .mmd}/{@code .mermaid} (the diagram), or
     * {@code .md} (the diagram in a fenced Markdown block), in UTF-8, replacing the file if it
     * exists. Missing parent directories are made.
     *
     * @param file where to write; its extension (any case) chooses the format
     * @return {@code file}
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
