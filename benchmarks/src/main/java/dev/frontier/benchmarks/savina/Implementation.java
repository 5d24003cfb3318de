package dev.frontier.benchmarks.savina;

import java.time.Duration;

/**
 * One variant's implementation of the benchmarks. Created once per JVM run and reused for every
 * run of every benchmark; always called from the same (benchmark) thread.
 */
interface Implementation extends AutoCloseable {

    /** Whether this variant implements {@code bench} (the baselines only do PingPong and ThreadRing). */
    default boolean supports(Bench bench) {
        return true;
    }

    /**
     * Runs {@code bench} once with {@code params} and returns when every actor (thread,
     * continuation) of the run has ended. The harness times this call.
     *
     * @throws Check.Failed the result was wrong, or the run did not end within {@code timeout}
     */
    void run(Bench bench, Params params, Duration timeout) throws Exception;

    @Override
    void close();
}
