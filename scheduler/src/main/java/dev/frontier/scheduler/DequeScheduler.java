package dev.frontier.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import dev.frontier.actor.Cancellable;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's Solution 2, a tiny message scheduler: {@code send} appends to a deque and
 * {@link #run()} delivers until there is nothing left. Recursive ping-pong works because a send
 * never calls into the receiver; it only queues.
 *
 * <pre>{@code
 * DequeScheduler s = DequeScheduler.create();
 * s.spawn("ping", ...); s.spawn("pong", ...);
 * s.send("ping", 0);
 * s.run();
 * }</pre>
 *
 * <h2>Threads</h2>
 * The scheduler thread is the thread that created the scheduler, until {@link #start()} hands
 * the role to a dedicated thread. Only the scheduler thread touches the deque and runs actors.
 * Every cross-thread entry point follows one rule, in {@link #post} and {@link #execute}: on the
 * scheduler thread, push to the deque; otherwise offer to a JCTools MPSC inbox and wake the
 * scheduler thread. The inbox is unbounded (a failed offer cannot happen), so no message is lost.
 *
 * <h2>Bounded duty cycle</h2>
 * {@link #runOnce()} takes at most {@code inboxDrainLimit} entries from the inbox and delivers at
 * most {@code batchLimit} messages, then returns how much it did. Deliveries are FIFO across all
 * actors (each message waits behind those sent before it), so one chatty actor cannot starve the
 * others; the batch bound keeps the inbox, and so other threads, from being starved by local
 * traffic.
 */
public final class DequeScheduler extends AbstractActorSystem implements java.util.concurrent.Executor {

    private static final Logger LOG = LoggerFactory.getLogger(DequeScheduler.class);
    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(DequeScheduler.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A message or command from another thread. */
    private record Envelope(ActorCell<?> target, ActorCell<?> sender, Object message) {
    }

    private final EnvelopeQueue deque = new EnvelopeQueue();
    private final MpscUnboundedXaddArrayQueue<Object> inbox = new MpscUnboundedXaddArrayQueue<>(1024);
    private volatile Thread owner;
    private volatile Thread dedicated;
    private volatile boolean running;
    private volatile boolean parked;
    /** Timers by deadline. Scheduler thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timersSet;
    private final SchedulerClock clock;
    /** The actor being delivered to. Scheduler thread only. */
    private ActorCell<?> current;
    private long delivered;

    private DequeScheduler(ActorSystemOptions options) {
        super(options);
        this.owner = Thread.currentThread();
        this.clock = options.clock;
    }

    /** A scheduler driven by the calling thread (call {@link #run()}), or by its own after {@link #start()}. */
    public static DequeScheduler create() {
        return new DequeScheduler(ActorSystemOptions.defaults());
    }

    public static DequeScheduler create(ActorSystemOptions options) {
        return new DequeScheduler(options);
    }

    /** Whether the calling thread is this scheduler's thread. */
    public boolean isSchedulerThread() {
        return Thread.currentThread() == owner;
    }

    /**
     * One duty cycle: drain a bounded number of inbox entries, deliver a bounded batch of
     * messages. Returns how many entries and messages it handled (0: nothing to do).
     * Must only be called from the scheduler thread.
     */
    public int runOnce() {
        checkSchedulerThread("runOnce");
        return dutyCycle();
    }

    /** Inbox, then due timers, then a batch of deliveries; each bounded. */
    private int dutyCycle() {
        return drainInbox() + fireTimers() + deliverBatch();
    }

    /**
     * The seed's {@code run()}: delivers until there is nothing left, and returns how many
     * entries it handled. Timers not yet due are not "something left": with a {@link ManualClock},
     * advance it and call {@code run()} again. Must only be called from the scheduler thread.
     */
    public long run() {
        checkSchedulerThread("run");
        long total = 0;
        for (int work; (work = dutyCycle()) > 0; ) {
            total += work;
        }
        return total;
    }

    /** Messages delivered so far. */
    public long deliveredCount() {
        return delivered;
    }

    /** Messages waiting in the deque (scheduler thread only; a snapshot). */
    public int pending() {
        checkSchedulerThread("pending");
        return deque.size();
    }

    /**
     * Moves the scheduler onto a dedicated platform thread named {@code frontier-scheduler} that
     * runs duty cycles, idling with the configured {@link IdleStrategy} when there is no work.
     * From then on every thread, including the creator, sends through the inbox. Must only be
     * called from the scheduler thread, once.
     */
    public synchronized DequeScheduler start() {
        checkSchedulerThread("start");
        if (dedicated != null) {
            throw new IllegalStateException("the scheduler is already started");
        }
        Thread t = new Thread(this::loop, "frontier-scheduler");
        running = true;
        dedicated = t;
        owner = t;
        t.start();
        return this;
    }

    /**
     * Runs {@code command} on the scheduler thread, after what is already queued. Any thread.
     *
     * @throws java.util.concurrent.RejectedExecutionException from another thread once the
     *     scheduler is shut down: nothing would ever run it
     */
    @Override
    public void execute(Runnable command) {
        if (isSchedulerThread()) {
            deque.add(null, null, command);
        } else {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("the scheduler is shut down; " + command + " will not run");
            }
            inbox.offer(command);
            wake();
        }
    }

    /**
     * Closes every actor and, if started, stops the scheduler thread (waiting up to 10 s for it).
     * Messages still queued become dead letters; commands already accepted by {@link #execute}
     * still run, and later ones from other threads are rejected. Must only be called from the
     * scheduler thread, unless the scheduler was {@link #start() started}.
     */
    @Override
    public void shutdown() {
        if (shutdown) {
            return;
        }
        Thread t = dedicated;
        if (t == null) {
            checkSchedulerThread("shutdown");
            shutdown = true;
            closeEverything();
            return;
        }
        shutdown = true;
        running = false;
        LockSupport.unpark(t);
        if (Thread.currentThread() == t) {
            return; // called by an actor: the loop closes everything when this cycle ends
        }
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.error("scheduler thread did not stop within 10 s; interrupting it (an actor is stuck in {})", current);
            t.interrupt();
        }
    }

    // ------------------------------------------------------------------ mode hooks

    @Override
    void post(ActorCell<?> target, ActorCell<?> sender, Object message) {
        if (shutdown) {
            deadLetter(target.name, sender, message);
            return;
        }
        if (Thread.currentThread() == owner) {
            deque.add(target, sender, message);
        } else {
            inbox.offer(new Envelope(target, sender, message));
            wake();
        }
    }

    @Override
    void launch(ActorCell<?> cell) {
        if (isSchedulerThread() && current == null) {
            startOnSchedulerThread(cell);
        } else {
            execute(() -> startOnSchedulerThread(cell));
        }
    }

    @Override
    void stopActor(ActorCell<?> cell) {
        if (isSchedulerThread() && current != cell) {
            closeActor(cell);
        } else {
            execute(() -> closeActor(cell));
        }
    }

    @Override
    ActorCell<?> currentActor() {
        return Thread.currentThread() == owner ? current : null;
    }

    @Override
    Cancellable schedule(Duration delay, Runnable action) {
        Timer t = new Timer(clock.nanoTime() + delay.toNanos(), action);
        if (isSchedulerThread()) {
            addTimer(t);
        } else {
            execute(() -> addTimer(t));
        }
        return t;
    }

    private void addTimer(Timer t) {
        t.sequence = timersSet++;
        timers.add(t);
    }

    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        execute(() -> {
            ActorCell<?> outer = current;
            current = cell;
            if (options.mdc) {
                mdcEnter(cell);
            }
            try {
                action.run();
            } finally {
                current = outer;
            }
        });
    }

    /** Timers scheduled and not yet fired or dropped (scheduler thread only). */
    public int pendingTimers() {
        checkSchedulerThread("pendingTimers");
        return timers.size();
    }

    private int fireTimers() {
        if (timers.isEmpty()) {
            return 0;
        }
        long now = clock.nanoTime();
        int limit = options.batchLimit;
        int n = 0;
        for (Timer t; n < limit && (t = timers.peek()) != null && t.deadline - now <= 0; ) {
            timers.poll();
            n++;
            t.fire();
        }
        return n;
    }

    // ------------------------------------------------------------------ the loop

    private void startOnSchedulerThread(ActorCell<?> cell) {
        ActorCell<?> outer = current;
        current = cell;
        start(cell);
        current = outer;
        mdcLeave(outer);
    }

    private int drainInbox() {
        int n = 0;
        int limit = options.inboxDrainLimit;
        Object e;
        while (n < limit && (e = inbox.relaxedPoll()) != null) {
            n++;
            if (e instanceof Envelope env) {
                deque.add(env.target(), env.sender(), env.message());
            } else {
                deque.add(null, null, e);
            }
        }
        return n;
    }

    private int deliverBatch() {
        EnvelopeQueue q = deque;
        int limit = options.batchLimit;
        int n = 0;
        while (n < limit && !q.isEmpty()) {
            Object target = q.headTarget();
            Object sender = q.headSender();
            Object message = q.headMessage();
            q.removeHead();
            n++;
            if (target == null) {
                ((Runnable) message).run();
                continue;
            }
            ActorCell<?> cell = (ActorCell<?>) target;
            current = cell;
            deliver(cell, (ActorCell<?>) sender, message);
            current = null;
        }
        if (n > 0) {
            delivered += n;
            mdcLeave(null);
        }
        return n;
    }

    private void loop() {
        IdleStrategy idle = options.idleStrategy.get();
        try {
            while (running) {
                int work = dutyCycle();
                if (work == 0) {
                    parked = true;
                    if (inbox.isEmpty() && running) {
                        idle.idle(0);
                    }
                    parked = false;
                } else {
                    idle.idle(work);
                }
            }
        } finally {
            closeEverything();
        }
    }

    private void wake() {
        if (parked && PARKED.compareAndSet(this, true, false)) {
            LockSupport.unpark(dedicated);
        }
    }

    /**
     * Shutdown on the scheduler thread. Commands already accepted still run (as after
     * {@code ExecutorService.shutdown()}: a task's next step, a pending spawn), so nothing
     * waits forever on a command that was silently dropped; messages still queued become dead
     * letters; then every actor is closed.
     */
    private void closeEverything() {
        for (int guard = 0; guard < 1_000_000; guard++) {
            if (!inbox.isEmpty()) {
                // poll(), not relaxedPoll(): a producer mid-offer must not end the final drain early
                Object e = inbox.poll();
                if (e instanceof Envelope env) {
                    deadLetter(env.target().name, env.sender(), env.message());
                } else if (e != null) {
                    runDuringShutdown((Runnable) e);
                }
            } else if (!deque.isEmpty()) {
                Object target = deque.headTarget();
                Object sender = deque.headSender();
                Object message = deque.headMessage();
                deque.removeHead();
                if (target == null) {
                    runDuringShutdown((Runnable) message);
                } else {
                    deadLetter(((ActorCell<?>) target).name, (ActorCell<?>) sender, message);
                }
            } else {
                break;
            }
        }
        for (ActorCell<?> cell : registry.values()) {
            closeActor(cell);
        }
        mdcLeave(null);
    }

    private static void runDuringShutdown(Runnable command) {
        try {
            command.run();
        } catch (Throwable t) {
            LOG.error("a command queued before shutdown failed while the scheduler shut down: {}", command, t);
        }
    }

    private void checkSchedulerThread(String operation) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(operation + "() must only be called from the scheduler thread ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
    }
}
