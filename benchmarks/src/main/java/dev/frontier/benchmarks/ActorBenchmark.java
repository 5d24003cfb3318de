package dev.frontier.benchmarks;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
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
 * Message throughput (messages delivered per second) of Frontier's execution modes, beside the
 * bare loops they are built from. Each invocation delivers {@value #N} messages (the thread-per-
 * actor ones {@value #N_THREADS}); JMH's ops/s is therefore messages per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED", "-Xmx2g"})
public class ActorBenchmark {

    static final int N = 1_000_000;
    static final int N_THREADS = 100_000;

    // ------------------------------------------------------------------ baselines

    /** A bare ArrayDeque dispatch loop: two handlers bouncing one message, no actors. */
    @State(Scope.Thread)
    public static class BareDeque {
        final ArrayDeque<Object> deque = new ArrayDeque<>();
        int remaining;
        IntConsumer ping;
        IntConsumer pong;

        @Setup
        public void setup() {
            ping = n -> {
                if (--remaining > 0) {
                    deque.addLast(pong);
                    deque.addLast(n + 1);
                }
            };
            pong = n -> {
                if (--remaining > 0) {
                    deque.addLast(ping);
                    deque.addLast(n + 1);
                }
            };
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int baselineArrayDequeDispatch(BareDeque b) {
        b.remaining = N;
        b.deque.addLast(b.ping);
        b.deque.addLast(0);
        Object target;
        while ((target = b.deque.pollFirst()) != null) {
            ((IntConsumer) target).accept((Integer) b.deque.pollFirst());
        }
        return b.remaining;
    }

    /** Two bare continuations resumed alternately from a loop: the floor for generator actors. */
    @State(Scope.Thread)
    public static class BareContinuations {
        static final ContinuationScope SCOPE = new ContinuationScope("bench");
        Continuation ping;
        Continuation pong;
        int value;

        @Setup
        public void setup() {
            ping = new Continuation(SCOPE, () -> {
                while (true) {
                    value++;
                    Continuation.yield(SCOPE);
                }
            });
            pong = new Continuation(SCOPE, () -> {
                while (true) {
                    value++;
                    Continuation.yield(SCOPE);
                }
            });
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int baselineContinuationPingPong(BareContinuations b) {
        for (int i = 0; i < N; i += 2) {
            b.ping.run();
            b.pong.run();
        }
        return b.value;
    }

    // ------------------------------------------------------------------ deque scheduler

    /** Ping and pong on a deque scheduler driven by the benchmark thread. */
    @State(Scope.Thread)
    public static class DequePair {
        @Param({"handler", "generator"})
        public String kind;
        @Param({"1", "1000"})
        public int inFlight;
        @Param({"true", "false"})
        public boolean mdc;

        DequeScheduler scheduler;
        ActorRef<Integer> ping;
        ActorRef<Integer> pong;
        int remaining;

        @Setup(Level.Trial)
        public void setup() {
            scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withMdc(mdc));
            if (kind.equals("handler")) {
                ping = scheduler.spawnHandler("ping", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, pong, n));
                pong = scheduler.spawnHandler("pong", (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, ping, n));
            } else {
                ping = scheduler.spawn("ping", (ActorContext<Integer> ctx) -> {
                    while (true) {
                        int n = ctx.receive();
                        if (--remaining >= inFlight) {
                            ctx.send(pong, n + 1);
                        }
                    }
                });
                pong = scheduler.spawn("pong", (ActorContext<Integer> ctx) -> {
                    while (true) {
                        int n = ctx.receive();
                        if (--remaining >= inFlight) {
                            ctx.send(ping, n + 1);
                        }
                    }
                });
            }
        }

        private void bounce(ActorContext<Integer> ctx, ActorRef<Integer> other, int n) {
            if (--remaining >= inFlight) {
                ctx.send(other, n + 1);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scheduler.shutdown();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long dequePingPong(DequePair p) {
        p.remaining = N;
        for (int i = 0; i < p.inFlight; i++) {
            p.ping.send(i);
        }
        return p.scheduler.run();
    }

    /** 1,000 independent ping-pong pairs on one deque scheduler, one message in flight each. */
    @State(Scope.Thread)
    public static class DequeManyPairs {
        static final int PAIRS = 1000;
        @Param({"handler", "generator"})
        public String kind;

        DequeScheduler scheduler;
        @SuppressWarnings({"unchecked", "rawtypes"})
        final ActorRef<Integer>[] pings = new ActorRef[PAIRS];
        @SuppressWarnings({"unchecked", "rawtypes"})
        final ActorRef<Integer>[] pongs = new ActorRef[PAIRS];
        int remaining;

        @Setup(Level.Trial)
        public void setup() {
            scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withMdc(false));
            for (int i = 0; i < PAIRS; i++) {
                int pair = i;
                if (kind.equals("handler")) {
                    pings[i] = scheduler.spawnHandler("ping" + i, (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, pongs[pair], n));
                    pongs[i] = scheduler.spawnHandler("pong" + i, (ActorContext<Integer> ctx, Integer n) -> bounce(ctx, pings[pair], n));
                } else {
                    pings[i] = scheduler.spawn("ping" + i, (ActorContext<Integer> ctx) -> {
                        while (true) {
                            int n = ctx.receive(); // first: pongs[pair] is only set after this body starts
                            bounce(ctx, pongs[pair], n);
                        }
                    });
                    pongs[i] = scheduler.spawn("pong" + i, (ActorContext<Integer> ctx) -> {
                        while (true) {
                            int n = ctx.receive();
                            bounce(ctx, pings[pair], n);
                        }
                    });
                }
            }
        }

        private void bounce(ActorContext<Integer> ctx, ActorRef<Integer> other, int n) {
            if (--remaining >= PAIRS) {
                ctx.send(other, n + 1);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scheduler.shutdown();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long dequeThousandPairs(DequeManyPairs p) {
        p.remaining = N;
        for (int i = 0; i < DequeManyPairs.PAIRS; i++) {
            p.pings[i].send(0);
        }
        return p.scheduler.run();
    }

    // ------------------------------------------------------------------ other threads

    /** A started scheduler receiving sends from the benchmark thread through the MPSC inbox. */
    @State(Scope.Thread)
    public static class CrossThread {
        DequeScheduler scheduler;
        ActorRef<Integer> sink;
        volatile long received;
        long expected;

        @Setup(Level.Trial)
        public void setup() {
            scheduler = DequeScheduler.create(ActorSystemOptions.defaults().withMdc(false));
            sink = scheduler.spawnHandler("sink", (ActorContext<Integer> ctx, Integer n) -> received++);
            scheduler.start();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scheduler.shutdown();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long sendsFromAnotherThread(CrossThread c) {
        c.expected += N;
        ActorRef<Integer> sink = c.sink;
        for (int i = 0; i < N; i++) {
            sink.send(i);
        }
        while (c.received < c.expected) {
            Thread.onSpinWait();
        }
        return c.received;
    }

    /** Thread-per-actor ping-pong: each actor on its own (virtual or platform) thread. */
    @State(Scope.Thread)
    public static class ThreadPair {
        @Param({"true", "false"})
        public boolean virtual;
        @Param({"1", "1000"})
        public int inFlight;

        ThreadPerActorSystem system;
        ActorRef<Integer> ping;
        final AtomicInteger remaining = new AtomicInteger();
        volatile CompletableFuture<Void> done;

        @Setup(Level.Trial)
        public void setup() {
            system = ThreadPerActorSystem.create(ActorSystemOptions.defaults().withMdc(false).withVirtualThreads(virtual));
            ping = system.spawn("ping", (ActorContext<Integer> ctx) -> loop(ctx, "pong"));
            system.<Integer>spawn("pong", ctx -> loop(ctx, "ping"));
        }

        private void loop(ActorContext<Integer> ctx, String other) {
            ActorRef<Integer> peer = null;
            while (true) {
                int n = ctx.receive();
                if (peer == null) {
                    peer = ctx.system().<Integer>lookup(other).orElseThrow();
                }
                int left = remaining.decrementAndGet();
                if (left >= inFlight) {
                    ctx.send(peer, n + 1);
                } else if (left == 0) {
                    done.complete(null);
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            system.shutdown();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N_THREADS)
    public void threadPerActorPingPong(ThreadPair p) throws Exception {
        p.done = new CompletableFuture<>();
        p.remaining.set(N_THREADS);
        for (int i = 0; i < p.inFlight; i++) {
            p.ping.send(i);
        }
        p.done.get(60, TimeUnit.SECONDS);
    }
}
