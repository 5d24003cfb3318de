/**
 * The execution modes: how a message reaches an actor.
 *
 * <table>
 *   <caption>Modes</caption>
 *   <tr><th>class</th><th>the seed's</th><th>delivery</th></tr>
 *   <tr><td>{@link dev.frontier.scheduler.DirectActorSystem}</td><td>Attempt 1</td>
 *       <td>{@code send} is the receiver's {@code gen.send}: synchronous, on the sender's stack;
 *       recursive ping-pong fails with "generator already executing"</td></tr>
 *   <tr><td>{@link dev.frontier.scheduler.DequeScheduler}</td><td>Solution 2</td>
 *       <td>{@code send} appends to a deque; one thread delivers in FIFO order</td></tr>
 *   <tr><td>{@link dev.frontier.scheduler.ThreadPerActorSystem}</td><td>Solution 1</td>
 *       <td>each actor's thread takes from its own mailbox; {@code receive} blocks</td></tr>
 * </table>
 *
 * <h2>One actor implementation, several hosts</h2>
 * {@code ActorCell} is the actor at run time in every mode: its generator (or handler), the
 * messages selective receive skipped, its lifecycle. {@code AbstractActorSystem.deliver} is the
 * one delivery path (MDC, trace, tracer, failure handling). A mode decides only which thread
 * calls it and how messages travel to that thread. Thread-per-actor is therefore the same loop
 * hosted on a dedicated thread, not a second scheduler that could drift.
 *
 * <h2>Threading rules</h2>
 * An actor's code runs on exactly one thread at a time: the scheduler thread (deque mode) or the
 * actor's own thread (thread-per-actor mode). Sending, spawning, looking up and stopping may be
 * done from any thread. In the deque scheduler, every cross-thread entry goes through one rule:
 * on the scheduler thread, push to the deque; otherwise offer to the JCTools MPSC inbox and wake
 * the scheduler thread, which re-checks the inbox after deciding to park, so no wakeup is lost.
 *
 * <h2>Why the deque scheduler is shaped as it is</h2>
 * <ul>
 *   <li>The deque holds (target, sender, message) triples in one circular array: a send is three
 *       array stores, no allocation.</li>
 *   <li>Delivery is FIFO across all actors, so no actor can starve another; each duty cycle
 *       ({@code runOnce}) still takes a bounded number of inbox entries and delivers a bounded
 *       batch, so other threads' messages are never stuck behind local traffic.</li>
 *   <li>Tests drive it by hand ({@code runOnce()}, {@code run()}) on the test thread: most actor
 *       tests need no threads at all.</li>
 * </ul>
 */
package dev.frontier.scheduler;
