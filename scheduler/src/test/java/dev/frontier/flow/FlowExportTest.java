package dev.frontier.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.flow.Delivery.Kind;
import dev.frontier.flow.Delivery.Outcome;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export format, read back and checked against the recorded flow. */
class FlowExportTest {

    static final String NASTY = "moved\n5; #1 </script><script>alert(1)</script> & more";
    static Flow flow;

    /** One run with every kind of delivery and outcome, with names and messages that need escaping. */
    @BeforeAll
    static void record() {
        ManualClock clock = new ManualClock();
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withClock(clock)
                .withErrorHandler(f -> { }))) {
            s.record("*");
            s.<String>spawnHandler("account alice", (ctx, m) -> ctx.sender().send("ok: " + m));
            s.<String>spawnHandler("audit#1", (ctx, m) -> { });
            s.<String>spawnHandler("bomb", (ctx, m) -> {
                throw new IllegalStateException("boom <" + m + ">");
            });
            s.<String>spawn("teller", ctx -> {
                ctx.receive();
                String r = ctx.await(ctx.system().<String>ask("account alice", "debit 5", Duration.ofSeconds(1)));
                ctx.send("audit#1", NASTY);
                ctx.send("nobody", "lost " + r);
                ctx.sendAfter(Duration.ofSeconds(1), ctx.self(), "tick");
                ctx.receive();
                if (ctx.receive(Duration.ofMillis(100)).isEmpty()) {
                    ctx.send("bomb", "quiet");
                }
                ctx.receive();
            });
            s.send("teller", "transfer 5; note #1 <b>");
            s.run();
            clock.advance(Duration.ofSeconds(1));
            s.run();
            clock.advance(Duration.ofSeconds(1));
            s.run();
            flow = s.recorder().flow();
        }
    }

    @Test
    void theRecordedRunHasEveryKindAndOutcome() {
        Set<Kind> kinds = new HashSet<>();
        Set<Outcome> outcomes = new HashSet<>();
        for (Delivery d : flow.deliveries()) {
            kinds.add(d.kind());
            outcomes.add(d.outcome());
        }
        assertEquals(Set.of(Kind.values()), kinds, flow.deliveries().toString());
        assertTrue(outcomes.containsAll(Set.of(Outcome.HANDLED, Outcome.FAILED, Outcome.DEAD_LETTER)), outcomes.toString());
    }

    @Test
    void findLooksUpEveryDeliveryByItsIdAndNothingElse() {
        long maxId = 0;
        for (Delivery d : flow.deliveries()) {
            assertEquals(java.util.Optional.of(d), flow.find(d.id()));
            maxId = Math.max(maxId, d.id());
        }
        assertTrue(flow.find(maxId + 1).isEmpty());
        assertTrue(flow.find(-1).isEmpty());
        assertTrue(Flow.of(List.of()).find(1).isEmpty());
    }

    // ------------------------------------------------------------------ Mermaid

    static final Pattern PARTICIPANT = Pattern.compile("    participant (a\\d+) as (.+)");
    static final Pattern ARROW = Pattern.compile("    (a\\d+)(->>|-->>|-x|-\\))(a\\d+): \\[(\\d+)] (.*)");
    static final Pattern NOTE = Pattern.compile("    Note over (a\\d+): (.*)");

    @Test
    void mermaidHasOneArrowPerMessageInOrderWithItsKindAndFate() {
        String text = flow.toMermaid();
        List<String> lines = text.lines().toList();
        assertEquals("sequenceDiagram", lines.get(0));
        Map<String, String> names = new HashMap<>();
        List<String[]> arrows = new ArrayList<>();
        List<String[]> notes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Matcher p = PARTICIPANT.matcher(line);
            Matcher a = ARROW.matcher(line);
            Matcher n = NOTE.matcher(line);
            if (p.matches()) {
                names.put(p.group(1), unescape(p.group(2)));
            } else if (a.matches()) {
                arrows.add(new String[] {names.get(a.group(1)), a.group(2), names.get(a.group(3)), a.group(4), a.group(5)});
            } else if (n.matches()) {
                notes.add(new String[] {names.get(n.group(1)), n.group(2)});
            } else {
                throw new AssertionError("not a line of the diagram: '" + line + "'");
            }
        }
        assertEquals(flow.actors(), List.copyOf(new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                (String k) -> Integer.parseInt(k.substring(1)))) {{ putAll(names); }}.values()), "participants in order");
        List<Delivery> messages = flow.deliveries().stream().filter(d -> d.kind() != Kind.TIMEOUT).toList();
        assertEquals(messages.size(), arrows.size());
        for (int i = 0; i < messages.size(); i++) {
            Delivery d = messages.get(i);
            String[] a = arrows.get(i);
            assertEquals(d.sender(), a[0]);
            assertEquals(d.receiver(), a[2]);
            assertEquals(Long.toString(d.id()), a[3]);
            String expected = d.outcome() == Outcome.DEAD_LETTER ? "-x" : d.kind() == Kind.REPLY ? "-->>" : d.kind() == Kind.TIMER ? "-)" : "->>";
            assertEquals(expected, a[1], d.toString());
            assertFalse(a[4].contains(";") && !a[4].contains("#59;"), "a raw ; would end the statement: " + a[4]);
            assertFalse(a[4].matches(".*[<>\\n].*"), a[4]);
        }
        String nasty = arrows.stream().filter(a -> a[2].equals("audit#1")).findFirst().orElseThrow()[4];
        assertEquals(MermaidExport.shorten(NASTY), unescape(nasty), "escaped, and back");
        assertTrue(notes.stream().anyMatch(n -> n[0].equals("bomb") && n[1].startsWith("failed: java.lang.IllegalStateException: boom")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n[0].equals("teller") && n[1].endsWith("receive timed out")), notes.toString());
    }

    static String unescape(String s) {
        return s.replace("#59;", ";").replace("#60;", "<").replace("#62;", ">").replace("#37;", "%").replace("#35;", "#");
    }

    // ------------------------------------------------------------------ Chrome trace

    @Test
    @SuppressWarnings("unchecked")
    void chromeTraceHasATrackPerActorASlicePerDeliveryAndBoundFlowArrows() {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(flow.toChromeTrace());
        List<Map<String, Object>> events = (List<Map<String, Object>>) root.get("traceEvents");
        Map<Double, String> tracks = new HashMap<>();
        Map<Double, List<double[]>> slices = new HashMap<>();
        Map<Double, Map<String, Object>> sliceById = new HashMap<>();
        Map<Double, Map<String, Object>> starts = new HashMap<>();
        Map<Double, Map<String, Object>> finishes = new HashMap<>();
        List<Map<String, Object>> instants = new ArrayList<>();
        for (Map<String, Object> e : events) {
            assertEquals(1.0, e.get("pid"));
            switch ((String) e.get("ph")) {
                case "M" -> {
                    if (e.get("name").equals("thread_name")) {
                        tracks.put((Double) e.get("tid"), (String) ((Map<String, Object>) e.get("args")).get("name"));
                    }
                }
                case "X" -> {
                    double ts = (Double) e.get("ts");
                    double dur = (Double) e.get("dur");
                    assertTrue(ts >= 0 && dur >= 0, e.toString());
                    slices.computeIfAbsent((Double) e.get("tid"), k -> new ArrayList<>()).add(new double[] {ts, ts + dur});
                    Map<String, Object> args = (Map<String, Object>) e.get("args");
                    if (args != null) {
                        assertTrue(sliceById.put((Double) args.get("id"), e) == null, "one slice per delivery");
                    }
                }
                case "s" -> assertTrue(starts.put((Double) e.get("id"), e) == null);
                case "f" -> {
                    assertEquals("e", e.get("bp"));
                    assertTrue(finishes.put((Double) e.get("id"), e) == null);
                }
                case "i" -> instants.add(e);
                default -> throw new AssertionError("unexpected phase: " + e);
            }
        }
        assertEquals(Set.copyOf(flow.actors()), Set.copyOf(tracks.values()), "a track per actor");
        Map<String, Double> tid = new HashMap<>();
        tracks.forEach((k, v) -> tid.put(v, k));
        for (Delivery d : flow.deliveries()) {
            double id = d.id();
            if (d.outcome() == Outcome.DEAD_LETTER) {
                assertTrue(instants.stream().anyMatch(i -> ((Map<String, Object>) i.get("args")).get("id").equals(id)
                        && i.get("tid").equals(tid.get(d.receiver()))), "dead letter #" + d.id() + " as an instant");
                continue;
            }
            Map<String, Object> slice = sliceById.get(id);
            assertNotNull(slice, "a slice for " + d);
            assertEquals(tid.get(d.receiver()), slice.get("tid"));
            Map<String, Object> args = (Map<String, Object>) slice.get("args");
            assertEquals(d.sender(), args.get("from"));
            assertEquals(d.messageText(), args.get("message"), "the whole message, unescaped by the JSON reader");
            assertEquals((double) d.cause(), args.get("cause"));
            assertEquals(d.outcome().name(), args.get("outcome"));
            if (d.kind() == Kind.TIMEOUT) {
                continue;
            }
            Map<String, Object> s = starts.get(id);
            Map<String, Object> f = finishes.get(id);
            assertNotNull(s, "flow start for " + d);
            assertNotNull(f, "flow end for " + d);
            assertEquals(tid.get(d.sender()), s.get("tid"));
            assertEquals(tid.get(d.receiver()), f.get("tid"));
            assertEquals(slice.get("ts"), f.get("ts"), "the arrow ends where the receiving slice starts");
            double sts = (Double) s.get("ts");
            assertTrue(slices.get((Double) s.get("tid")).stream().anyMatch(x -> x[0] <= sts && sts <= x[1]),
                    "the arrow starts inside a slice of the sender: " + d);
        }
        assertEquals(starts.keySet(), finishes.keySet(), "every arrow has both ends");
    }

    // ------------------------------------------------------------------ HTML

    @Test
    @SuppressWarnings("unchecked")
    void htmlIsSelfContainedAndCarriesTheWholeFlow() {
        String html = flow.toHtml("bank <run>");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>bank &lt;run&gt;</title>"));
        String withoutNamespace = html.replace("http://www.w3.org/2000/svg", "");
        assertFalse(withoutNamespace.matches("(?s).*(https?:|//cdn|<script[^>]+src=|<link |@import|<iframe|<img ).*"),
                "fetches nothing");
        String open = "<script id=\"flow-data\" type=\"application/json\">";
        int from = html.indexOf(open) + open.length();
        int to = html.indexOf("</script>", from);
        Map<String, Object> data = (Map<String, Object>) MiniJson.parse(html.substring(from, to));
        assertEquals("bank <run>", data.get("title"));
        assertEquals(flow.actors(), data.get("actors"));
        List<Map<String, Object>> ds = (List<Map<String, Object>>) data.get("deliveries");
        assertEquals(flow.size(), ds.size());
        for (int i = 0; i < ds.size(); i++) {
            Delivery d = flow.deliveries().get(i);
            Map<String, Object> j = ds.get(i);
            assertEquals((double) d.id(), j.get("id"));
            assertEquals((double) d.cause(), j.get("cause"));
            assertEquals(d.sender(), j.get("from"));
            assertEquals(d.receiver(), j.get("to"));
            assertEquals(d.messageText(), j.get("msg"), "the nasty message survives, and cannot close the script block");
            assertEquals(d.outcome().name(), j.get("outcome"));
            assertEquals(d.started() ? (double) (d.startedNanos() - flow.deliveries().get(0).sentNanos()) : null, j.get("started"));
        }
        assertEquals(2, html.split("</script>", -1).length - 1, "only the two script blocks' own closing tags");
    }

    // ------------------------------------------------------------------ files

    @Test
    void writeChoosesTheFormatByExtension(@TempDir Path dir) throws Exception {
        assertTrue(Files.readString(flow.write(dir.resolve("f.html"))).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(flow.write(dir.resolve("sub/f.json"))).startsWith("{\"displayTimeUnit\""));
        assertTrue(Files.readString(flow.write(dir.resolve("f.mmd"))).startsWith("sequenceDiagram"));
        assertTrue(Files.readString(flow.write(dir.resolve("f.md"))).startsWith("```mermaid\nsequenceDiagram"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flow.write(dir.resolve("f.txt")));
        assertTrue(e.getMessage().contains(".html"), e.getMessage());
    }

    @Test
    void filtersKeepTheirDeliveries() {
        Flow teller = flow.involving(List.of("bomb"));
        assertTrue(teller.deliveries().stream().allMatch(d -> d.receiver().equals("bomb") || d.sender().equals("bomb")));
        assertEquals(1, teller.size());
        Delivery first = flow.deliveries().get(0);
        assertEquals(List.of(first), flow.sentBetween(first.sentNanos(), first.sentNanos()).deliveries());
        assertTrue(flow.toString().contains("teller"));
        assertEquals(Flow.of(List.of()).toMermaid(), "sequenceDiagram\n");
        MiniJson.parse(Flow.of(List.of()).toChromeTrace());
    }
}
