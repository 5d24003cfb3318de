package dev.frontier.benchmarks;

import dev.frontier.actor.ActorContext;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.util.Arrays;

/**
 * Harness (not JMH: a million-actor heap does not fit JMH's repeated invocations well): spawns
 * 1,000,000 idle generator actors on a deque scheduler, each suspended in its first
 * {@code receive()}, and reports the time to spawn them and the heap retained per actor.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED \
 *      dev.frontier.benchmarks.SpawnMillion [ROUNDS]
 * </pre>
 *
 * A round spawns them and runs the scheduler until every body has suspended (a spawned actor's
 * body starts at its first turn, so spawning without running would leave no frozen stack to
 * count). Each round uses a fresh scheduler; the first rounds warm the JIT up. Prints every round and
 * the median of the rounds after the first.
 */
public final class SpawnMillion {

    static final int ACTORS = 1_000_000;

    private SpawnMillion() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] millis = new double[rounds];
        double[] bytes = new double[rounds];
        String[] names = new String[ACTORS];
        for (int i = 0; i < ACTORS; i++) {
            names[i] = "actor-" + i;   // names are the user's; not counted
        }
        for (int r = 0; r < rounds; r++) {
            long before = Harness.usedAfterGc();
            long start = System.nanoTime();
            DequeScheduler scheduler = DequeScheduler.create(ActorSystemOptions.defaults());
            for (int i = 0; i < ACTORS; i++) {
                scheduler.<Integer>spawn(names[i], SpawnMillion::idle);
            }
            scheduler.run(); // every body runs to its first receive() and suspends there
            long elapsed = System.nanoTime() - start;
            long after = Harness.usedAfterGc();
            millis[r] = elapsed / 1e6;
            bytes[r] = (after - before) / (double) ACTORS;
            if (scheduler.actorNames().size() != ACTORS) {
                throw new AssertionError("not all actors are alive");
            }
            System.out.printf("round %d: spawned %,d generator actors in %.0f ms; %.0f bytes retained per idle actor%n",
                    r + 1, ACTORS, millis[r], bytes[r]);
            scheduler.shutdown();
        }
        System.out.printf("median of rounds 2..%d: %.0f ms, %.0f bytes/actor (max heap %d MB)%n", rounds,
                Harness.median(Arrays.copyOfRange(millis, 1, rounds)), Harness.median(Arrays.copyOfRange(bytes, 1, rounds)),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void idle(ActorContext<Integer> ctx) {
        while (true) {
            ctx.receive();
        }
    }
}
