package dev.frontier.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's puzzler (Part 4): can a library function {@code after(delay, gen)} run a
 * user-supplied inlined future after a delay? Each attempt, with what a Java user gets. Driven
 * deterministically: the "pool" and the task's executor are the same hand-run loop, and the delay
 * is a future the loop completes.
 */
class AfterPuzzlerTest {

    final ManualExecutor loop = new ManualExecutor();
    final List<String> log = new ArrayList<>();

    static int func(int x, int y) {
        return x + y;
    }

    /** Seed: {@code def do_func(x, y): result = yield pool.submit(func, x, y); print('Got:', result)}. */
    Generator<Object, Object, Integer> doFunc(int x, int y) {
        return Generator.of(g -> {
            Integer result = (Integer) g.yield(CompletableFuture.supplyAsync(() -> func(x, y), loop));
            log.add("Got: " + result);
            return result;
        });
    }

    /** Seed: {@code pool.submit(time.sleep, delay)}. */
    CompletableFuture<Void> sleep() {
        return CompletableFuture.runAsync(() -> log.add("slept"), loop);
    }

    <R> Task<R> run(Generator<Object, Object, R> after) {
        Task<R> t = Task.start(loop, after);
        loop.runUntilIdle();
        assertTrue(t.isDone());
        return t;
    }

    @Test
    void attempt1YieldingTheGeneratorFailsItIsNotAFuture() {
        Generator<Object, Object, Integer> gen = doFunc(2, 3);
        Task<Void> t = run(Generator.ofVoid(g -> {
            g.yield(sleep());
            g.yield(gen);
        }));
        CompletionException e = assertThrows(CompletionException.class, t::join);
        NotAFutureException cause = assertInstanceOf(NotAFutureException.class, e.getCause());
        assertEquals("task yielded a generator, not a future: " + gen
                + "; to run a generator inside a task, delegate to it with yieldFrom(gen)", cause.getMessage());
        assertEquals(Generator.State.CREATED, gen.state(), "do_func never ran");
        assertEquals(List.of("slept"), log);
    }

    @Test
    void attempt2IteratingTheGeneratorByHandLosesTheResult() {
        Task<Void> t = run(Generator.ofVoid(g -> {
            g.yield(sleep());
            for (Object f : doFunc(2, 3)) {
                g.yield(f); // the result is sent to after(), not to do_func
            }
        }));
        assertNull(t.join());
        assertEquals(List.of("slept", "Got: null"), log);
    }

    @Test
    void attempt3SendingByHandWorks() {
        Generator<Object, Object, Integer> gen = doFunc(2, 3);
        run(Generator.ofVoid(g -> {
            g.yield(sleep());
            Object result = null;
            try {
                while (true) {
                    Object f = gen.send(result);
                    result = g.yield(f);
                }
            } catch (StopIteration done) {
                // do_func returned
            }
        }));
        assertEquals(List.of("slept", "Got: 5"), log);
    }

    @Test
    void attempt4YieldFromWorksAndEvenCarriesTheReturnValue() {
        Task<Integer> t = run(Generator.of(g -> {
            g.yield(sleep());
            return g.yieldFrom(doFunc(2, 3));
        }));
        assertEquals(List.of("slept", "Got: 5"), log);
        assertEquals(5, t.join());
    }

    /**
     * Python: {@code yield from pool.submit(...)} fails at run time, "'Future' object is not
     * iterable". Java refuses it at compile time. This compiles the seed's fifth attempt and
     * checks the error javac reports.
     */
    @Test
    void attempt5YieldFromAFutureDoesNotCompile() throws Exception {
        String source = """
                import dev.frontier.core.Generator;
                import java.util.concurrent.Future;

                class After {
                    static Generator<Object, Object, Void> after(Future<?> delay, Generator<Object, Object, Integer> gen) {
                        return Generator.ofVoid(y -> {
                            y.yieldFrom(delay);
                            y.yieldFrom(gen);
                        });
                    }
                }
                """;
        List<Diagnostic<? extends JavaFileObject>> errors = compile("After", source);
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        assertEquals(7, error.getLineNumber());
        String message = error.getMessage(Locale.ROOT);
        assertTrue(message.startsWith("method yieldFrom in interface dev.frontier.core.Yielder<Y,S> cannot be applied to given types"),
                message);
        assertTrue(message.contains("java.util.concurrent.Future<capture#1 of ?> cannot be converted to "
                + "dev.frontier.core.Generator<? extends java.lang.Object,? super java.lang.Object,T>"), message);
    }

    @Test
    void attempt5MadeToWorkWithIterableFuturesTheSeedsPatchFuture() {
        Task<Integer> t = run(Generator.of(g -> {
            g.yieldFrom(InlineFutures.awaiting(sleep()));
            return g.yieldFrom(doFunc(2, 3));
        }));
        assertEquals(5, t.join());
        assertEquals(List.of("slept", "Got: 5"), log);
    }

    /**
     * With an {@link Awaiter} there is no puzzler: a task body's continuation holds the whole call
     * stack, so a library function that waits is an ordinary method call, and so is the body it
     * runs. No {@code yield from}, no decorator.
     */
    @Test
    void withAnAwaiterALibraryFunctionIsAnOrdinaryCall() {
        Task<Integer> t = Task.start(loop, a -> after(a, sleep(), b -> {
            int result = b.await(CompletableFuture.supplyAsync(() -> func(2, 3), loop));
            log.add("Got: " + result);
            return result;
        }));
        loop.runUntilIdle();
        assertEquals(5, t.join());
        assertEquals(List.of("slept", "Got: 5"), log);
    }

    static <R> R after(Awaiter a, Future<?> delay, TaskBody<R> body) throws Exception {
        a.await(delay);
        return body.run(a);
    }

    // ---------------------------------------------------------------- compiling a snippet

    @TempDir
    Path out;

    private List<Diagnostic<? extends JavaFileObject>> compile(String className, String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        Path classes = Path.of(Generator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, null, diagnostics,
                List.of("-classpath", classes.toString(), "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
        assertFalse(ok, "the snippet compiled");
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
}
