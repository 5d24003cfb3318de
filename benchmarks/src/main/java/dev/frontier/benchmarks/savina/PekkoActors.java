package dev.frontier.benchmarks.savina;

import static dev.frontier.benchmarks.savina.Check.unexpected;

import com.typesafe.config.ConfigFactory;
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
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;

/**
 * The benchmarks on Apache Pekko classic actors, a translation of Savina's Akka versions
 * ({@code *AkkaActorBenchmark.scala}): an {@code AbstractActor} whose receive hands every message
 * to {@code process} (Savina's {@code AkkaActor.process}), {@code exit()} as
 * {@code context.stop(self)}, top-level actors created with {@code system.actorOf}.
 *
 * <p>One {@link ActorSystem} per variant for the whole JVM run: either Pekko's defaults (the
 * default dispatcher, a fork-join pool of at least 8 threads, so both cores; throughput 5; the
 * default unbounded mailbox), or the same with the default dispatcher replaced by a
 * one-thread {@code thread-pool-executor} (every actor the benchmark creates on that one thread;
 * Pekko's system actors keep their internal dispatcher).
 * Savina's own Akka setup differs (a fork-join pool sized by the cores, and
 * {@code SingleConsumerOnlyUnboundedMailbox}); here Pekko is measured as a user gets it.
 *
 * <p>A run ends when every actor it created has stopped ({@code postStop}), not merely asked to.
 */
final class PekkoActors implements Implementation {

    private final ActorSystem system;

    private PekkoActors(ActorSystem system) {
        this.system = system;
    }

    /** Pekko's default dispatcher. */
    static PekkoActors defaultDispatcher() {
        return new PekkoActors(ActorSystem.create("savina", ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                """).withFallback(ConfigFactory.load())));
    }

    /** Every actor on one thread: the default dispatcher replaced by a one-thread pool. */
    static PekkoActors oneThread() {
        return new PekkoActors(ActorSystem.create("savina1t", ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.actor.default-dispatcher {
                  executor = "thread-pool-executor"
                  thread-pool-executor.fixed-pool-size = 1
                }
                """).withFallback(ConfigFactory.load())));
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Pekko did not terminate", e);
        }
    }

    /** One run: how many actors must stop before it is over, and the first failure. */
    static final class Run {
        final CountDownLatch stopped;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Run(int actors) {
            stopped = new CountDownLatch(actors);
        }

        /** An actor failed: end the run at once (Pekko would restart the actor and go on). */
        void fail(Throwable t) {
            failure.compareAndSet(null, t);
            while (stopped.getCount() > 0) {
                stopped.countDown();
            }
        }

        void await(String bench, Duration timeout) throws InterruptedException {
            boolean done = stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Throwable t = failure.get();
            if (t != null) {
                throw new Check.Failed(bench + ": an actor failed", t);
            }
            Check.that(done, bench + ": " + stopped.getCount() + " actors still running after " + timeout);
        }
    }

    /** Savina's {@code AkkaActor}: every message to {@link #process}; {@code exit()} stops the actor. */
    abstract static class SavinaActor extends AbstractActor {
        final Run run;

        SavinaActor(Run run) {
            this.run = run;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(this::processChecked).build();
        }

        private void processChecked(Object m) {
            try {
                process(m);
            } catch (RuntimeException | Error e) {
                run.fail(e);
                throw e;
            }
        }

        abstract void process(Object m);

        final void exit() {
            getContext().stop(getSelf());
        }

        @Override
        public void postStop() {
            run.stopped.countDown();
        }
    }

    /** Pekko 1.7's {@code Props.create} takes only the deprecated {@code japi.Creator}. */
    @SuppressWarnings("deprecation")
    private static <T extends SavinaActor> Props props(Class<T> type, org.apache.pekko.japi.Creator<T> creator) {
        return Props.create(type, creator);
    }

    @Override
    public void run(Bench bench, Params p, Duration timeout) throws Exception {
        switch (bench) {
            case PINGPONG -> pingPong(p, timeout);
            case COUNTING -> counting(p, timeout);
            case THREADRING -> threadRing(p, timeout);
            case CHAMENEOS -> chameneos(p, timeout);
            case BIG -> big(p, timeout);
            case FJCREATE -> fjCreate(p, timeout);
            case FJTHRPUT -> fjThroughput(p, timeout);
        }
    }

    // ------------------------------------------------------------------ PingPong

    private void pingPong(Params p, Duration timeout) throws Exception {
        Run run = new Run(2);
        int[] counts = new int[2];
        ActorRef pong = system.actorOf(props(Pong.class, () -> new Pong(run, counts)));
        ActorRef ping = system.actorOf(props(Ping.class, () -> new Ping(run, p.pingPongN(), pong, counts)));
        ping.tell(PingPong.START, ActorRef.noSender());
        run.await("PingPong", timeout);
        Check.equal(p.pingPongN(), counts[0], "PingPong: pongs sent");
        Check.equal(p.pingPongN(), counts[1], "PingPong: pongs received by ping");
    }

    static final class Ping extends SavinaActor {
        private final ActorRef pong;
        private final int[] counts;
        private int pingsLeft;
        private int received;

        Ping(Run run, int n, ActorRef pong, int[] counts) {
            super(run);
            this.pingsLeft = n;
            this.pong = pong;
            this.counts = counts;
        }

        @Override
        void process(Object m) {
            if (m == PingPong.START || m == PingPong.PING) {
                pong.tell(new SendPing(getSelf()), getSelf());
                pingsLeft--;
            } else if (m instanceof SendPong) {
                received++;
                if (pingsLeft > 0) {
                    getSelf().tell(PingPong.PING, getSelf());
                } else {
                    pong.tell(PingPong.STOP, getSelf());
                    counts[1] = received;
                    exit();
                }
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Pong extends SavinaActor {
        private final int[] counts;
        private int pongCount;

        Pong(Run run, int[] counts) {
            super(run);
            this.counts = counts;
        }

        @Override
        void process(Object m) {
            if (m instanceof SendPing sp) {
                ((ActorRef) sp.sender()).tell(new SendPong(getSelf()), getSelf());
                pongCount++;
            } else if (m == PingPong.STOP) {
                counts[0] = pongCount;
                exit();
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Counting

    private void counting(Params p, Duration timeout) throws Exception {
        Run run = new Run(2);
        int[] total = {-1};
        ActorRef counter = system.actorOf(props(Counter.class, () -> new Counter(run)));
        ActorRef producer = system.actorOf(props(Producer.class, () -> new Producer(run, p.countingN(), counter, total)));
        producer.tell(Counting.INCREMENT, ActorRef.noSender());
        run.await("Counting", timeout);
        Check.equal(p.countingN(), total[0], "Counting: the counter's total");
    }

    static final class Producer extends SavinaActor {
        private final int n;
        private final ActorRef counter;
        private final int[] total;

        Producer(Run run, int n, ActorRef counter, int[] total) {
            super(run);
            this.n = n;
            this.counter = counter;
            this.total = total;
        }

        @Override
        void process(Object m) {
            if (m == Counting.INCREMENT) {
                for (int i = 0; i < n; i++) {
                    counter.tell(m, getSelf());
                }
                counter.tell(new Retrieve(getSelf()), getSelf());
            } else if (m instanceof CountResult result) {
                total[0] = result.count();
                exit();
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Counter extends SavinaActor {
        private int count;

        Counter(Run run) {
            super(run);
        }

        @Override
        void process(Object m) {
            if (m == Counting.INCREMENT) {
                count++;
            } else if (m instanceof Retrieve r) {
                ((ActorRef) r.sender()).tell(new CountResult(count), getSelf());
                exit();
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ ThreadRing

    private void threadRing(Params p, Duration timeout) throws Exception {
        int actors = p.ringActors();
        Run run = new Run(actors);
        int[] pings = new int[actors];
        int[] exits = new int[actors];
        ActorRef[] ring = new ActorRef[actors];
        for (int i = 0; i < actors; i++) {
            int id = i;
            ring[i] = system.actorOf(props(RingActor.class, () -> new RingActor(run, id, actors, pings, exits)));
        }
        for (int i = 0; i < actors; i++) {
            ring[i].tell(new RingData(ring[(i + 1) % actors]), ActorRef.noSender());
        }
        ring[0].tell(new RingPing(p.ringPings()), ActorRef.noSender());
        run.await("ThreadRing", timeout);
        FrontierGeneratorActors.checkRing(p, pings, exits);
    }

    static final class RingActor extends SavinaActor {
        private final int id;
        private final int actors;
        private final int[] pings;
        private final int[] exits;
        private ActorRef next;

        RingActor(Run run, int id, int actors, int[] pings, int[] exits) {
            super(run);
            this.id = id;
            this.actors = actors;
            this.pings = pings;
            this.exits = exits;
        }

        @Override
        void process(Object m) {
            if (m instanceof RingPing pm) {
                pings[id]++;
                next.tell(pm.hasNext() ? pm.next() : new RingExit(actors - 1), getSelf());
            } else if (m instanceof RingExit em) {
                if (em.hasNext()) {
                    next.tell(em.next(), getSelf());
                }
                exits[id]++;
                exit();
            } else if (m instanceof RingData dm) {
                next = (ActorRef) dm.next();
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Chameneos

    private void chameneos(Params p, Duration timeout) throws Exception {
        Run run = new Run(p.chameneos() + 1);
        int[] result = {-1, -1};
        system.actorOf(props(Mall.class, () -> new Mall(run, p.meetings(), p.chameneos(), result)));
        run.await("Chameneos", timeout);
        FrontierGeneratorActors.checkChameneos(p, result[0], result[1]);
    }

    static final class Mall extends SavinaActor {
        private final int numChameneos;
        private final int[] result;
        private int n;
        private ActorRef waiting;
        private int sumMeetings;
        private int numFaded;

        Mall(Run run, int n, int numChameneos, int[] result) {
            super(run);
            this.n = n;
            this.numChameneos = numChameneos;
            this.result = result;
        }

        @Override
        public void preStart() {
            ActorRef self = getSelf();
            for (int i = 0; i < numChameneos; i++) {
                Color color = Color.values()[i % 3];
                getContext().getSystem().actorOf(props(Chameneo.class, () -> new Chameneo(run, self, color)));
            }
        }

        @Override
        void process(Object m) {
            if (m instanceof MeetingCount count) {
                numFaded++;
                sumMeetings += count.count();
                if (numFaded == numChameneos) {
                    result[0] = sumMeetings;
                    result[1] = numFaded;
                    exit();
                }
            } else if (m instanceof Meet meet) {
                if (n > 0) {
                    if (waiting == null) {
                        waiting = (ActorRef) meet.sender();
                    } else {
                        n--;
                        waiting.tell(m, getSelf());
                        waiting = null;
                    }
                } else {
                    ((ActorRef) meet.sender()).tell(new ChameneoExit(getSelf()), getSelf());
                }
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Chameneo extends SavinaActor {
        private final ActorRef mall;
        private Color color;
        private int meetings;

        Chameneo(Run run, ActorRef mall, Color color) {
            super(run);
            this.mall = mall;
            this.color = color;
        }

        @Override
        public void preStart() {
            mall.tell(new Meet(color, getSelf()), getSelf());
        }

        @Override
        void process(Object m) {
            if (m instanceof Meet meet) {
                color = color.complement(meet.color());
                meetings++;
                ((ActorRef) meet.sender()).tell(new Change(color, getSelf()), getSelf());
                mall.tell(new Meet(color, getSelf()), getSelf());
            } else if (m instanceof Change change) {
                color = change.color();
                meetings++;
                mall.tell(new Meet(color, getSelf()), getSelf());
            } else if (m instanceof ChameneoExit exit) {
                color = Color.FADED;
                ((ActorRef) exit.sender()).tell(new MeetingCount(meetings, getSelf()), getSelf());
                exit();
            } else {
                throw unexpected(m);
            }
        }
    }

    // ------------------------------------------------------------------ Big

    private void big(Params p, Duration timeout) throws Exception {
        int w = p.bigWorkers();
        Run run = new Run(w + 1);
        BigTally tally = new BigTally(w);
        ActorRef sink = system.actorOf(props(Sink.class, () -> new Sink(run, w, tally)));
        ActorRef[] workers = new ActorRef[w];
        for (int i = 0; i < w; i++) {
            int id = i;
            workers[i] = system.actorOf(props(BigActor.class, () -> new BigActor(run, id, p.bigPings(), sink, tally)));
        }
        Neighbors neighbors = new Neighbors(workers);
        sink.tell(neighbors, ActorRef.noSender());
        for (ActorRef worker : workers) {
            worker.tell(neighbors, ActorRef.noSender());
        }
        for (ActorRef worker : workers) {
            worker.tell(new BigPong(-1), ActorRef.noSender());
        }
        run.await("Big", timeout);
        tally.check(p);
    }

    static final class BigActor extends SavinaActor {
        private final int id;
        private final int numMessages;
        private final ActorRef sink;
        private final BigTally tally;
        private final PseudoRandom random;
        private final BigPing myPing;
        private final BigPong myPong;
        private int numPings;
        private int expPinger = -1;
        private int answered;
        private int wrongPongs;
        private Object[] neighbors;

        BigActor(Run run, int id, int numMessages, ActorRef sink, BigTally tally) {
            super(run);
            this.id = id;
            this.numMessages = numMessages;
            this.sink = sink;
            this.tally = tally;
            this.random = new PseudoRandom(id);
            this.myPing = new BigPing(id);
            this.myPong = new BigPong(id);
        }

        @Override
        void process(Object m) {
            if (m instanceof BigPing ping) {
                ((ActorRef) neighbors[ping.sender()]).tell(myPong, getSelf());
                answered++;
            } else if (m instanceof BigPong pong) {
                if (pong.sender() != expPinger) {
                    wrongPongs++;
                }
                if (numPings == numMessages) {
                    sink.tell(BigExit.EXIT, getSelf());
                } else {
                    int target = random.nextInt(neighbors.length);
                    expPinger = target;
                    ((ActorRef) neighbors[target]).tell(myPing, getSelf());
                    numPings++;
                }
            } else if (m == BigExit.EXIT) {
                tally.record(id, numPings, answered, wrongPongs);
                exit();
            } else if (m instanceof Neighbors nm) {
                neighbors = nm.actors();
            } else {
                throw unexpected(m);
            }
        }
    }

    static final class Sink extends SavinaActor {
        private final int numWorkers;
        private final BigTally tally;
        private int numMessages;
        private Object[] neighbors;

        Sink(Run run, int numWorkers, BigTally tally) {
            super(run);
            this.numWorkers = numWorkers;
            this.tally = tally;
        }

        @Override
        void process(Object m) {
            if (m == BigExit.EXIT) {
                numMessages++;
                if (numMessages == numWorkers) {
                    for (Object worker : neighbors) {
                        ((ActorRef) worker).tell(BigExit.EXIT, getSelf());
                    }
                    tally.sinkExits = numMessages;
                    exit();
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
        Run run = new Run(n);
        AtomicInteger handled = new AtomicInteger();
        Props props = props(ForkJoinActor.class, () -> new ForkJoinActor(run, handled));
        for (int i = 0; i < n; i++) {
            system.actorOf(props).tell(Messages.FJ_MESSAGE, ActorRef.noSender());
        }
        run.await("Fork-join creation", timeout);
        Check.equal(n, handled.get(), "Fork-join creation: actors that handled their message");
    }

    static final class ForkJoinActor extends SavinaActor {
        private final AtomicInteger handled;

        ForkJoinActor(Run run, AtomicInteger handled) {
            super(run);
            this.handled = handled;
        }

        @Override
        void process(Object m) {
            Messages.performComputation(Messages.THETA);
            handled.incrementAndGet();
            exit();
        }
    }

    private void fjThroughput(Params p, Duration timeout) throws Exception {
        int actors = p.fjThroughputActors();
        Run run = new Run(actors);
        int[] processed = new int[actors];
        ActorRef[] refs = new ActorRef[actors];
        for (int i = 0; i < actors; i++) {
            int id = i;
            refs[i] = system.actorOf(props(ThroughputActor.class, () -> new ThroughputActor(run, id, p.fjThroughputN(), processed)));
        }
        for (int m = 0; m < p.fjThroughputN(); m++) {
            for (ActorRef actor : refs) {
                actor.tell(Messages.FJ_MESSAGE, ActorRef.noSender());
            }
        }
        run.await("Fork-join throughput", timeout);
        FrontierGeneratorActors.checkThroughput(p, processed);
    }

    static final class ThroughputActor extends SavinaActor {
        private final int id;
        private final int total;
        private final int[] processed;
        private int count;

        ThroughputActor(Run run, int id, int total, int[] processed) {
            super(run);
            this.id = id;
            this.total = total;
            this.processed = processed;
        }

        @Override
        void process(Object m) {
            count++;
            Messages.performComputation(Messages.THETA);
            if (count == total) {
                processed[id] = count;
                exit();
            }
        }
    }
}
