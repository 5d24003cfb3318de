package dev.frontier.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which actors' deliveries are traced: exact names and glob patterns ({@code *} for any run of
 * characters, {@code ?} for one), e.g. {@code "ping,pong"}, {@code "worker-*"}, {@code "*"}.
 * Immutable. Each actor keeps the answer for its own name in a flag, so choosing costs nothing
 * per message and nothing is kept per name: the memory is the patterns'.
 */
final class TraceSelection {

    /** Every actor. */
    static final TraceSelection ALL = parse("*");
    /** No actor. */
    static final TraceSelection NONE = new TraceSelection(List.of(), List.of());

    private final List<String> specs;
    /** One per spec; null where the spec is {@code *} or a plain name. */
    private final List<Pattern> patterns;
    /** Which specs have matched a name asked about: set racily, read by {@link #neverMatched()}. */
    private final boolean[] matched;

    private TraceSelection(List<String> specs, List<Pattern> patterns) {
        this.specs = specs;
        this.patterns = patterns;
        this.matched = new boolean[specs.size()];
    }

    /**
     * Names and patterns separated by commas or whitespace; empty pieces are skipped, so an empty
     * or blank string means none.
     */
    static TraceSelection parse(String... specs) {
        List<String> all = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String spec : specs) {
            for (String s : spec.split("[,\\s]+")) {
                if (s.isEmpty()) {
                    continue;
                }
                all.add(s);
                patterns.add(glob(s));
            }
        }
        return new TraceSelection(List.copyOf(all), Collections.unmodifiableList(patterns));
    }

    /** A name without wildcards is matched by {@code equals}, {@code *} by anything: no regex on the spawn path for either. */
    private static Pattern glob(String s) {
        if (s.equals("*") || (s.indexOf('*') < 0 && s.indexOf('?') < 0)) {
            return null;
        }
        StringBuilder re = new StringBuilder();
        for (String part : s.split("(?=[*?])|(?<=[*?])")) {
            switch (part) {
                case "*" -> re.append(".*");
                case "?" -> re.append('.');
                default -> re.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** Whether any name or pattern matches {@code name}; each one that does is remembered as matched. */
    boolean matches(String name) {
        boolean any = false;
        for (int i = 0; i < patterns.size(); i++) {
            if (matchesSpec(i, name)) {
                any = true;
                matched[i] = true;
            }
        }
        return any;
    }

    private boolean matchesSpec(int i, String name) {
        Pattern p = patterns.get(i);
        if (p != null) {
            return p.matcher(name).matches();
        }
        String spec = specs.get(i);
        return spec.equals("*") || spec.equals(name);
    }

    /** The names and patterns that no name given to {@link #matches} has matched so far. */
    List<String> neverMatched() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (!matched[i]) {
                out.add(specs.get(i));
            }
        }
        return out;
    }

    /** The names and patterns, as given. */
    List<String> specs() {
        return specs;
    }

    /** The given names and patterns that match none of {@code names}. */
    List<String> unmatched(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            boolean any = false;
            for (String n : names) {
                if (matchesSpec(i, n)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                out.add(specs.get(i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(",", specs);
    }
}
