/**
 * Generators with Python's semantics, on the JDK's own continuations.
 *
 * <p>{@link dev.frontier.core.Generator} is the one primitive everything in Frontier rests on:
 * generator actors, inlined-future tasks, context managers and the non-recursive visitor are all
 * generators. Its body is ordinary Java code that calls {@link dev.frontier.core.Yielder#yield}
 * and {@link dev.frontier.core.Yielder#yieldFrom}; the caller drives it with
 * {@code next}/{@code send}/{@code throwIn}/{@code close}.
 *
 * <h2>Why JDK continuations</h2>
 * A generator must keep a suspended call stack. Threads can do that but cost a thread each, and
 * every resume is a thread handoff. Bytecode weaving (rewriting methods into state machines) needs
 * a build step or agent and breaks on code it cannot see. {@code jdk.internal.vm.Continuation},
 * the machinery under virtual threads, freezes and thaws real frames on the current thread: a
 * suspended generator is a few hundred bytes of heap, resuming it is a method call, and any code,
 * however deep, can yield. The price is one {@code --add-exports} flag at run time, and one small
 * adapter, {@code ContinuationCore}, that is the only code touching the internal class.
 *
 * <p>Without the flag Frontier still works: generators fall back to a virtual thread per started
 * generator with a hand-off (public API only, same semantics, much slower round trips), and say so
 * once in the log, with the flag to add. See {@link dev.frontier.core.Generator}, "Two
 * implementations".
 *
 * <h2>Error types</h2>
 * Each way to misuse a generator has its own exception and exact message:
 * {@link dev.frontier.core.StopIteration} (finished, carrying the return value, or already
 * closed), {@link dev.frontier.core.GeneratorAlreadyExecutingException},
 * {@link dev.frontier.core.GeneratorIgnoredExitException},
 * {@link dev.frontier.core.YieldOutsideGeneratorException},
 * {@link dev.frontier.core.GeneratorPinnedException}; and {@link dev.frontier.core.GeneratorExit}
 * is what {@code close()} raises at the yield.
 */
package dev.frontier.core;
