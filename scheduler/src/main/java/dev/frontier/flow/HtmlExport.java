package dev.frontier.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A flow as one self-contained HTML page: the page's script (in the page, nothing fetched) draws the
 * sequence diagram as SVG from the deliveries embedded as JSON, with check boxes per actor, a time
 * window, a time-scale layout, a text filter, and the causal chain of the message clicked. The view
 * is kept in the address's fragment ({@code #actors=ping,pong&from=0.5&to=2&layout=time&select=7}),
 * so a view can be shared, and opened that way by a headless browser.
 */
final class HtmlExport {

    private static final String TEMPLATE = load();

    private HtmlExport() {
    }

    static String of(Flow flow, String title) {
        long t0 = flow.origin();
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.string(title)).append(",\"actors\":[");
        List<String> actors = flow.actors();
        for (int i = 0; i < actors.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Json.string(actors.get(i)));
        }
        b.append("],\"deliveries\":[");
        boolean first = true;
        for (Delivery d : flow.deliveries()) {
            b.append(first ? "\n" : ",\n");
            first = false;
            b.append("{\"id\":").append(d.id()).append(",\"cause\":").append(d.cause())
                    .append(",\"kind\":").append(Json.string(d.kind().name()))
                    .append(",\"from\":").append(Json.string(d.sender()))
                    .append(",\"to\":").append(Json.string(d.receiver()))
                    .append(",\"msg\":").append(Json.string(d.messageText()))
                    .append(",\"sent\":").append(d.sentNanos() - t0)
                    .append(",\"started\":").append(d.started() ? Long.toString(d.startedNanos() - t0) : "null")
                    .append(",\"ended\":").append(d.ended() ? Long.toString(d.endedNanos() - t0) : "null")
                    .append(",\"turn\":").append(d.turn())
                    .append(",\"seq\":").append(d.sequence())
                    .append(",\"outcome\":").append(Json.string(d.outcome().name()))
                    .append(",\"failure\":").append(Json.string(d.failure())).append('}');
        }
        b.append("]}");
        return TEMPLATE.replace("/*TITLE*/", escapeHtml(title)).replace("/*DATA*/", b);
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String load() {
        try (InputStream in = HtmlExport.class.getResourceAsStream("flow.html")) {
            if (in == null) {
                throw new IllegalStateException("dev/frontier/flow/flow.html is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
