package dev.frontier.benchmarks.savina;

import dev.frontier.benchmarks.savina.Messages.RingExit;
import dev.frontier.benchmarks.savina.Messages.RingPing;
import java.time.Duration;
import java.util.concurrent.LinkedTransferQueue;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The physical limits PingPong and ThreadRing are judged against, measured in the same run as
 * the actors. Neither is an actor system: each does only the part of the work that a given
 * execution mode cannot avoid.
 */
final class Baselines {

    private Baselines() {
    }

    /**
     * Bare continuation round trips ({@code jdk.internal.vm.Continuation}): continuations that
     * each count and yield, resumed in turn from a loop, as many times as the benchmark's actors
     * must suspend in a receive ({@link Params#switches}): PingPong 2N+2 resumes alternating
     * between two continuations, ThreadRing R+1+2N resumes going round a ring of N.
     * A generator actor cannot beat a handler delivery plus one of these per suspension.
     */
    static final class BareContinuations implements Implementation {
        private static final ContinuationScope SCOPE = new ContinuationScope("savina-baseline");

        /** Shared by the continuations of a run; written only by whichever one is mounted. */
        private static final class Count {
            long value;
        }

        private static Continuation counting(Count count) {
            return new Continuation(SCOPE, () -> {
                while (true) {
                    count.value++;
                    Continuation.yield(SCOPE);
                }
            });
        }

        @Override
        public boolean supports(Bench bench) {
            return bench == Bench.PINGPONG || bench == Bench.THREADRING;
        }

        @Override
        public void run(Bench bench, Params p, Duration timeout) {
            long total = p.switches(bench);
            Count count = new Count();
            if (bench == Bench.PINGPONG) {
                Continuation ping = counting(count);
                Continuation pong = counting(count);
                for (long i = 0; i < total; i += 2) {
                    ping.run();
                    pong.run();
                }
                total += total & 1; // the loop resumes in pairs
            } else {
                Continuation[] ring = new Continuation[p.ringActors()];
                for (int i = 0; i < ring.length; i++) {
                    ring[i] = counting(count);
                }
                int next = 0;
                for (long i = 0; i < total; i++) {
                    ring[next].run();
                    if (++next == ring.length) {
                        next = 0;
                    }
                }
            }
            Check.equal(total, count.value, bench.title + " bare continuations: resumes");
        }

        @Override
        public void close() {
        }
    }

    /**
     * Raw virtual-thread hand-offs: virtual threads passing a message over
     * {@link LinkedTransferQueue}s ({@code put}/{@code take}), the least a thread-per-actor
     * design can do. PingPong: two threads, N round trips (2N hand-offs). ThreadRing: a ring of N
     * threads passing Savina's ping token R+1 times and then the exit token once round the ring.
     */
    static final class VirtualThreadHandOff implements Implementation {

        @Override
        public boolean supports(Bench bench) {
            return bench == Bench.PINGPONG || bench == Bench.THREADRING;
        }

        private interface Body {
            void run() throws InterruptedException;
        }

        private static Thread start(Body body) {
            return Thread.ofVirtual().start(() -> {
                try {
                    body.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        private static void join(Thread[] threads, Duration timeout, String what) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Thread t : threads) {
                if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    for (Thread u : threads) {
                        u.interrupt();
                    }
                    throw new Check.Failed(what + ": threads still running after " + timeout);
                }
            }
        }

        @Override
        public void run(Bench bench, Params p, Duration timeout) throws Exception {
            if (bench == Bench.PINGPONG) {
                pingPong(p, timeout);
            } else {
                threadRing(p, timeout);
            }
        }

        private static void pingPong(Params p, Duration timeout) throws InterruptedException {
            int n = p.pingPongN();
            LinkedTransferQueue<Object> toPing = new LinkedTransferQueue<>();
            LinkedTransferQueue<Object> toPong = new LinkedTransferQueue<>();
            int[] pongs = {0};
            int[] received = {0};
            Thread pong = start(() -> {
                for (int i = 0; i < n; i++) {
                    toPing.put(toPong.take());
                    pongs[0]++;
                }
            });
            Thread ping = start(() -> {
                Object ball = new Object();
                for (int i = 0; i < n; i++) {
                    toPong.put(ball);
                    ball = toPing.take();
                    received[0]++;
                }
            });
            join(new Thread[] {ping, pong}, timeout, "PingPong virtual-thread hand-off");
            Check.equal(n, pongs[0], "PingPong virtual-thread hand-off: pongs");
            Check.equal(n, received[0], "PingPong virtual-thread hand-off: pongs received");
        }

        private static void threadRing(Params p, Duration timeout) throws InterruptedException {
            int actors = p.ringActors();
            @SuppressWarnings({"unchecked", "rawtypes"})
            LinkedTransferQueue<Object>[] inboxes = new LinkedTransferQueue[actors];
            for (int i = 0; i < actors; i++) {
                inboxes[i] = new LinkedTransferQueue<>();
            }
            int[] pings = new int[actors];
            int[] exits = new int[actors];
            Thread[] threads = new Thread[actors];
            for (int i = 0; i < actors; i++) {
                int id = i;
                LinkedTransferQueue<Object> in = inboxes[i];
                LinkedTransferQueue<Object> next = inboxes[(i + 1) % actors];
                threads[i] = start(() -> {
                    while (true) {
                        Object m = in.take();
                        if (m instanceof RingPing pm) {
                            pings[id]++;
                            next.put(pm.hasNext() ? pm.next() : new RingExit(actors - 1));
                        } else {
                            RingExit em = (RingExit) m;
                            if (em.hasNext()) {
                                next.put(em.next());
                            }
                            exits[id]++;
                            return;
                        }
                    }
                });
            }
            inboxes[0].put(new RingPing(p.ringPings()));
            join(threads, timeout, "ThreadRing virtual-thread hand-off");
            FrontierGeneratorActors.checkRing(p, pings, exits);
        }

        @Override
        public void close() {
        }
    }
}
