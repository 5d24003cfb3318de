/**
 * The actor API: what application code sees. An actor is a named piece of code that receives
 * messages, sends messages, and spawns actors, sharing no state.
 *
 * <h2>Two shapes of actor</h2>
 * <ul>
 *   <li>A {@link dev.frontier.actor.GeneratorActor} is a body that loops on
 *       {@code msg = ctx.receive()}, the seed's {@code @actor} generator. Its state lives in local
 *       variables across receives; it can wait for one particular reply amid other traffic
 *       ({@link dev.frontier.actor.ActorContext#receive(java.util.function.Predicate) selective
 *       receive}). It runs on a {@link dev.frontier.core.Generator}.</li>
 *   <li>A {@link dev.frontier.actor.MessageHandler} is the common shape
 *       {@code while (true) handle(receive())} as a callback. It needs no continuation and runs
 *       at close to raw dispatch cost.</li>
 * </ul>
 *
 * <h2>Why the API is separate from the schedulers</h2>
 * The seed shows three ways to deliver a message to a generator actor: call its {@code send}
 * directly (which breaks on recursion), queue it for a single-threaded scheduler, or give every
 * actor a thread. The actor code is the same in all three; only delivery differs. So the API here
 * knows nothing of delivery, and each way is an {@link dev.frontier.actor.ActorSystem} in the
 * {@code scheduler} module, all passing one contract test suite.
 *
 * <h2>Nothing lost silently, nothing thrown at a sender</h2>
 * A message to an unknown or ended actor becomes a {@link dev.frontier.actor.DeadLetter},
 * counted, kept for inspection, and logged at WARN (rate-limited). An exception escaping an actor ends that
 * actor only, and goes to the {@link dev.frontier.actor.ActorErrorHandler} as an
 * {@link dev.frontier.actor.ActorFailure} naming the actor, the message and the cause.
 *
 * <h2>Let it crash</h2>
 * An actor can {@link dev.frontier.actor.ActorContext#watch watch} another (one
 * {@link dev.frontier.actor.Terminated} when it ends) or {@link dev.frontier.actor.ActorContext#link
 * link} to it (a failure takes both down, unless one traps exits and receives an
 * {@link dev.frontier.actor.Exit}). A supervisor ({@link dev.frontier.actor.SupervisorSpec},
 * {@link dev.frontier.actor.ChildSpec}) restarts failed children by Erlang's strategies, restart
 * types and intensity, or with backoff; a restarted child keeps its {@link dev.frontier.actor.ActorRef},
 * its name and the messages waiting in its mailbox. A message type given at spawn keeps messages of
 * any other type away from the actor (they become dead letters), and
 * {@link dev.frontier.actor.ActorRef#ask typed ask} lets javac check a request/reply. See
 * {@code docs/supervision.md}.
 *
 * <h2>Debugging</h2>
 * Every delivery puts the actor's name ({@code actor}) and message sequence number
 * ({@code msgSeq}) in the SLF4J MDC; each actor has a TRACE logger
 * {@code dev.frontier.trace.NAME} that logs {@code sender -> receiver: message}; and a
 * {@link dev.frontier.actor.MessageTracer} sees every delivery without logging.
 */
package dev.frontier.actor;
