package dev.frontier.benchmarks.savina;

import static dev.frontier.benchmarks.savina.Check.unexpected;
import static dev.frontier.benchmarks.savina.FrontierGeneratorActors.ref;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.MessageHandler;
import dev.frontier.benchmarks.savina.FrontierGeneratorActors.BigTally;
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
import dev.frontier.benchmarks.savina.Messages.Start;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmarks as Frontier <em>handler actors</em> ({@code spawnHandler}): state in fields, one
 * call per message, the actor ending itself with {@code ctx.system().stop(ctx.name())} where
 * Savina's actor calls {@code exit()}. Handlers have no start hook, so where Savina's actor acts
 * in {@code onPostStart} (Chameneos) it acts on a {@link Start} message instead: C more messages
 * out of about 4N.
 */
final class FrontierHandlerActors implements Implementation {

    private final FrontierHost host;

    FrontierHandlerActors(FrontierHost host) {
        this.host = host;
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

    /** Savina's {@code exit()}. */
    static void exit(ActorContext<?> ctx) {
        ctx.system().stop(ctx.name());
    }

    // ------------------------------------------------------------------ PingPong

    private void pingPong(Params p, Duration timeout) throws Exception {
        Pong pong = new Pong();
        ActorRef<Object> pongRef = host.spawnHandler("pong", pong);
        Ping ping = new Ping(p.pingPongN(), pongRef);
        host.spawnHandler("ping", ping).send(PingPong.START);
        host.complete(timeout);
        Check.equal(p.pingPongN(), pong.pongCount, "PingPong: pongs sent");
        Check.equal(p.pingPongN(), ping.received, "PingPong: pongs received by ping");
    }

    static final class Ping implements MessageHandler<Object> {
        private final ActorRef<Object> pong;
        private int pingsLeft;
        int received;

        Ping(int n, ActorRef<Object> pong) {
            this.pingsLeft = n;
            this.pong = pong;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m == PingPong.START || m == PingPong.PING) {
                ctx.send(pong, new SendPing(ctx.self()));
                pingsLeft--;
            } else if (m instanceof SendPong) {
                received++;
                if (pingsLeft > 0) {
                    ctx.send(ctx.self(), PingPong.PING);
                } else {
                    ctx.send(pong, PingPong.STOP);
                    exit(ctx);
                }
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Pong implements MessageHandler<Object> {
        int pongCount;

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m instanceof SendPing sp) {
                ctx.send(ref(sp.sender()), new SendPong(ctx.self()));
                pongCount++;
            } else if (m == PingPong.STOP) {
                exit(ctx);
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Counting

    private void counting(Params p, Duration timeout) throws Exception {
        ActorRef<Object> counter = host.spawnHandler("counter", new Counter());
        Producer producer = new Producer(p.countingN(), counter);
        host.spawnHandler("producer", producer).send(Counting.INCREMENT);
        host.complete(timeout);
        Check.equal(p.countingN(), producer.total, "Counting: the counter's total");
    }

    static final class Producer implements MessageHandler<Object> {
        private final int n;
        private final ActorRef<Object> counter;
        int total = -1;

        Producer(int n, ActorRef<Object> counter) {
            this.n = n;
            this.counter = counter;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m == Counting.INCREMENT) {
                for (int i = 0; i < n; i++) {
                    ctx.send(counter, m);
                }
                ctx.send(counter, new Retrieve(ctx.self()));
            } else if (m instanceof CountResult result) {
                total = result.count();
                exit(ctx);
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Counter implements MessageHandler<Object> {
        private int count;

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m == Counting.INCREMENT) {
                count++;
            } else if (m instanceof Retrieve r) {
                ctx.send(ref(r.sender()), new CountResult(count));
                exit(ctx);
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ ThreadRing

    private void threadRing(Params p, Duration timeout) throws Exception {
        int actors = p.ringActors();
        int[] pings = new int[actors];
        int[] exits = new int[actors];
        Object[] ring = new Object[actors];
        for (int i = 0; i < actors; i++) {
            ring[i] = host.spawnHandler("ring-" + i, new RingActor(i, actors, pings, exits));
        }
        for (int i = 0; i < actors; i++) {
            ref(ring[i]).send(new RingData(ring[(i + 1) % actors]));
        }
        ref(ring[0]).send(new RingPing(p.ringPings()));
        host.complete(timeout);
        FrontierGeneratorActors.checkRing(p, pings, exits);
    }

    static final class RingActor implements MessageHandler<Object> {
        private final int id;
        private final int actors;
        private final int[] pings;
        private final int[] exits;
        private ActorRef<Object> next;

        RingActor(int id, int actors, int[] pings, int[] exits) {
            this.id = id;
            this.actors = actors;
            this.pings = pings;
            this.exits = exits;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m instanceof RingPing pm) {
                pings[id]++;
                ctx.send(next, pm.hasNext() ? pm.next() : new RingExit(actors - 1));
            } else if (m instanceof RingExit em) {
                if (em.hasNext()) {
                    ctx.send(next, em.next());
                }
                exits[id]++;
                exit(ctx);
            } else if (m instanceof RingData dm) {
                next = ref(dm.next());
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Chameneos

    private void chameneos(Params p, Duration timeout) throws Exception {
        Mall mall = new Mall(host, p.meetings(), p.chameneos());
        host.spawnHandler("mall", mall).send(Start.START);
        host.complete(timeout);
        FrontierGeneratorActors.checkChameneos(p, mall.sumMeetings, mall.numFaded);
    }

    static final class Mall implements MessageHandler<Object> {
        private final FrontierHost host;
        private final int numChameneos;
        private int n;
        private ActorRef<Object> waiting;
        int sumMeetings;
        int numFaded;

        Mall(FrontierHost host, int n, int numChameneos) {
            this.host = host;
            this.n = n;
            this.numChameneos = numChameneos;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m instanceof MeetingCount count) {
                numFaded++;
                sumMeetings += count.count();
                if (numFaded == numChameneos) {
                    exit(ctx);
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
                    ctx.send(ref(meet.sender()), new ChameneoExit(ctx.self()));
                }
            } else if (m == Start.START) {
                for (int i = 0; i < numChameneos; i++) {
                    ActorRef<Object> c = host.spawnHandler("chameneo-" + i, new Chameneo(ctx.self(), Color.values()[i % 3]));
                    ctx.send(c, Start.START);
                }
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Chameneo implements MessageHandler<Object> {
        private final ActorRef<Object> mall;
        private Color color;
        private int meetings;

        Chameneo(ActorRef<Object> mall, Color color) {
            this.mall = mall;
            this.color = color;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m instanceof Meet meet) {
                color = color.complement(meet.color());
                meetings++;
                ctx.send(ref(meet.sender()), new Change(color, ctx.self()));
                ctx.send(mall, new Meet(color, ctx.self()));
            } else if (m instanceof Change change) {
                color = change.color();
                meetings++;
                ctx.send(mall, new Meet(color, ctx.self()));
            } else if (m instanceof ChameneoExit exit) {
                color = Color.FADED;
                ctx.send(ref(exit.sender()), new MeetingCount(meetings, ctx.self()));
                exit(ctx);
            } else if (m == Start.START) {
                ctx.send(mall, new Meet(color, ctx.self()));
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Big

    private void big(Params p, Duration timeout) throws Exception {
        int w = p.bigWorkers();
        BigTally tally = new BigTally(w);
        ActorRef<Object> sink = host.spawnHandler("sink", new Sink(w, tally));
        Object[] workers = new Object[w];
        for (int i = 0; i < w; i++) {
            workers[i] = host.spawnHandler("big-" + i, new BigActor(i, p.bigPings(), sink, tally));
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

    static final class BigActor implements MessageHandler<Object> {
        private final int id;
        private final int numMessages;
        private final ActorRef<Object> sink;
        private final BigTally tally;
        private final PseudoRandom random;
        private final BigPing myPing;
        private final BigPong myPong;
        private int numPings;
        private int expPinger = -1;
        private int answered;
        private int wrongPongs;
        private Object[] neighbors;

        BigActor(int id, int numMessages, ActorRef<Object> sink, BigTally tally) {
            this.id = id;
            this.numMessages = numMessages;
            this.sink = sink;
            this.tally = tally;
            this.random = new PseudoRandom(id);
            this.myPing = new BigPing(id);
            this.myPong = new BigPong(id);
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m instanceof BigPing ping) {
                ctx.send(ref(neighbors[ping.sender()]), myPong);
                answered++;
            } else if (m instanceof BigPong pong) {
                if (pong.sender() != expPinger) {
                    wrongPongs++;
                }
                if (numPings == numMessages) {
                    ctx.send(sink, BigExit.EXIT);
                } else {
                    int target = random.nextInt(neighbors.length);
                    expPinger = target;
                    ctx.send(ref(neighbors[target]), myPing);
                    numPings++;
                }
            } else if (m == BigExit.EXIT) {
                tally.record(id, numPings, answered, wrongPongs);
                exit(ctx);
            } else if (m instanceof Neighbors nm) {
                neighbors = nm.actors();
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Sink implements MessageHandler<Object> {
        private final int numWorkers;
        private final BigTally tally;
        private int numMessages;
        private Object[] neighbors;

        Sink(int numWorkers, BigTally tally) {
            this.numWorkers = numWorkers;
            this.tally = tally;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            if (m == BigExit.EXIT) {
                numMessages++;
                if (numMessages == numWorkers) {
                    for (Object worker : neighbors) {
                        ctx.send(ref(worker), BigExit.EXIT);
                    }
                    tally.sinkExits = numMessages;
                    exit(ctx);
                }
            } else if (m instanceof Neighbors nm) {
                neighbors = nm.actors();
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ fork-join

    private void fjCreate(Params p, Duration timeout) throws Exception {
        int n = p.fjCreateN();
        AtomicInteger handled = new AtomicInteger();
        MessageHandler<Object> worker = (ctx, m) -> {
            Messages.performComputation(Messages.THETA);
            handled.incrementAndGet();
            exit(ctx);
        };
        for (int i = 0; i < n; i++) {
            host.spawnHandler("fj-" + i, worker).send(Messages.FJ_MESSAGE);
        }
        host.complete(timeout);
        Check.equal(n, handled.get(), "Fork-join creation: actors that handled their message");
    }

    private void fjThroughput(Params p, Duration timeout) throws Exception {
        int actors = p.fjThroughputActors();
        int[] processed = new int[actors];
        @SuppressWarnings({"unchecked", "rawtypes"})
        ActorRef<Object>[] refs = new ActorRef[actors];
        for (int i = 0; i < actors; i++) {
            refs[i] = host.spawnHandler("thr-" + i, new ThroughputActor(i, p.fjThroughputN(), processed));
        }
        for (int m = 0; m < p.fjThroughputN(); m++) {
            for (ActorRef<Object> actor : refs) {
                actor.send(Messages.FJ_MESSAGE);
            }
        }
        host.complete(timeout);
        FrontierGeneratorActors.checkThroughput(p, processed);
    }

    static final class ThroughputActor implements MessageHandler<Object> {
        private final int id;
        private final int total;
        private final int[] processed;
        private int count;

        ThroughputActor(int id, int total, int[] processed) {
            this.id = id;
            this.total = total;
            this.processed = processed;
        }

        @Override
        public void handle(ActorContext<Object> ctx, Object m) {
            count++;
            Messages.performComputation(Messages.THETA);
            if (count == total) {
                processed[id] = count;
                exit(ctx);
            }
        }
    }
}
