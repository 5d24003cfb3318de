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
 *       <td>{@code send} appends to the receiver's mailbox; one thread runs the actors that have
 *       mail, a bounded turn each, round-robin</td></tr>
 *   <tr><td>{@link dev.frontier.scheduler.ThreadPerActorSystem}</td><td>Solution 1</td>
 *       <td>each actor's body runs on its own thread; {@code receive} parks it</td></tr>
 * </table>
 *
 * <h2>One actor implementation, several hosts</h2>
 * {@code ActorCell} is the actor at run time in every mode: its behaviour, its mailbox, the
 * messages selective receive kept back, its lifecycle. Every message an actor takes passes
 * through {@code ActorCell.accept} and {@code AbstractActorSystem.accepted} (trace, tracer, MDC),
 * whichever mode delivered it. A mode decides only which thread runs the actor and how messages
 * travel to that thread.
 *
 * <h2>Supervision without a second actor</h2>
 * A supervised child's {@code ActorCell} is its reference and outlives its restarts: a failure
 * suspends the cell (no behaviour runs, its mailbox keeps queueing) and tells its supervisor, an
 * ordinary generator actor ({@code Supervisor}), which decides in its own turn; a restart gives the
 * same cell a new generator (or handler, or, thread-per-actor, a new run of the body on the same
 * thread). Watchers, links and the supervision handshake live in a {@code Ties} object made on first
 * use, so an actor that uses none of them pays one null check per message sent to it (its message
 * type) and nothing else.
 *
 * <h2>Why the mailbox is what gets scheduled</h2>
 * The first deque scheduler queued (target, sender, message) triples and resumed the target's
 * generator for every one of them: a continuation freeze and thaw per message (about 100 ns), even
 * when the actor's next message was already waiting. Now each actor has a mailbox and the deque
 * holds actors (Erlang's run queue; Pekko's "the mailbox is what gets scheduled"). A turn resumes
 * a generator body once, and each further {@code receive} in the turn takes the next message from
 * the mailbox by a plain method call. The switch is paid per turn, not per message; with one
 * message in flight (ping-pong) a turn is one message long and the switch is the physical limit.
 *
 * <h2>Threading rules</h2>
 * An actor's code runs on exactly one thread at a time: the scheduler thread (deque mode) or the
 * actor's own thread (thread-per-actor mode). Sending, spawning, looking up and stopping may be
 * done from any thread. Everything that crosses into a thread Frontier owns goes through one
 * mechanism, {@code Inbox}: on the owning thread, work is queued directly; otherwise it is offered
 * to a JCTools MPSC queue and the owner woken, which re-checks the queue after deciding to park,
 * so no wake-up is lost. The inbox's close drains it and hands anything that arrives later to a
 * leftover handler, so a message racing a shutdown or an actor's end is a dead letter, never lost.
 *
 * <h2>Why the deque scheduler is shaped as it is</h2>
 * <ul>
 *   <li>A mailbox holds (sender, message) pairs in one circular array, and the run queue holds
 *       actors: queueing a message allocates nothing.</li>
 *   <li>Each duty cycle ({@code runOnce}) takes a bounded number of inbox entries, fires a bounded
 *       number of timers and runs turns for a bounded number of messages, so neither other
 *       threads' messages nor local traffic can starve the other, and a turn's throughput bound
 *       keeps one busy actor from starving the rest.</li>
 *   <li>Timers live in a heap whose entries know their index, so a cancelled timer (every answered
 *       {@code ask}) leaves at once.</li>
 *   <li>Tests drive it by hand ({@code runOnce()}, {@code run()}) on the test thread: most actor
 *       tests need no threads at all.</li>
 *   <li>An <em>explored</em> deque scheduler ({@code DequeScheduler.createExplored}, an SPI for the
 *       test kit's schedule explorer) holds messages in flight per sender and receiver and lets a
 *       {@link dev.frontier.scheduler.ScheduleStrategy} choose every step (which channel delivers,
 *       which actor resumes, which due timer fires): the orders per-pair FIFO allows, not only the
 *       one this scheduler happens to take. The ordinary scheduler pays a null check per send.</li>
 *   <li>The next step stays open: an actor's cell knows its host, so several deque schedulers (one
 *       per core) in one system, with actors placed on them and sends between them going through
 *       each other's inboxes, need no change to the actor or to {@code ActorRef}; a reference is an
 *       interface, so one can later stand for an actor in another process.</li>
 * </ul>
 *
 * <h2>Diagnostics, and what they cost when off</h2>
 * <ul>
 *   <li>{@link dev.frontier.scheduler.FlowRecorder} records the message flow of selected actors
 *       with causal links. A recorded message carries its record in its <em>sender</em> slot, so
 *       mailboxes, inboxes and the stash are unchanged and an unrecorded message carries nothing;
 *       {@code ActorCell.accept} unwraps it. Off, a send reads one field of its system.</li>
 *   <li>{@code Watchdog} ({@code frontier-watchdog}) reads what the deque scheduler's thread is busy
 *       with, published by opaque stores at each step, with no clock reading on that thread, and
 *       warns when one delivery holds it past the stall threshold.</li>
 *   <li>{@code FrontierJfr}: JDK Flight Recorder events, behind one static flag that a
 *       {@code FlightRecorderListener} sets while a recording runs.</li>
 *   <li>{@code HostFuture}: the futures a system completes on its host thread ({@code ask},
 *       {@code sleep}) refuse a blocking {@code get}/{@code join} on that very thread, which
 *       would wait forever.</li>
 * </ul>
 */
package dev.frontier.scheduler;
