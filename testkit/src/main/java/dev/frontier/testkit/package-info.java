/**
 * Deterministic tests of Frontier actors.
 *
 * <ul>
 *   <li>{@link dev.frontier.testkit.TestKit} and {@link dev.frontier.testkit.FrontierExtension}: a
 *       deque scheduler driven by the test's thread on a manual clock; virtual time moves to the next
 *       timer when nothing else can run.</li>
 *   <li>{@link dev.frontier.testkit.TestProbe}: an actor the test hands out and questions, every wait
 *       in virtual time.</li>
 *   <li>{@link dev.frontier.testkit.BehaviorTestKit}: one actor run synchronously, its effects
 *       recorded.</li>
 *   <li>{@link dev.frontier.testkit.Explorer}: seeded schedule exploration (random, PCT), fault
 *       injection, schedule files, strict replay ({@link dev.frontier.testkit.Replay}) and
 *       shrinking.</li>
 * </ul>
 *
 * <h2>Why exploration is deterministic, and what would break it</h2>
 * A schedule must depend on its seed and the scenario only. Pony's systematic-testing work (2026)
 * lists the traps, and each has its answer here: iteration order of hash maps keyed by identity
 * (ponyc #5566, #5570): the explored scheduler and the strategies use hash maps for lookups only,
 * and list enabled steps in an order the run itself fixes; threads outside the scheduler (#5647, I/O
 * aborts under systematic testing): work from another thread fails the run with a clear error;
 * wall-clock time (#5630, an I/O thread sleeping 10 ms per turn): time is a manual clock that moves
 * only when nothing else can happen, and nothing ever sleeps; spurious wake-ups (#5576, #5585): an
 * actor's wait carries an epoch, so a stale wake-up cannot resume a later wait. Measured: 300 of 300
 * seeds replay to the same steps and deliveries, faults included (docs/benchmarks.md).
 *
 * <p>Everything here is single-threaded: use it from the test's thread.
 */
package dev.frontier.testkit;
