package dev.frontier.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as Chrome Trace Event JSON (the "JSON Object Format": {@code {"traceEvents": [...]}}),
 * which Perfetto and {@code chrome://tracing} open:
 * <ul>
 *   <li>one track (a "thread" of process 1) per actor, named after it, in order of appearance;</li>
 *   <li>a complete event ({@code "ph":"X"}) per delivery on the receiver's track, from when it was
 *       taken to when it was handled, with the delivery's fields as {@code args};</li>
 *   <li>a flow arrow per message, from the send ({@code "ph":"s"}, inside the sender's handling (a
 *       send stamped at the handling's last clock reading starts 1 ns before its end), or on a
 *       zero-length {@code send} slice where no recorded handling encloses it) to the delivery
 *       ({@code "ph":"f"}, {@code "bp":"e"}: bound to the receiver's slice that starts there);</li>
 *   <li>an instant event ({@code "ph":"i"}) for a dead letter, on the track of the name it was sent to.</li>
 * </ul>
 * Times are microseconds from the flow's first send, with nanosecond decimals.
 */
final class ChromeTraceExport {

    private ChromeTraceExport() {
    }

    static String of(Flow flow) {
        long t0 = flow.origin();
        long end = flow.last();
        List<String> actors = flow.actors();
        Map<String, Integer> tid = new HashMap<>();
        StringBuilder b = new StringBuilder("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"producer\":\"Frontier FlowRecorder\"},\"traceEvents\":[\n");
        b.append("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"Frontier actors\"}}");
        for (int i = 0; i < actors.size(); i++) {
            tid.put(actors.get(i), i + 1);
            b.append(",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":").append(i + 1)
                    .append(",\"args\":{\"name\":").append(Json.string(actors.get(i))).append("}}");
            b.append(",\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":").append(i + 1)
                    .append(",\"args\":{\"sort_index\":").append(i + 1).append("}}");
        }
        for (Delivery d : flow.deliveries()) {
            int from = tid.get(d.sender());
            int to = tid.get(d.receiver());
            if (d.outcome() == Delivery.Outcome.DEAD_LETTER) {
                b.append(",\n{\"ph\":\"i\",\"s\":\"t\",\"name\":").append(Json.string("dead letter: " + MermaidExport.shorten(d.messageText())))
                        .append(",\"cat\":\"dead letter\",\"pid\":1,\"tid\":").append(to)
                        .append(",\"ts\":").append(Json.micros(d.sentNanos() - t0)).append(",\"args\":").append(args(d)).append('}');
                continue;
            }
            if (!d.started()) {
                continue; // in flight: no receiving slice to point at
            }
            long stop = d.ended() ? d.endedNanos() : end;
            b.append(",\n{\"ph\":\"X\",\"name\":").append(Json.string(name(d))).append(",\"cat\":").append(Json.string(d.kind().name().toLowerCase()))
                    .append(",\"pid\":1,\"tid\":").append(to)
                    .append(",\"ts\":").append(Json.micros(d.startedNanos() - t0))
                    .append(",\"dur\":").append(Json.micros(Math.max(0, stop - d.startedNanos())))
                    .append(",\"args\":").append(args(d)).append('}');
            if (d.kind() == Delivery.Kind.TIMEOUT) {
                continue; // the actor resuming: no message travelled
            }
            long sent = d.sentNanos();
            Delivery c = enclosing(flow, d);
            if (c == null) {
                b.append(",\n{\"ph\":\"X\",\"name\":").append(Json.string("send to " + d.receiver()))
                        .append(",\"cat\":\"send\",\"pid\":1,\"tid\":").append(from)
                        .append(",\"ts\":").append(Json.micros(sent - t0)).append(",\"dur\":0.000}");
            } else if (c.ended() && sent == c.endedNanos() && c.endedNanos() - c.startedNanos() > 1) {
                sent--; // stamped at the sender's end reading: start the arrow just inside its slice
            }
            b.append(",\n{\"ph\":\"s\",\"name\":\"message\",\"cat\":\"message\",\"id\":").append(d.id())
                    .append(",\"pid\":1,\"tid\":").append(from).append(",\"ts\":").append(Json.micros(sent - t0)).append('}');
            b.append(",\n{\"ph\":\"f\",\"bp\":\"e\",\"name\":\"message\",\"cat\":\"message\",\"id\":").append(d.id())
                    .append(",\"pid\":1,\"tid\":").append(to).append(",\"ts\":").append(Json.micros(d.startedNanos() - t0)).append('}');
        }
        return b.append("\n]}\n").toString();
    }

    /** The handling that sent {@code d}, if it is a recorded slice on the sender's track around the send; else null. */
    private static Delivery enclosing(Flow flow, Delivery d) {
        Delivery c = flow.causeOf(d).orElse(null);
        boolean around = c != null && c.receiver().equals(d.sender()) && c.started() && d.sentNanos() - c.startedNanos() >= 0
                && (!c.ended() || c.endedNanos() - d.sentNanos() >= 0);
        return around ? c : null;
    }

    private static String name(Delivery d) {
        String text = MermaidExport.shorten(d.messageText());
        return switch (d.kind()) {
            case ASK -> "ask: " + text;
            case REPLY -> "reply: " + text;
            case TIMER -> "timer: " + text;
            case TIMEOUT -> "receive timed out";
            default -> text;
        };
    }

    private static String args(Delivery d) {
        StringBuilder a = new StringBuilder("{\"id\":").append(d.id()).append(",\"cause\":").append(d.cause())
                .append(",\"kind\":").append(Json.string(d.kind().name()))
                .append(",\"from\":").append(Json.string(d.sender()))
                .append(",\"to\":").append(Json.string(d.receiver()))
                .append(",\"message\":").append(Json.string(d.messageText()))
                .append(",\"outcome\":").append(Json.string(d.outcome().name()))
                .append(",\"seq\":").append(d.sequence())
                .append(",\"turn\":").append(d.turn());
        if (d.failure() != null) {
            a.append(",\"failure\":").append(Json.string(d.failure()));
        }
        return a.append('}').toString();
    }
}
