package dev.frontier.benchmarks.savina;

import static dev.frontier.benchmarks.savina.Check.unexpected;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.benchmarks.savina.Messages.BigExit;
import dev.frontier.benchmarks.savina.Messages.BigPing;
import dev.frontier.benchmarks.savina.Messages.BigPong;
import dev.frontier.benchmarks.savina.Messages.ChameneoExit;
import dev.frontier.benchmarks.savina.Messages.Change;
import dev.frontier.benchmarks.savina.Messages.Color;
import dev.frontier.benchmarks.savina.Messages.CountResult;
import dev.frontier.benchmarks.savina.Messages.Counting;
import dev.frontier.benchmarks.savina.Messages.Meet;
import dev.frontier.benchmarks.savina.Messages.MeetingCount;
import dev.frontier.benchmarks.savina.Messages.Neighbors;
import dev.frontier.benchmarks.savina.Messages.PingPong;
import dev.frontier.benchmarks.savina.Messages.PseudoRandom;
import dev.frontier.benchmarks.savina.Messages.Retrieve;
import dev.frontier.benchmarks.savina.Messages.RingData;
import dev.frontier.benchmarks.savina.Messages.RingExit;
import dev.frontier.benchmarks.savina.Messages.RingPing;
import dev.frontier.benchmarks.savina.Messages.SendPing;
import dev.frontier.benchmarks.savina.Messages.SendPong;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks as Frontier <em>generator actors</em>: each actor is a body looping on
 * {@code ctx.receive()}, its state in local variables, ending by returning. The same bodies run
 * on a deque scheduler or thread-per-actor, whichever {@link FrontierHost} they are given.
 * Protocols follow Savina's Akka versions message for message (see {@link Messages}).
 */
final class FrontierGeneratorActors implements Implementation {

    private final FrontierHost host;

    FrontierGeneratorActors(FrontierHost host) {
        this.host = host;
    }

    @SuppressWarnings("unchecked")
    static ActorRef<Object> ref(Object o) {
        return (ActorRef<Object>) o;
    }

    @Override
    public void run(Bench bench, Params p, Duration timeout) throws Exception {
        host.begin();
        switch (bench) {
            case PINGPONG -> pingPong(p, timeout);
            case COUNTING -> counting(p, timeout);
            case THREADRING -> threadRing(p, timeout);
            case CHAMENEOS -> chameneos(p, timeout);
            case BIG -> big(p, timeout);
            case FJCREATE -> fjCreate(p, timeout);
            case FJTHRPUT -> fjThroughput(p, timeout);
        }
        host.verifyClean(bench.title);
    }

    @Override
    public void close() {
        host.close();
    }

    private void pingPong(Params p, Duration timeout) throws Exception {
        int n = p.pingPongN();
        int[] pongsSent = {0};
        int[] pongsReceived = {0};
        ActorRef<Object> pong = host.spawn("pong", (ActorContext<Object> ctx) -> {
            int pongCount = 0;
            while (true) {
                Object m = ctx.receive();
                if (m instanceof SendPing sp) {
                    ctx.send(ref(sp.sender()), new SendPong(ctx.self()));
                    pongCount++;
                } else if (m == PingPong.STOP) {
                    pongsSent[0] = pongCount;
                    return;
                } else {
                    throw unexpected(m);
                }
            }
        });
        ActorRef<Object> ping = host.spawn("ping", (ActorContext<Object> ctx) -> {
            int pingsLeft = n;
            int received = 0;
            while (true) {
                Object m = ctx.receive();
                if (m == PingPong.START || m == PingPong.PING) {
                    ctx.send(pong, new SendPing(ctx.self()));
                    pingsLeft--;
                } else if (m instanceof SendPong) {
                    received++;
                    if (pingsLeft > 0) {
                        ctx.send(ctx.self(), PingPong.PING);
                    } else {
                        ctx.send(pong, PingPong.STOP);
                        pongsReceived[0] = received;
                        return;
                    }
                } else {
                    throw unexpected(m);
                }
            }
        });
        ping.send(PingPong.START);
        host.complete(timeout);
        Check.equal(n, pongsSent[0], "PingPong: pongs sent");
        Check.equal(n, pongsReceived[0], "PingPong: pongs received by ping");
    }

    private void counting(Params p, Duration timeout) throws Exception {
        int n = p.countingN();
        int[] total = {-1};
        ActorRef<Object> counter = host.spawn("counter", (ActorContext<Object> ctx) -> {
            int count = 0;
            while (true) {
                Object m = ctx.receive();
                if (m == Counting.INCREMENT) {
                    count++;
                } else if (m instanceof Retrieve r) {
                    ctx.send(ref(r.sender()), new CountResult(count));
                    return;
                } else {
                    throw unexpected(m);
                }
            }
        });
        ActorRef<Object> producer = host.spawn("producer", (ActorContext<Object> ctx) -> {
            Object m = ctx.receive();
            if (m != Counting.INCREMENT) {
                throw unexpected(m);
            }
            for (int i = 0; i < n; i++) {
                ctx.send(counter, m);
            }
            ctx.send(counter, new Retrieve(ctx.self()));
            if (!(ctx.receive() instanceof CountResult result)) {
                throw new IllegalStateException("the counter did not answer with a CountResult");
            }
            total[0] = result.count();
        });
        producer.send(Counting.INCREMENT);
        host.complete(timeout);
        Check.equal(n, total[0], "Counting: the counter's total");
    }

    private void threadRing(Params p, Duration timeout) throws Exception {
        int actors = p.ringActors();
        int[] pings = new int[actors];
        int[] exits = new int[actors];
        Object[] ring = new Object[actors];
        for (int i = 0; i < actors; i++) {
            int id = i;
            ring[i] = host.spawn("ring-" + i, (ActorContext<Object> ctx) -> {
                ActorRef<Object> next = null;
                int handled = 0;
                while (true) {
                    Object m = ctx.receive();
                    if (m instanceof RingPing pm) {
                        handled++;
                        // Savina starts the exit at N, which sends one message past the last
                        // actor (a dead letter); N - 1 reaches every actor exactly once
                        ctx.send(next, pm.hasNext() ? pm.next() : new RingExit(actors - 1));
                    } else if (m instanceof RingExit em) {
                        if (em.hasNext()) {
                            ctx.send(next, em.next());
                        }
                        pings[id] = handled;
                        exits[id]++;
                        return;
                    } else if (m instanceof RingData dm) {
                        next = ref(dm.next());
                    } else {
                        throw unexpected(m);
                    }
                }
            });
        }
        for (int i = 0; i < actors; i++) {
            ref(ring[i]).send(new RingData(ring[(i + 1) % actors]));
        }
        ref(ring[0]).send(new RingPing(p.ringPings()));
        host.complete(timeout);
        checkRing(p, pings, exits);
    }

    static void checkRing(Params p, int[] pings, int[] exits) {
        long sum = 0;
        for (int i = 0; i < pings.length; i++) {
            sum += pings[i];
            Check.equal(1, exits[i], "ThreadRing: exits seen by actor " + i);
        }
        Check.equal(p.ringPings() + 1L, sum, "ThreadRing: pings handled");
    }

    private void chameneos(Params p, Duration timeout) throws Exception {
        int numChameneos = p.chameneos();
        int[] result = {-1, -1}; // meetings summed, chameneos faded
        host.spawn("mall", (ActorContext<Object> ctx) -> {
            ActorRef<Object> mall = ctx.self();
            // Savina's onPostStart: the mall starts the chameneos
            for (int i = 0; i < numChameneos; i++) {
                Color initial = Color.values()[i % 3];
                host.spawn("chameneo-" + i, (ActorContext<Object> c) -> {
                    Color color = initial;
                    int meetings = 0;
                    c.send(mall, new Meet(color, c.self())); // Savina's onPostStart
                    while (true) {
                        Object m = c.receive();
                        if (m instanceof Meet meet) {
                            color = color.complement(meet.color());
                            meetings++;
                            c.send(ref(meet.sender()), new Change(color, c.self()));
                            c.send(mall, new Meet(color, c.self()));
                        } else if (m instanceof Change change) {
                            color = change.color();
                            meetings++;
                            c.send(mall, new Meet(color, c.self()));
                        } else if (m instanceof ChameneoExit exit) {
                            color = Color.FADED;
                            c.send(ref(exit.sender()), new MeetingCount(meetings, c.self()));
                            return;
                        } else {
                            throw unexpected(m);
                        }
                    }
                });
            }
            int n = p.meetings();
            ActorRef<Object> waiting = null;
            int sumMeetings = 0;
            int faded = 0;
            while (true) {
                Object m = ctx.receive();
                if (m instanceof MeetingCount count) {
                    faded++;
                    sumMeetings += count.count();
                    if (faded == numChameneos) {
                        result[0] = sumMeetings;
                        result[1] = faded;
                        return;
                    }
                } else if (m instanceof Meet meet) {
                    if (n > 0) {
                        if (waiting == null) {
                            waiting = ref(meet.sender());
                        } else {
                            n--;
                            ctx.send(waiting, m);
                            waiting = null;
                        }
                    } else {
                        ctx.send(ref(meet.sender()), new ChameneoExit(mall));
                    }
                } else {
                    throw unexpected(m);
                }
            }
        });
        host.complete(timeout);
        checkChameneos(p, result[0], result[1]);
    }

    static void checkChameneos(Params p, int sumMeetings, int faded) {
        Check.equal(p.chameneos(), faded, "Chameneos: chameneos faded");
        Check.equal(2L * p.meetings(), sumMeetings, "Chameneos: meetings counted by the chameneos (two per meeting)");
    }

    private void big(Params p, Duration timeout) throws Exception {
        int w = p.bigWorkers();
        int n = p.bigPings();
        BigTally tally = new BigTally(w);
        ActorRef<Object> sink = host.spawn("sink", (ActorContext<Object> ctx) -> {
            Object[] neighbors = null;
            int exits = 0;
            while (true) {
                Object m = ctx.receive();
                if (m == BigExit.EXIT) {
                    exits++;
                    if (exits == w) {
                        for (Object worker : neighbors) {
                            ctx.send(ref(worker), BigExit.EXIT);
                        }
                        tally.sinkExits = exits;
                        return;
                    }
                } else if (m instanceof Neighbors nm) {
                    neighbors = nm.actors();
                } else {
                    throw unexpected(m);
                }
            }
        });
        Object[] workers = new Object[w];
        for (int i = 0; i < w; i++) {
            int id = i;
            workers[i] = host.spawn("big-" + i, (ActorContext<Object> ctx) -> {
                int numPings = 0;
                int expPinger = -1;
                int answered = 0;
                int wrongPongs = 0;
                PseudoRandom random = new PseudoRandom(id);
                Object[] neighbors = null;
                BigPing myPing = new BigPing(id);
                BigPong myPong = new BigPong(id);
                while (true) {
                    Object m = ctx.receive();
                    if (m instanceof BigPing ping) {
                        ctx.send(ref(neighbors[ping.sender()]), myPong);
                        answered++;
                    } else if (m instanceof BigPong pong) {
                        if (pong.sender() != expPinger) {
                            wrongPongs++;
                        }
                        if (numPings == n) {
                            ctx.send(sink, BigExit.EXIT);
                        } else {
                            int target = random.nextInt(neighbors.length);
                            expPinger = target;
                            ctx.send(ref(neighbors[target]), myPing);
                            numPings++;
                        }
                    } else if (m == BigExit.EXIT) {
                        tally.record(id, numPings, answered, wrongPongs);
                        return;
                    } else if (m instanceof Neighbors nm) {
                        neighbors = nm.actors();
                    } else {
                        throw unexpected(m);
                    }
                }
            });
        }
        Neighbors neighbors = new Neighbors(workers);
        sink.send(neighbors);
        for (Object worker : workers) {
            ref(worker).send(neighbors);
        }
        for (Object worker : workers) {
            ref(worker).send(new BigPong(-1));
        }
        host.complete(timeout);
        tally.check(p);
    }

    /** What Big's actors report when they exit; each worker writes its own slots. */
    static final class BigTally {
        final int[] pingsSent;
        final int[] pingsAnswered;
        final int[] wrongPongs;
        volatile int sinkExits = -1;

        BigTally(int workers) {
            pingsSent = new int[workers];
            pingsAnswered = new int[workers];
            wrongPongs = new int[workers];
        }

        void record(int id, int sent, int answered, int wrong) {
            pingsSent[id] = sent;
            pingsAnswered[id] = answered;
            wrongPongs[id] = wrong;
        }

        void check(Params p) {
            Check.equal(p.bigWorkers(), sinkExits, "Big: workers that reported to the sink");
            long answered = 0;
            for (int i = 0; i < pingsSent.length; i++) {
                Check.equal(p.bigPings(), pingsSent[i], "Big: pings sent by worker " + i);
                Check.equal(0, wrongPongs[i], "Big: pongs from an unexpected peer at worker " + i);
                answered += pingsAnswered[i];
            }
            Check.equal((long) p.bigWorkers() * p.bigPings(), answered, "Big: pings answered");
        }
    }

    private void fjCreate(Params p, Duration timeout) throws Exception {
        int n = p.fjCreateN();
        AtomicInteger handled = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            ActorRef<Object> worker = host.spawn("fj-" + i, (ActorContext<Object> ctx) -> {
                ctx.receive();
                Messages.performComputation(Messages.THETA);
                handled.incrementAndGet();
            });
            worker.send(Messages.FJ_MESSAGE);
        }
        host.complete(timeout);
        Check.equal(n, handled.get(), "Fork-join creation: actors that handled their message");
    }

    private void fjThroughput(Params p, Duration timeout) throws Exception {
        int actors = p.fjThroughputActors();
        int n = p.fjThroughputN();
        int[] processed = new int[actors];
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<Object>[] refs = new ActorRef[actors];
        for (int i = 0; i < actors; i++) {
            int id = i;
            refs[i] = host.spawn("thr-" + i, (ActorContext<Object> ctx) -> {
                int count = 0;
                while (count < n) {
                    ctx.receive();
                    count++;
                    Messages.performComputation(Messages.THETA);
                }
                processed[id] = count;
            });
        }
        for (int m = 0; m < n; m++) {
            for (ActorRef<Object> actor : refs) {
                actor.send(Messages.FJ_MESSAGE);
            }
        }
        host.complete(timeout);
        checkThroughput(p, processed);
    }

    static void checkThroughput(Params p, int[] processed) {
        for (int i = 0; i < processed.length; i++) {
            Check.equal(p.fjThroughputN(), processed[i], "Fork-join throughput: messages handled by actor " + i);
        }
    }
}
