package dev.frontier.scheduler;

import dev.frontier.actor.Cancellable;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The seed's Solution 1 ("wrap the generator with a thread"): each actor runs on its own thread
 * (virtual by default, platform optionally), and {@code receive} blocks that thread. It is the same
 * actor code and the same delivery loop as the deque scheduler, hosted on one thread per actor:
 * the thread takes a message from the actor's mailbox and resumes the actor's generator with it.
 *
 * <p>Each mailbox is a JCTools MPSC queue (any thread sends, only the actor's thread takes); an
 * idle actor thread parks after re-checking its mailbox, and a sender unparks it.
 * {@link #shutdown()} asks every actor thread to close its actor and waits for all of them.
 */
public final class ThreadPerActorSystem extends AbstractActorSystem {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPerActorSystem.class);
    private static final Object STOP = new Object() {
        @Override
        public String toString() {
            return "stop";
        }
    };

    private final ThreadLocal<ActorCell<?>> current = new ThreadLocal<>();
    /** Live actor threads; each removes itself when its actor ends. */
    private final java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ThreadPerActorSystem(ActorSystemOptions options) {
        super(options);
    }

    /** Each actor on its own virtual thread. */
    public static ThreadPerActorSystem create() {
        return new ThreadPerActorSystem(ActorSystemOptions.defaults());
    }

    /** Each actor on its own thread; {@link ActorSystemOptions#withVirtualThreads} picks the kind. */
    public static ThreadPerActorSystem create(ActorSystemOptions options) {
        return new ThreadPerActorSystem(options);
    }

    /** One actor's mailbox and thread. */
    private static final class Host {
        /**
         * A message in a mailbox. Claimed exactly once: by the actor's thread when it delivers it
         * or dead-letters it at the end, or by a sender that finds the mailbox closed after
         * offering, so a message racing with the actor's end becomes exactly one dead letter.
         */
        static final class Envelope extends java.util.concurrent.atomic.AtomicBoolean {
            private static final long serialVersionUID = 1L;
            final transient ActorCell<?> sender;
            final transient Object message;

            Envelope(ActorCell<?> sender, Object message) {
                this.sender = sender;
                this.message = message;
            }

            boolean claim() {
                return compareAndSet(false, true);
            }
        }

        static final int SPINS_BEFORE_PARK = Integer.getInteger("frontier.actorThread.spins", 256);

        final MpscUnboundedXaddArrayQueue<Object> mailbox = new MpscUnboundedXaddArrayQueue<>(64);
        volatile Thread thread;
        volatile boolean waiting;
        /** Set by the actor's thread before its final drain; later offers dead-letter themselves. */
        volatile boolean closed;

        void offer(Object entry) {
            mailbox.offer(entry);
            if (waiting) {
                waiting = false;
                LockSupport.unpark(thread);
            }
        }

        /**
         * Takes the next entry, spinning briefly and then parking while there is none. The spin
         * catches a reply that is already on its way (ping-pong) without a park/unpark pair.
         * Must only be called from the actor's thread.
         */
        Object take() {
            for (int spins = 0; spins < SPINS_BEFORE_PARK; spins++) {
                Object e = mailbox.relaxedPoll();
                if (e != null) {
                    return e;
                }
                Thread.onSpinWait();
            }
            for (;;) {
                Object e = mailbox.relaxedPoll();
                if (e != null) {
                    return e;
                }
                waiting = true;
                if (mailbox.isEmpty()) {
                    LockSupport.park(this);
                }
                waiting = false;
            }
        }
    }

    @Override
    void post(ActorCell<?> target, ActorCell<?> sender, Object message) {
        if (!target.isAlive()) {
            deadLetter(target.name, sender, message);
            return;
        }
        Host host = (Host) target.host;
        Host.Envelope envelope = new Host.Envelope(sender, message);
        host.offer(envelope);
        if (host.closed && envelope.claim()) {
            deadLetter(target.name, sender, message);
        }
    }

    @Override
    void launch(ActorCell<?> cell) {
        Host host = new Host();
        cell.host = host;
        Thread.Builder builder = options.virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon(false);
        Thread t = builder.name("actor-" + cell.name).unstarted(() -> runActor(cell, host));
        host.thread = t;
        threads.add(t);
        t.start();
    }

    @Override
    void stopActor(ActorCell<?> cell) {
        ((Host) cell.host).offer(STOP);
    }

    @Override
    ActorCell<?> currentActor() {
        return current.get();
    }

    /** Completed by the actor's thread after its final mailbox drain, in {@code runActor}. */
    @Override
    void finish(ActorCell<?> cell) {
    }

    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        ((Host) cell.host).offer((Runnable) () -> {
            if (options.mdc) {
                mdcEnter(cell);
            }
            action.run();
        });
    }

    /**
     * Timers run on one platform thread, {@code frontier-timers}, started on first use and ended
     * by {@link #shutdown()}; they use real time (the clock option is the deque scheduler's).
     */
    @Override
    Cancellable schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> f = timers().schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    private synchronized ScheduledThreadPoolExecutor timers() {
        if (timerThread == null) {
            if (shutdown) {
                throw new IllegalStateException("the actor system is shut down");
            }
            timerThread = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "frontier-timers");
                t.setDaemon(true);
                return t;
            });
            timerThread.setRemoveOnCancelPolicy(true);
        }
        return timerThread;
    }

    private ScheduledThreadPoolExecutor timerThread;

    /** The actor's thread: start, then deliver each message, until the actor ends or is stopped. */
    private void runActor(ActorCell<?> cell, Host host) {
        current.set(cell);
        try {
            start(cell);
            while (cell.isAlive()) {
                Object e = host.take();
                if (e == STOP) {
                    closeActor(cell);
                    break;
                }
                if (e instanceof Runnable command) {
                    command.run();
                    continue;
                }
                Host.Envelope env = (Host.Envelope) e;
                if (env.claim()) {
                    deliver(cell, env.sender, env.message);
                }
            }
        } finally {
            host.closed = true;
            // poll(), not relaxedPoll(): a producer mid-offer must not end the final drain early
            while (!host.mailbox.isEmpty()) {
                if (host.mailbox.poll() instanceof Host.Envelope env && env.claim()) {
                    deadLetter(cell.name, env.sender, env.message);
                }
            }
            current.remove();
            MDC.clear();
            threads.remove(Thread.currentThread());
            if (cell.isAlive()) {
                ended(cell, null); // the thread is ending without the actor having ended: e.g. interrupted
            }
            cell.finished();
        }
    }

    /**
     * Stops every actor (each closes on its own thread, so its {@code finally} blocks run there)
     * and waits up to 10 s for every actor thread to end; threads still running are interrupted.
     */
    @Override
    public void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        ScheduledThreadPoolExecutor t0;
        synchronized (this) {
            t0 = timerThread;
        }
        if (t0 != null) {
            t0.shutdownNow();
        }
        for (ActorCell<?> cell : registry.values()) {
            stopActor(cell);
        }
        List<Thread> all = new ArrayList<>(threads);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (Thread t : all) {
            if (t == Thread.currentThread()) {
                continue;
            }
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                LOG.error("actor thread {} did not stop within 10 s; interrupting it", t.getName());
                t.interrupt();
            }
        }
        if (t0 != null) {
            try {
                t0.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
