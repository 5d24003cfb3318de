/**
 * Context managers as actor workloads: a generator actor's body is one function, so a manager
 * entered around its receive loop holds its resource across every receive and releases it
 * however the actor ends (its body returns, it is stopped, it fails).
 *
 * <ul>
 *   <li>{@link dev.frontier.examples.contexts.Journal}: an {@code ExitStack} of a temporary
 *       directory and an open file, entered with {@code Contexts.with}.</li>
 *   <li>{@link dev.frontier.examples.contexts.Ledger}: a lock held for a writer's whole session,
 *       entered with {@code Contexts.with(Contexts.locked(lock), ...)}.</li>
 *   <li>{@link dev.frontier.examples.contexts.TimedBatches}: {@code Contexts.timethis} around a
 *       batch of receives, in the try-with-resources {@code Scope} form.</li>
 *   <li>{@link dev.frontier.examples.contexts.ContextsDemo}: the {@code contexts} example.</li>
 * </ul>
 *
 * Which form to use, and what happens when releasing fails: docs/contexts.md.
 */
package dev.frontier.examples.contexts;
