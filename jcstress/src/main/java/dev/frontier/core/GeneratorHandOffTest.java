package dev.frontier.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A generator stepped from two threads at once: the state is a lock, taken by compare-and-set when
 * a step starts and given back with a release store when the body has yielded. Whichever thread
 * steps second either sees everything the first step's body wrote (its {@code steps} field, a
 * plain field) or is told the generator is already executing; a step is never lost, seen twice,
 * or refused to both.
 *
 * <p>Result: what each thread's {@code next()} returned, -1 for "already executing".
 */
@JCStressTest
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "one after the other: the second step saw the first")
@Outcome(id = {"1, -1", "-1, 1"}, expect = ACCEPTABLE, desc = "overlapped: the second was told the generator is executing")
@Outcome(expect = FORBIDDEN, desc = "a step lost or seen twice, or both refused")
@State
public class GeneratorHandOffTest {

    /** Written only by the body, so only by a thread that holds the generator. */
    int steps;

    final Generator<Integer, Void, Void> generator = Generator.ofVoid(y -> {
        while (true) {
            steps++;
            y.yield(steps);
        }
    });

    @Actor
    public void first(II_Result r) {
        r.r1 = step();
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = step();
    }

    private int step() {
        try {
            return generator.next();
        } catch (GeneratorAlreadyExecutingException busy) {
            return -1;
        }
    }
}
