package dev.frontier.benchmarks.savina;

/**
 * Savina's message types, shared by every implementation. Where Savina's message carries the
 * sender's reference ({@code Object sender}) so does ours; each implementation casts it to its
 * own reference type. Singletons are Savina's {@code ONLY} instances.
 */
final class Messages {

    private Messages() {
    }

    // ------------------------------------------------------------------ PingPong

    enum PingPong { START, PING, STOP }

    record SendPing(Object sender) {
    }

    record SendPong(Object sender) {
    }

    // ------------------------------------------------------------------ Counting

    enum Counting { INCREMENT }

    record Retrieve(Object sender) {
    }

    record CountResult(int count) {
    }

    // ------------------------------------------------------------------ ThreadRing

    record RingPing(int pingsLeft) {
        boolean hasNext() {
            return pingsLeft > 0;
        }

        RingPing next() {
            return new RingPing(pingsLeft - 1);
        }
    }

    record RingData(Object next) {
    }

    record RingExit(int exitsLeft) {
        boolean hasNext() {
            return exitsLeft > 0;
        }

        RingExit next() {
            return new RingExit(exitsLeft - 1);
        }
    }

    // ------------------------------------------------------------------ Chameneos

    enum Color {
        RED, YELLOW, BLUE, FADED;

        /** Savina's {@code ChameneosHelper.complement}. */
        Color complement(Color other) {
            return switch (this) {
                case RED -> switch (other) {
                    case RED -> RED;
                    case YELLOW -> BLUE;
                    case BLUE -> YELLOW;
                    case FADED -> FADED;
                };
                case YELLOW -> switch (other) {
                    case RED -> BLUE;
                    case YELLOW -> YELLOW;
                    case BLUE -> RED;
                    case FADED -> FADED;
                };
                case BLUE -> switch (other) {
                    case RED -> YELLOW;
                    case YELLOW -> RED;
                    case BLUE -> BLUE;
                    case FADED -> FADED;
                };
                case FADED -> FADED;
            };
        }
    }

    /** The handler variants' stand-in for Savina's {@code onPostStart}: a handler has no start hook. */
    enum Start { START }

    record Meet(Color color, Object sender) {
    }

    record Change(Color color, Object sender) {
    }

    record MeetingCount(int count, Object sender) {
    }

    record ChameneoExit(Object sender) {
    }

    // ------------------------------------------------------------------ Big

    record BigPing(int sender) {
    }

    record BigPong(int sender) {
    }

    enum BigExit { EXIT }

    record Neighbors(Object[] actors) {
    }

    // ------------------------------------------------------------------ fork-join

    /** Savina's {@code performComputation(37.2)}: a sine, squared, checked so it is not dead code. */
    static void performComputation(double theta) {
        double sint = Math.sin(theta);
        double res = sint * sint;
        if (res <= 0) {
            throw new IllegalStateException("Benchmark exited with unrealistic res value " + res);
        }
    }

    static final double THETA = 37.2;

    /** The message fjcreate and fjthrput send (Savina's {@code new Object()}). */
    static final Object FJ_MESSAGE = new Object();

    /** Savina's {@code PseudoRandom}: values in 0..65535, the same sequence in every language. */
    static final class PseudoRandom {
        private long value;

        PseudoRandom(long seed) {
            this.value = seed;
        }

        int nextInt(int exclusiveMax) {
            value = ((value * 1309) + 13849) & 65535;
            return (int) value % exclusiveMax;
        }
    }
}
