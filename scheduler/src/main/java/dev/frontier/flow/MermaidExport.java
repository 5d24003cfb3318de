package dev.frontier.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as a Mermaid {@code sequenceDiagram}, one arrow per message in the order they were sent:
 * {@code ->>} a message or an ask, {@code -->>} a reply, {@code -)} a timer's send, {@code -x} a dead
 * letter; a note for a receive that timed out and for a handling that failed. Each text starts
 * with the delivery's number ({@code [12]}), the {@code id} that causes point to. Participants get
 * aliases ({@code a1}, {@code a2}, ...) so that any actor name is safe.
 */
final class MermaidExport {

    /** Longest message text shown on an arrow. */
    static final int MAX_TEXT = 60;

    private MermaidExport() {
    }

    static String of(Flow flow) {
        StringBuilder b = new StringBuilder("sequenceDiagram\n");
        Map<String, String> alias = new HashMap<>();
        List<String> actors = flow.actors();
        for (int i = 0; i < actors.size(); i++) {
            String a = "a" + (i + 1);
            alias.put(actors.get(i), a);
            b.append("    participant ").append(a).append(" as ").append(escape(actors.get(i))).append('\n');
        }
        for (Delivery d : flow.deliveries()) {
            String from = alias.get(d.sender());
            String to = alias.get(d.receiver());
            if (d.kind() == Delivery.Kind.TIMEOUT) {
                b.append("    Note over ").append(to).append(": [").append(d.id()).append("] receive timed out\n");
                continue;
            }
            String arrow = switch (d.kind()) {
                case REPLY -> "-->>";
                case TIMER -> "-)";
                default -> "->>";
            };
            if (d.outcome() == Delivery.Outcome.DEAD_LETTER) {
                arrow = "-x";
            }
            b.append("    ").append(from).append(arrow).append(to).append(": ").append(label(d)).append('\n');
            if (d.outcome() == Delivery.Outcome.FAILED || d.outcome() == Delivery.Outcome.RESTARTED) {
                b.append("    Note over ").append(to).append(": ")
                        .append(d.outcome() == Delivery.Outcome.FAILED ? "failed: " : "restarted: ")
                        .append(escape(shorten(String.valueOf(d.failure())))).append('\n');
            }
        }
        return b.toString();
    }

    /** The arrow's text: the message, with the kind and fate where they matter, and the delivery's number. */
    static String label(Delivery d) {
        String prefix = switch (d.kind()) {
            case ASK -> "ask: ";
            case REPLY -> "reply: ";
            case TIMER -> "timer: ";
            default -> "";
        };
        String suffix = switch (d.outcome()) {
            case DEAD_LETTER -> " (dead letter)";
            case IN_FLIGHT -> " (in flight)";
            default -> "";
        };
        return "[" + d.id() + "] " + escape(prefix + shorten(d.messageText()) + suffix);
    }

    static String shorten(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 3) + "...";
    }

    /** Mermaid's entity codes for the characters its sequence-diagram parser treats specially. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ';' -> b.append("#59;");
                case '#' -> b.append("#35;");
                case '<' -> b.append("#60;");
                case '>' -> b.append("#62;");
                case '%' -> b.append("#37;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
