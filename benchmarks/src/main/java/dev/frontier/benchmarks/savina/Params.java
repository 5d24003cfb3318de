package dev.frontier.benchmarks.savina;

/**
 * The parameters of one run of the seven benchmarks. {@link #defaults()} are Savina's
 * (github.com/shamsimam/savina, {@code src/main/java/edu/rice/habanero/benchmarks/}):
 *
 * <ul>
 *   <li>PingPong ({@code pingpong/PingPongConfig}): {@code N = 40000} pings.</li>
 *   <li>Counting ({@code count/CountingConfig}): {@code N = 1_000_000} messages.</li>
 *   <li>ThreadRing ({@code threadring/ThreadRingConfig}): {@code N = 100} actors,
 *       {@code R = 100_000} pings.</li>
 *   <li>Chameneos ({@code chameneos/ChameneosConfig}): {@code numChameneos = 100},
 *       {@code numMeetings = 200_000}.</li>
 *   <li>Big ({@code big/BigConfig}): {@code W = 120} actors, {@code N = 20_000} pings each.</li>
 *   <li>Fork-join creation ({@code fjcreate/ForkJoinConfig}): {@code N = 40000} actors, one
 *       message each.</li>
 *   <li>Fork-join throughput ({@code fjthrput/ThroughputConfig}): {@code A = 60} actors,
 *       {@code N = 10_000} messages each.</li>
 * </ul>
 *
 * {@link #scaled(double)} multiplies the amount of work (pings, messages, meetings, actors
 * created by fjcreate) and keeps the shapes (ring size, chameneos, Big's and fjthrput's actor
 * counts), so a quick run exercises the same structure.
 */
public record Params(
        int pingPongN,
        int countingN,
        int ringActors,
        int ringPings,
        int chameneos,
        int meetings,
        int bigWorkers,
        int bigPings,
        int fjCreateN,
        int fjThroughputActors,
        int fjThroughputN) {

    public static Params defaults() {
        return new Params(40_000, 1_000_000, 100, 100_000, 100, 200_000, 120, 20_000, 40_000, 60, 10_000);
    }

    /** The work scaled by {@code factor} (at least 1 of everything), the shapes kept. */
    public Params scaled(double factor) {
        return new Params(
                scale(pingPongN, factor),
                scale(countingN, factor),
                ringActors,
                scale(ringPings, factor),
                chameneos,
                scale(meetings, factor),
                bigWorkers,
                scale(bigPings, factor),
                scale(fjCreateN, factor),
                fjThroughputActors,
                scale(fjThroughputN, factor));
    }

    private static int scale(int n, double factor) {
        return (int) Math.max(1, Math.round(n * factor));
    }

    /** The parameters of {@code bench}, as printed in the tables. */
    public String describe(Bench bench) {
        return switch (bench) {
            case PINGPONG -> "N=" + pingPongN;
            case COUNTING -> "N=" + countingN;
            case THREADRING -> "N=" + ringActors + " actors, R=" + ringPings;
            case CHAMENEOS -> "C=" + chameneos + ", N=" + meetings + " meetings";
            case BIG -> "W=" + bigWorkers + " actors, N=" + bigPings + " pings each";
            case FJCREATE -> "N=" + fjCreateN + " actors";
            case FJTHRPUT -> "A=" + fjThroughputActors + " actors, N=" + fjThroughputN + " each";
        };
    }

    /**
     * Messages one run delivers, by Savina's protocol as implemented here (used for the
     * per-message figures; start-up and exit messages included).
     */
    public long messages(Bench bench) {
        return switch (bench) {
            // Start, N SendPing, N SendPong, N-1 self Ping, Stop
            case PINGPONG -> 3L * pingPongN + 1;
            // N increments, Retrieve, Result, the producer's Increment
            case COUNTING -> countingN + 3L;
            // ring links, R+1 pings, N exits
            case THREADRING -> ringActors + (ringPings + 1L) + ringActors;
            // per meeting: two Meet to the mall, one forwarded Meet, one Change; then exits
            case CHAMENEOS -> 4L * meetings + 3L * chameneos;
            // W*N pings and pongs, W start pongs, W+1 neighbour lists, W exits to the sink and back
            case BIG -> 2L * bigWorkers * bigPings + 4L * bigWorkers + 1;
            case FJCREATE -> fjCreateN;
            case FJTHRPUT -> (long) fjThroughputActors * fjThroughputN;
        };
    }

    /**
     * Continuation round trips the physical limit counts for PingPong and ThreadRing: one per
     * receive that finds its mailbox empty and must suspend. PingPong: ping's Start, pong's N
     * SendPing, ping's N SendPong, pong's Stop (ping's self-sent Ping is already in its mailbox
     * when it next receives). ThreadRing: each actor's ring link, the R+1 pings, the N exits.
     */
    public long switches(Bench bench) {
        return switch (bench) {
            case PINGPONG -> 2L * pingPongN + 2;
            case THREADRING -> ringActors + (ringPings + 1L) + ringActors;
            default -> throw new IllegalArgumentException("no switch count for " + bench);
        };
    }
}
