/**
 * Context managers from generators: Python's {@code with} statement and {@code @contextmanager}.
 *
 * <h2>The idea</h2>
 * Open/close, lock/unlock, start-timer/stop-timer: set-up and tear-down pairs around a block. In
 * Python a generator that yields once is such a pair: the yield cuts the function in two, the
 * first half is {@code __enter__}, the second is {@code __exit__}, and a {@code try/finally} (or
 * {@code try/except}) around the yield covers the block. {@link dev.frontier.context.GeneratorContextManager}
 * is that glue for Frontier's real generators:
 *
 * <pre>{@code
 * static GeneratorContextManager<Void> timethis(String label) {      // @contextmanager
 *     return GeneratorContextManager.of(y -> {                        // def timethis(label):
 *         long start = System.nanoTime();                             //     start = time.time()
 *         try {                                                       //     try:
 *             y.yield();                                              //         yield
 *         } finally {                                                 //     finally:
 *             log.info("{}: {}", label, System.nanoTime() - start);   //         print(...)
 *         }
 *     });
 * }
 * }</pre>
 *
 * <h2>Why two ways to use a manager</h2>
 * Python's {@code __exit__} receives the exception that is leaving the block and may swallow it.
 * Java's try-with-resources calls {@code close()} with no arguments: the resource cannot know
 * that, or why, the block failed, and cannot stop the exception. So:
 * <ul>
 *   <li>{@link dev.frontier.context.Contexts#with} is the {@code with} statement with all of
 *       Python's semantics, written as a method taking the body as a lambda. Its result,
 *       {@link dev.frontier.context.Outcome}, says whether the body completed or its exception was
 *       suppressed.</li>
 *   <li>{@link dev.frontier.context.ContextManager#enter()} returns a
 *       {@link dev.frontier.context.Scope} for try-with-resources: natural Java, checked
 *       exceptions flow as usual, but the manager only ever sees a normal exit and nothing can be
 *       suppressed.</li>
 * </ul>
 *
 * <h2>Exceptions</h2>
 * Exceptions pass through unchanged, checked ones too, as they do through a generator. Where
 * Python chains an exception raised while another is being handled ({@code __context__}), the
 * handled one is added to the new one as suppressed; an explicit cause ({@code raise X from e},
 * {@code new X(msg, e)}) is left as it is. Each way a generator can break the protocol has its own
 * exception with CPython's message: {@link dev.frontier.context.GeneratorDidNotYieldException},
 * {@link dev.frontier.context.GeneratorDidNotStopException}; misuse of the manager itself has
 * {@link dev.frontier.context.ContextAlreadyEnteredException} and
 * {@link dev.frontier.context.ContextNotActiveException}.
 *
 * <h2>Threads</h2>
 * Nothing here is threadsafe; a manager is entered and exited on one thread. The generator under a
 * manager runs on the caller's thread as a continuation, so a lock taken before the yield is held
 * by that thread during the body, exactly as if the code were inline.
 */
package dev.frontier.context;
