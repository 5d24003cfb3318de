package dev.frontier.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** What the harnesses that are not JMH benchmarks share: the median of their figures, the heap in use after GC. */
final class Harness {

    private Harness() {
    }

    /** {@return the median of {@code xs}, the mean of the middle two for an even count} */
    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** {@return the heap in use, in bytes, after three full GCs} */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
