package dev.frontier.benchmarks;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same work as {@code ActorBenchmark.dequePingPong} on Apache Pekko classic actors: two
 * actors bouncing an Integer, both on a one-thread dispatcher ("Pekko on one thread"). Each
 * invocation delivers {@value #N} messages; ops/s is messages per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = "-Xmx2g")
public class PekkoBenchmark {

    static final int N = 1_000_000;

    @State(Scope.Benchmark)
    public static class Pair {
        @Param({"1", "1000"})
        public int inFlight;
        /** Pekko's batch per actor turn (its default is 5). */
        @Param({"5", "100"})
        public int throughput;

        ActorSystem system;
        ActorRef ping;
        ActorRef pong;
        int remaining;
        CompletableFuture<Void> done;

        @Setup(Level.Trial)
        public void setup() {
            system = ActorSystem.create("bench", ConfigFactory.parseString("""
                    pekko.loglevel = WARNING
                    pekko.log-dead-letters = off
                    one-thread {
                      type = Dispatcher
                      executor = "thread-pool-executor"
                      thread-pool-executor.fixed-pool-size = 1
                      throughput = %d
                    }
                    """.formatted(throughput)));
            ping = system.actorOf(Props.create(Player.class, () -> new Player(this)).withDispatcher("one-thread"), "ping");
            pong = system.actorOf(Props.create(Player.class, () -> new Player(this)).withDispatcher("one-thread"), "pong");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Replies to the sender until the shared count runs out. */
    public static final class Player extends AbstractActor {
        private final Pair pair;

        Player(Pair pair) {
            this.pair = pair;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(Integer.class, n -> {
                int left = --pair.remaining;
                if (left >= pair.inFlight) {
                    getSender().tell(n + 1, getSelf());
                } else if (left == 0) {
                    pair.done.complete(null);
                }
            }).build();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void pekkoPingPong(Pair p) throws Exception {
        p.done = new CompletableFuture<>();
        p.remaining = N;
        for (int i = 0; i < p.inFlight; i++) {
            p.ping.tell(i, p.pong);
        }
        p.done.get(60, TimeUnit.SECONDS);
    }
}
