package dev.frontier.examples.compiler;

import dev.frontier.core.Generator;
import dev.frontier.core.StopIteration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a recursive computation whose recursive calls are {@code yield}s: the seed's "stack of
 * running generators". A generator yields a <em>request</em> (a child node, a nested expression)
 * where a recursive function would call itself; the trampoline turns the request into a
 * {@link Step}, runs it, and sends the result back in as the value of that {@code yield}. The
 * stack of suspended generators is an {@link ArrayDeque} on the heap, so the depth of the
 * recursion costs heap, not Java stack: every generator is resumed from this one loop, at
 * constant stack depth.
 *
 * <p>Exceptions travel as they would through real recursion: one raised by a generator (or by
 * expanding its request) is thrown into the generator that asked, at its {@code yield}, which may
 * catch it; if none does, it leaves {@link #run} unchanged.
 */
public final class Trampoline {
    private Trampoline() {
    }

    /**
     * What a request expands to: a {@link Done value} ready at once (no generator needed, as for a
     * leaf), or a {@link Run generator} to run, whose return value is the result.
     *
     * @param <Q> the type of requests
     * @param <V> the type of results
     */
    public sealed interface Step<Q, V> {
        /** A result that needs no generator. */
        record Done<Q, V>(V value) implements Step<Q, V> {
        }

        /** A generator to run; it yields requests, receives their results, and returns its own. */
        record Run<Q, V>(Generator<Q, V, V> generator) implements Step<Q, V> {
            public Run {
                Objects.requireNonNull(generator, "generator");
            }
        }

        static <Q, V> Step<Q, V> done(V value) {
            return new Done<>(value);
        }

        static <Q, V> Step<Q, V> run(Generator<Q, V, V> generator) {
            return new Run<>(generator);
        }
    }

    /**
     * Runs {@code first} to its result, expanding each request a generator yields with
     * {@code expand}.
     */
    public static <Q, V> V run(Step<Q, V> first, Function<? super Q, ? extends Step<Q, V>> expand) {
        Deque<Generator<Q, V, V>> stack = new ArrayDeque<>();
        Step<Q, V> step = first;
        for (;;) {
            // Start the step: push its generator to be started, or take its ready value.
            boolean fresh;
            V value = null;
            Throwable failure = null;
            if (step instanceof Step.Run<Q, V> run) {
                stack.push(run.generator());
                fresh = true;
            } else {
                value = ((Step.Done<Q, V>) step).value();
                fresh = false;
            }
            // Resume the top generator with the value (or failure) until one yields a request.
            for (;;) {
                Generator<Q, V, V> top = stack.peek();
                if (top == null) {
                    if (failure != null) {
                        throw Sneaky.rethrow(failure);
                    }
                    return value;
                }
                Q request;
                try {
                    request = fresh ? top.next() : failure != null ? top.throwIn(failure) : top.send(value);
                } catch (StopIteration returned) {
                    stack.pop();
                    value = returned.value();
                    failure = null;
                    fresh = false;
                    continue;
                } catch (Throwable raised) {
                    stack.pop();
                    value = null;
                    failure = raised;
                    fresh = false;
                    continue;
                }
                fresh = false;
                try {
                    step = Objects.requireNonNull(expand.apply(request), "step");
                    break;
                } catch (Throwable raised) {
                    value = null;
                    failure = raised; // thrown into the generator that asked
                }
            }
        }
    }
}
