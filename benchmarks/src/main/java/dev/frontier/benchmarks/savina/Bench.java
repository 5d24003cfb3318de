package dev.frontier.benchmarks.savina;

import java.util.Locale;

/** The seven Savina micro-benchmarks. */
public enum Bench {
    PINGPONG("pingpong", "PingPong", "two actors; ping sends N pings, one at a time, pong answers each"),
    COUNTING("counting", "Counting", "a producer sends N increments to a counter, then asks it for the total"),
    THREADRING("threadring", "ThreadRing", "a token passed R times around a ring of N actors"),
    CHAMENEOS("chameneos", "Chameneos", "C chameneos meet in pairs through a mall actor until N meetings"),
    BIG("big", "Big", "W actors each ping random peers N times (each ping answered), a sink counts who finished"),
    FJCREATE("fjcreate", "Fork-join creation", "N actors created, each sent one message that it handles and exits"),
    FJTHRPUT("fjthrput", "Fork-join throughput", "N messages sent to each of A actors, each handled with a little arithmetic");

    /** The id used on the command line. */
    public final String id;
    public final String title;
    public final String summary;

    Bench(String id, String title, String summary) {
        this.id = id;
        this.title = title;
        this.summary = summary;
    }

    public static Bench byId(String id) {
        String want = id.toLowerCase(Locale.ROOT).replace("-", "");
        for (Bench b : values()) {
            if (b.id.equals(want) || b.name().toLowerCase(Locale.ROOT).equals(want)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown benchmark '" + id + "'; known: " + java.util.Arrays.stream(values()).map(b -> b.id).toList());
    }
}
