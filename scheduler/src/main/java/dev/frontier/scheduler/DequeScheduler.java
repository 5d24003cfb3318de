package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.BlockingWaitException;
import dev.frontier.core.GeneratorExit;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's Solution 2, a tiny message scheduler: a send never calls into the receiver, it only
 * queues, and {@link #run()} delivers until there is nothing left. Recursive ping-pong works.
 *
 * <pre>{@code
 * DequeScheduler s = DequeScheduler.create();
 * s.spawn("ping", ...); s.spawn("pong", ...);
 * s.send("ping", 0);
 * s.run();
 * }</pre>
 *
 * <h2>What gets scheduled</h2>
 * Each actor has its own mailbox; the scheduler's deque (the run queue) holds the actors that have
 * work, as Erlang's run queue and Pekko's dispatcher do. An actor's turn takes up to a throughput
 * bound of messages ({@link ActorSystemOptions#withThroughput}), then the actor goes to the back of
 * the run queue if it has more. A generator actor's {@code receive()} takes its next message
 * straight from its mailbox while it has one and the turn lasts: no continuation switch per
 * message, only per turn. Messages from one sender to one receiver keep their order; no actor can
 * starve another (turns are bounded and round-robin), and the inbox of other threads' messages is
 * drained every duty cycle, so neither starves the other.
 *
 * <h2>Threads</h2>
 * The scheduler thread is the thread that created the scheduler, until {@link #start()} hands the
 * role to a dedicated thread. Only the scheduler thread touches run queue, mailboxes and timers,
 * and runs actors. Everything from another thread (messages, commands, timers, wake-ups) enters
 * through one {@link Inbox}: on the scheduler thread, work is queued directly; otherwise it is
 * offered to the inbox and the scheduler thread woken.
 *
 * <h2>Bounded duty cycle</h2>
 * {@link #runOnce()} takes at most {@code inboxDrainLimit} entries from the inbox, fires at most
 * {@code batchLimit} due timers, and runs turns until {@code batchLimit} messages have been taken,
 * then returns how much it did. Nothing a command or an actor throws escapes it: failures are
 * reported and the loop goes on.
 *
 * <h2>Shutdown</h2>
 * {@link #shutdown()} stops taking new work: later sends are dead letters, later spawns refused.
 * Commands already accepted still run; messages still queued become dead letters; every actor is
 * closed (latest spawned first), so its {@code finally} blocks run; pending timers are abandoned
 * (a delayed send becomes a dead letter, a sleep or an ask fails); then the dedicated thread, if
 * any, ends. Called from inside an actor, it takes effect when that actor's turn ends.
 */
public final class DequeScheduler extends AbstractActorSystem implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(DequeScheduler.class);

    /** A message from another thread. */
    private record Envelope(ActorCell<?> target, ActorRef<?> sender, Object message) {
    }

    /** Actors with work, and commands, in order. Scheduler thread only. */
    final ArrayDeque<Object> runQueue = new ArrayDeque<>();
    final Inbox inbox = new Inbox(1024, this::leftover);
    final TimerQueue timers = new TimerQueue();
    /** Explored schedulers only (null otherwise): chooses every step; see {@link ScheduleStrategy}. */
    private final ControlledSchedule control;
    private final SchedulerClock clock;
    private volatile Thread owner;
    private volatile Thread dedicated;
    /**
     * The actor whose code is running. Written by the scheduler thread only; read also by a
     * generator body the scheduler thread handed its turn to (the thread fallback).
     */
    ActorCell<?> current;
    private long delivered;
    private long turns;
    /** {@link #closeEverything()} is running. Scheduler thread only. */
    private boolean closing;
    /**
     * Actors a stop from another thread took off the registry and the scheduler thread has not
     * closed yet. Shutdown closes these too: the stop's command may reach the inbox after it closed.
     */
    private final java.util.Set<ActorCell<?>> stopping = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What holds the scheduler thread now (an actor, a command, a timer; null between steps), for the {@link Watchdog}. */
    private Object busyWith;
    /** Steps (turns, commands, timer actions) begun: the watchdog's sign of progress. */
    private long busySteps;
    private final long stallThresholdNanos;
    /** Flow recording: the clock reading at the end of the last turn, and the step it ended; -1: none usable. */
    private long lastTurnEnd;
    private long lastTurnEndStep = -1;
    private final AtomicLong stalls = new AtomicLong();

    private static final VarHandle BUSY_WITH;
    private static final VarHandle BUSY_STEPS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            BUSY_WITH = l.findVarHandle(DequeScheduler.class, "busyWith", Object.class);
            BUSY_STEPS = l.findVarHandle(DequeScheduler.class, "busySteps", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DequeScheduler(ActorSystemOptions options, ScheduleStrategy strategy) {
        super(options);
        this.owner = Thread.currentThread();
        this.clock = options.clock;
        this.control = strategy == null ? null : new ControlledSchedule(this, strategy, (ManualClock) clock);
        inbox.consumer(owner);
        this.stallThresholdNanos = options.stallThreshold.isZero() || options.stallThreshold.isNegative() ? 0
                : Timer.delayNanos(options.stallThreshold);
        if (stallThresholdNanos > 0) {
            Watchdog.shared().watch(this);
        }
    }

    /**
     * {@return a scheduler with {@linkplain ActorSystemOptions#defaults() default options}, driven by
     * the calling thread (call {@link #run()}), or by its own after {@link #start()}}
     */
    public static DequeScheduler create() {
        return new DequeScheduler(ActorSystemOptions.defaults(), null);
    }

    /**
     * {@return a scheduler with these options, driven by the calling thread until {@link #start()}}
     *
     * @param options the system's settings; must not be null
     */
    public static DequeScheduler create(ActorSystemOptions options) {
        return new DequeScheduler(options, null);
    }

    /**
     * <b>SPI for test tools</b> (frontier-testkit's schedule explorer): a scheduler whose every step
     * {@code strategy} chooses (see {@link ScheduleStrategy}): messages wait in flight per sender and
     * receiver until delivered, each delivery is a turn of one message, due timers fire in the order
     * chosen, and when nothing is enabled the {@link ManualClock} (required: a real clock would make
     * the run depend on the wall clock) moves to the next deadline. {@link #runOnce()} performs one
     * step. Driven by hand only: {@link #start()} is refused, and work from another thread fails the
     * step.
     *
     * @param options the system's settings; their clock must be a {@link ManualClock}
     * @param strategy chooses every step; must not be null
     * @return a scheduler driven by the calling thread, one chosen step per {@link #runOnce()}
     * @throws IllegalArgumentException the options' clock is not a {@link ManualClock}
     */
    public static DequeScheduler createExplored(ActorSystemOptions options, ScheduleStrategy strategy) {
        java.util.Objects.requireNonNull(strategy, "strategy");
        if (!(options.clock instanceof ManualClock)) {
            throw new IllegalArgumentException("an explored scheduler needs a ManualClock (ActorSystemOptions.withClock), "
                    + "not " + options.clock + ": the wall clock would make the schedule depend on timing");
        }
        return new DequeScheduler(options, strategy);
    }

    /**
     * Whether the calling code runs on this scheduler's behalf: on its thread, or in the body of the
     * actor whose turn it is (which, on the generators' thread fallback, runs on a thread of its own
     * while the scheduler thread waits for it). The body check also covers a continuation body that
     * began on another thread (an actor spawned before {@link #start()}): once compiled, its
     * {@code Thread.currentThread()} can still return that thread ({@code MigratedBodyTest}).
     *
     * @return whether the caller may use what only the scheduler thread may
     */
    public boolean isSchedulerThread() {
        if (Thread.currentThread() == owner) {
            return true;
        }
        ActorCell<?> c = current; // written by the scheduler thread before it handed the turn over
        return c != null && c.bodyRunsHere();
    }

    /**
     * One duty cycle: drain a bounded number of inbox entries, fire due timers, run turns until a
     * batch of messages has been taken. Must only be called from the scheduler thread.
     *
     * @return how much it did: inbox entries taken, timers fired, messages taken and commands run;
     *     0 if there was nothing to do
     * @throws IllegalStateException called from another thread
     */
    public int runOnce() {
        checkSchedulerThread("runOnce");
        return dutyCycle();
    }

    /**
     * The seed's {@code run()}: delivers until there is nothing left, and returns how much it did.
     * Timers not yet due are not "something left": with a {@link ManualClock}, advance it and call
     * {@code run()} again. Must only be called from the scheduler thread.
     *
     * @return the sum of the {@link #runOnce()} counts of its duty cycles; 0 if there was nothing to do
     * @throws IllegalStateException called from another thread
     */
    public long run() {
        checkSchedulerThread("run");
        long total = 0;
        for (int work; (work = dutyCycle()) > 0; ) {
            total += work;
        }
        return total;
    }

    /**
     * {@return how many messages actors have taken so far} Written by the scheduler thread: exact
     * there, possibly stale on another thread.
     */
    public long deliveredCount() {
        return delivered;
    }

    /**
     * Turns run so far. A generator actor is resumed at most once per turn (its further receives in
     * the turn take from its mailbox directly), so this bounds its continuation switches. Written
     * by the scheduler thread: exact there, possibly stale on another thread.
     *
     * @return the number of turns run so far
     */
    public long turnCount() {
        return turns;
    }

    /**
     * How many times the watchdog found one delivery holding this scheduler's thread past the stall
     * threshold ({@link ActorSystemOptions#withStallThreshold}); each stuck delivery counts once,
     * however many warnings it got. Any thread.
     *
     * @return the number of stalled deliveries so far, 0 if none
     */
    public long stallCount() {
        return stalls.get();
    }

    /**
     * {@return the number of messages waiting in mailboxes (and, on an explored scheduler, held in
     * flight), 0 if none} Must only be called from the scheduler thread.
     *
     * @throws IllegalStateException called from another thread
     */
    public int pending() {
        checkSchedulerThread("pending");
        int n = 0;
        for (ActorCell<?> cell : registry.values()) {
            if (cell.mailbox != null) {
                n += cell.mailbox.size();
            }
        }
        return control == null ? n : n + control.held();
    }

    /**
     * {@return the number of timers set and not yet fired, cancelled or abandoned} Must only be
     * called from the scheduler thread.
     *
     * @throws IllegalStateException called from another thread
     */
    public int pendingTimers() {
        checkSchedulerThread("pendingTimers");
        return timers.size();
    }

    /**
     * When the earliest pending timer is due, as a reading of this scheduler's clock (nanoseconds),
     * or empty if no timer is pending. With a {@link ManualClock}, advancing the clock to it and
     * calling {@link #run()} fires that timer: how a test kit moves virtual time to the next event
     * instead of by a guessed amount. Must only be called from the scheduler thread.
     *
     * @return the earliest pending deadline in this scheduler's clock's nanoseconds, or empty
     * @throws IllegalStateException called from another thread
     */
    public java.util.OptionalLong nextTimerDeadline() {
        checkSchedulerThread("nextTimerDeadline");
        Timer t = timers.peek();
        return t == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(t.deadline);
    }

    /**
     * Moves the scheduler onto a dedicated platform thread named {@code frontier-scheduler} that
     * runs duty cycles, idling with the configured {@link IdleStrategy} when there is no work.
     * From then on every other thread, including the creator, goes through the inbox. Must only be
     * called from the scheduler thread, once.
     *
     * @return this scheduler
     * @throws IllegalStateException called from another thread, already started, explored (driven
     *     by hand only), or shut down
     */
    public synchronized DequeScheduler start() {
        checkSchedulerThread("start");
        if (dedicated != null) {
            throw new IllegalStateException("the scheduler is already started");
        }
        if (control != null) {
            throw new IllegalStateException("an explored scheduler is driven by hand (runOnce/run), never started");
        }
        if (isShutdown()) {
            throw new IllegalStateException("the scheduler is shut down");
        }
        Thread t = new Thread(this::loop, "frontier-scheduler");
        t.setDaemon(options.daemonThreads);
        dedicated = t;
        owner = t;
        inbox.consumer(t);
        t.start();
        addShutdownHook();
        return this;
    }

    /**
     * Makes {@code next} the scheduler thread of a scheduler that was never started: for stress
     * tests whose threads a harness hands out (the jcstress module). The caller guarantees that the
     * previous scheduler thread no longer uses the scheduler and that {@code next} sees what it did
     * (a happens-before edge). Not for applications: they {@link #start()} it or drive it where made.
     */
    synchronized void transferTo(Thread next) {
        if (dedicated != null) {
            throw new IllegalStateException("the scheduler is started: its thread is " + dedicated.getName());
        }
        owner = java.util.Objects.requireNonNull(next, "next");
        inbox.consumer(next);
    }

    /**
     * Runs {@code command} on the scheduler thread, after what is already queued. Any thread.
     *
     * @throws RejectedExecutionException the scheduler is shut down: nothing would ever run it
     */
    @Override
    public void execute(Runnable command) {
        submit(new Command(null, java.util.Objects.requireNonNull(command, "command")));
    }

    private void submit(Command c) {
        if (isSchedulerThread()) {
            if (lifecycle() == TERMINATED) {
                throw new RejectedExecutionException("the scheduler is shut down; " + c + " will not run");
            }
            runQueue.addLast(c);
        } else {
            inbox.offer(c);
            c.checkAccepted("the scheduler");
        }
    }

    /**
     * Shuts the scheduler down (see the class comment) and, if it was started, waits for its thread
     * to finish, up to the shutdown timeout; then interrupts it. Concurrent callers all wait. Must
     * only be called from the scheduler thread, unless the scheduler was {@link #start() started}.
     */
    @Override
    public void shutdown() {
        Thread t = dedicated;
        if (t == null) {
            checkSchedulerThread("shutdown");
            beginShutdown();
            if (current == null && lifecycle() == STOPPING) {
                closeEverything();
            }
            return; // inside an actor: run()/runOnce() (or a later shutdown()) closes everything after its turn
        }
        beginShutdown();
        inbox.wake();
        if (Thread.currentThread() == t) {
            return; // called by an actor: the loop closes everything when this turn ends
        }
        Duration wait = options.shutdownTimeout;
        try {
            if (awaitTermination(wait)) {
                t.join(wait); // it has closed everything; let it end
            } else {
                LOG.error("the scheduler thread did not finish shutting down within {} ms; interrupting it "
                        + "(an actor is stuck in {})", wait.toMillis(), current);
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ mode hooks

    @Override
    void post(ActorCell<?> target, ActorRef<?> sender, Object message) {
        checkMessage(target.name, message);
        if (target.messageType() != null && refusedType(target, sender, message)) {
            return;
        }
        if (target.room() != null && (!target.isAlive() || !admit(target, sender, message))) {
            if (!target.isAlive()) {
                deadLetter(target.name, sender, message);
            }
            return;
        }
        if (recording) {
            sender = stamp(target, sender, message);
        }
        if (isSchedulerThread()) {
            enqueue(target, sender, message);
        } else {
            inbox.offer(new Envelope(target, sender, message));
        }
    }

    @Override
    void deliverNotice(ActorCell<?> target, ActorRef<?> sender, Object notice) {
        if (target.room() != null) {
            target.room().force();
        }
        if (isSchedulerThread()) {
            enqueue(target, sender, notice);
        } else {
            inbox.offer(new Envelope(target, sender, notice));
        }
    }

    // ------------------------------------------------------------------ supervision: all on the scheduler thread, synchronous

    @Override
    void suspendForSupervisor(ActorCell<?> cell) {
        cell.suspendBehaviour();
    }

    /** Closes the child's generator now (its finally blocks run), as the child. Scheduler thread only. */
    @Override
    void haltForRestart(ActorCell<?> child, Duration timeout) {
        assert isSchedulerThread();
        if (!child.isAlive() || Ties.isSuspended(child)) {
            return;
        }
        if (child.isExecuting()) {
            throw new IllegalStateException("cannot halt actor '" + child.name + "' for a restart while it runs");
        }
        ActorCell<?> outer = current;
        current = child;
        try {
            child.closeGenerator();
        } catch (GeneratorExit normal) {
            // closed
        } catch (Throwable t) {
            report(child, null, null, t); // a finally block failed; it is restarted all the same
        } finally {
            current = outer;
            mdcLeave(child);
        }
        child.suspendBehaviour();
        halted(child);
    }

    @Override
    void restartChild(ActorCell<?> child, Object behaviour) {
        assert isSchedulerThread();
        child.restart(behaviour);
        if (child.hasWork()) {
            schedule(child);
        }
    }

    /** Stops the child now (synchronously: the timeout does not apply), or after its turn if it is running. */
    @Override
    void stopChild(ActorCell<?> child, Duration timeout) {
        assert isSchedulerThread();
        if (!child.isAlive()) {
            return;
        }
        child.stopAsked = true;
        registry.remove(child.name, child);
        if (child.isExecuting() || child == current) {
            child.stopRequested = true; // it stopped its own supervisor: closed when its turn ends
        } else {
            stopOnSchedulerThread(child);
        }
    }

    /** A linked actor failed: close this one after what is queued, so a chain of links never recurses. */
    @Override
    void killActor(ActorCell<?> cell) {
        try {
            submit(new Command(null, () -> stopOnSchedulerThread(cell)));
        } catch (RejectedExecutionException shutDown) {
            // shutdown closes it
        }
    }

    /** A message reaches its target's mailbox. Scheduler thread only. */
    private void enqueue(ActorCell<?> target, ActorRef<?> sender, Object message) {
        if (!target.isAlive() || lifecycle() != RUNNING) {
            deadLetter(target.name, sender, message);
        } else if (control != null) {
            control.sent(target, sender, message); // explored: in flight until the strategy delivers it
        } else if (target.enqueue(sender, message)) {
            target.scheduled = true;
            runQueue.addLast(target);
        }
    }

    /**
     * On the scheduler thread only a generator actor may wait for room, by suspending (no thread
     * blocks); the scheduler thread itself, a handler actor or a timer cannot, and the send fails.
     */
    @Override
    void waitForRoom(ActorCell<?> target, ActorRef<?> sender, Object message) {
        if (!isSchedulerThread()) {
            super.waitForRoom(target, sender, message);
            return;
        }
        if (!(sender instanceof ActorCell<?> c) || !isRunning(c) || !c.canSuspend()) {
            throw new dev.frontier.actor.MailboxFullException(target.name, target.actorOptions().mailboxCapacity(), message);
        }
        try {
            do {
                c.suspendForRoom(target);
            } while (target.isAlive() && !target.room().tryAcquire());
        } catch (Throwable closed) {
            // stopped, shut down or killed while it waited: the send never happened, so its message
            // is a dead letter, not lost
            deadLetter(target.name, sender, message);
            throw closed;
        }
    }

    @Override
    void roomFreed(ActorCell<?> cell) {
        cell.wakeBlockedSenders(!cell.isAlive(), this::schedule);
    }

    @Override
    int unboundedMailboxSize(ActorCell<?> cell) {
        Mailbox mb = cell.mailbox;
        return mb == null ? 0 : mb.size();
    }

    /** Marks {@code cell} as having work and queues it, unless it is queued already. Scheduler thread only. */
    private void schedule(ActorCell<?> cell) {
        if (!cell.scheduled) {
            cell.scheduled = true;
            runQueue.addLast(cell);
        }
    }

    /** An entry that reached the inbox after it closed: a message is a dead letter, a command is refused. */
    private void leftover(Object e) {
        if (e instanceof Envelope env) {
            deadLetter(env.target().name, env.sender(), env.message());
        } else if (e instanceof Command c) {
            c.reject();
        }
    }

    /**
     * On the scheduler thread outside any actor: starts the actor now (its body runs to its first
     * receive before {@code spawn} returns). Otherwise it starts in its first turn.
     */
    @Override
    void launch(ActorCell<?> cell) {
        if (!isSchedulerThread()) {
            try {
                submit(new Command(null, () -> launch(cell)));
            } catch (RejectedExecutionException shutDown) {
                throw new IllegalStateException("cannot spawn '" + cell.name + "': the actor system is shut down");
            }
        } else if (cell.hasWork()) {
            // a spawn accepted before shutdown still starts while closing, so its finally blocks run when closed
            if (current == null && (lifecycle() == RUNNING || closing)) {
                cell.scheduled = true;
                runTurn(cell, options.throughput);
            } else {
                schedule(cell);
            }
        }
    }

    /** Added before the name is freed, so a shutdown that no longer finds the name finds the actor here. */
    @Override
    void stopping(ActorCell<?> cell) {
        if (!isSchedulerThread()) {
            stopping.add(cell);
        }
    }

    @Override
    void finish(ActorCell<?> cell) {
        if (!stopping.isEmpty()) {
            stopping.remove(cell);
        }
        super.finish(cell);
    }

    @Override
    void stopActor(ActorCell<?> cell) {
        if (isSchedulerThread()) {
            stopOnSchedulerThread(cell);
        } else {
            try {
                submit(new Command(null, () -> stopOnSchedulerThread(cell)));
            } catch (RejectedExecutionException shutDown) {
                // shutdown closes it
            }
        }
    }

    private void stopOnSchedulerThread(ActorCell<?> cell) {
        if (cell == current) {
            cell.stopRequested = true; // it stops itself: closed when its turn ends
        } else {
            ActorCell<?> outer = current;
            current = cell;
            closeActor(cell);
            current = outer;
            mdcLeave(cell);
        }
    }

    @Override
    ActorCell<?> currentActor() {
        return isSchedulerThread() ? current : null;
    }

    @Override
    boolean isRunning(ActorCell<?> cell) {
        return current == cell && (Thread.currentThread() == owner || cell.bodyRunsHere());
    }

    @Override
    String hostThreadName(ActorCell<?> cell) {
        return owner.getName();
    }

    @Override
    Cancellable schedule(Duration delay, Runnable action, Runnable onAbandon) {
        Timer t = new Timer(clock.nanoTime(), delay, action, onAbandon);
        if (lifecycle() != RUNNING) {
            t.abandon();
            return t;
        }
        if (isSchedulerThread()) {
            t.unlink = () -> unlink(t);
            timers.add(t);
        } else {
            t.unlink = () -> unlink(t);
            try {
                submit(new Command(null, () -> timers.add(t)));
            } catch (RejectedExecutionException shutDown) {
                t.abandon();
            }
        }
        return t;
    }

    /** A cancelled timer leaves the heap at once (or by the next duty cycle, from another thread). */
    private void unlink(Timer t) {
        if (isSchedulerThread()) {
            timers.remove(t);
        } else {
            try {
                submit(new Command(null, () -> timers.remove(t)));
            } catch (RejectedExecutionException shutDown) {
                // the heap is cleared at shutdown
            }
        }
    }

    @Override
    void wake(ActorCell<?> cell, int epoch, byte waitingIn, Object value) {
        if (isSchedulerThread()) {
            if (cell.wake(epoch, waitingIn, value)) {
                schedule(cell);
            }
        } else {
            try {
                submit(new Command(null, () -> wake(cell, epoch, waitingIn, value)));
            } catch (RejectedExecutionException shutDown) {
                // the actor is closed by the shutdown; nothing waits for this wake-up
            }
        }
    }

    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        submit(new Command(cell, action));
    }

    // ------------------------------------------------------------------ the loop

    /** Inbox, then due timers, then turns; each bounded. Then, if shut down, close everything. */
    private int dutyCycle() {
        lastTurnEndStep = -1; // idling, the inbox or timers may come between: a new turn reads the clock afresh
        int work = 0;
        if (lifecycle() == RUNNING) {
            work = control == null ? drainInbox() + fireTimers() + runTurns() : control.step();
        }
        if (lifecycle() == STOPPING) {
            closeEverything();
        }
        return work;
    }

    private int drainInbox() {
        int n = 0;
        int limit = options.inboxDrainLimit;
        Object e;
        while (n < limit && (e = inbox.poll()) != null) {
            n++;
            if (e instanceof Envelope env) {
                enqueue(env.target(), env.sender(), env.message());
            } else {
                runQueue.addLast(e);
            }
        }
        return n;
    }

    private int fireTimers() {
        if (timers.isEmpty()) {
            return 0;
        }
        long now = clock.nanoTime();
        int limit = options.batchLimit;
        int n = 0;
        for (Timer t; n < limit && (t = timers.peek()) != null && t.deadline - now <= 0; ) {
            timers.remove(t);
            n++;
            busy(t);
            try {
                t.fire();
            } catch (Throwable failure) {
                report(null, "(timer " + t.action + ")", null, failure);
            }
        }
        idle();
        return n;
    }

    /** Runs turns and commands until a batch of messages has been taken or nothing is left. */
    private int runTurns() {
        int limit = options.batchLimit;
        int n = 0;
        while (n < limit && lifecycle() == RUNNING) {
            Object e = runQueue.pollFirst();
            if (e == null) {
                break;
            }
            if (e instanceof ActorCell<?> cell) {
                n += Math.max(1, runTurn(cell, Math.min(options.throughput, limit - n)));
            } else {
                runCommand((Command) e);
                n++;
            }
        }
        return n;
    }

    /** One actor's turn; afterwards it goes to the back of the run queue if it has more to do. */
    int runTurn(ActorCell<?> cell, int budget) {
        if (!cell.isAlive()) {
            cell.scheduled = false;
            return 0;
        }
        current = cell;
        busy(cell);
        int used = cell.turn(budget);
        idle();
        current = null;
        delivered += used;
        turns++;
        mdcLeave(cell);
        if (cell.stopRequested) {
            stopOnSchedulerThread(cell);
        }
        if (cell.hasWork()) {
            runQueue.addLast(cell);
        } else {
            cell.scheduled = false;
        }
        return used;
    }

    /** Runs a command as its actor (if that actor has ended: as no actor); reports what it throws. */
    void runCommand(Command c) {
        ActorCell<?> cell = c.actor != null && c.actor.isAlive() ? c.actor : null;
        current = cell;
        busy(c);
        try {
            c.run();
        } catch (Throwable t) {
            report(c.actor, c, null, t); // named after the actor that submitted it, even if it has ended
        } finally {
            idle();
            current = null;
            if (c.actor != null) {
                mdcLeave(c.actor);
            }
            if (cell != null && cell.stopRequested) {
                stopOnSchedulerThread(cell);
            }
        }
    }

    private void loop() {
        IdleStrategy idle = options.idleStrategy.get();
        try {
            while (lifecycle() != TERMINATED) {
                int work;
                try {
                    work = dutyCycle();
                } catch (Throwable t) {
                    LOG.error("the scheduler's duty cycle failed; it goes on", t);
                    work = 1;
                }
                if (work == 0 && lifecycle() == RUNNING) {
                    inbox.prepareToPark();
                    if (inbox.isEmpty() && runQueue.isEmpty() && lifecycle() == RUNNING) {
                        idle.idle(0);
                    }
                    inbox.unparked();
                } else {
                    idle.idle(work);
                }
            }
        } finally {
            if (lifecycle() != TERMINATED) {
                beginShutdown();
                closeEverything();
            }
        }
    }

    /**
     * Shutdown, on the scheduler thread outside any actor. Commands already accepted still run
     * (as after {@code ExecutorService.shutdown()}: a task's next step, a pending spawn), so nothing
     * waits forever on a command that was silently dropped; messages still queued become dead
     * letters; every actor is closed, latest spawned first; timers are abandoned.
     */
    private void closeEverything() {
        if (closing) {
            return; // called again by a command or a finally block while closing
        }
        closing = true;
        if (control != null) {
            control.close();
        }
        inbox.close(e -> {
            if (e instanceof Envelope env) {
                deadLetter(env.target().name, env.sender(), env.message());
            } else {
                runQueue.addLast(e);
            }
        });
        for (Object e; (e = runQueue.pollFirst()) != null; ) {
            if (e instanceof Command c) {
                runCommand(c);
            } else {
                ((ActorCell<?>) e).scheduled = false;
            }
        }
        List<ActorCell<?>> live = liveActorsLatestFirst();
        if (!stopping.isEmpty()) {
            // read after the registry: an actor whose name a stop freed is here by then
            live.addAll(stopping);
            live.sort(Comparator.comparingLong((ActorCell<?> c) -> c.spawnOrder).reversed());
        }
        for (ActorCell<?> cell : live) {
            stopOnSchedulerThread(cell);
        }
        for (Object e; (e = runQueue.pollFirst()) != null; ) {
            if (e instanceof Command c) {
                runCommand(c); // queued by a finally block; later ones are refused
            }
        }
        for (Timer t : timers.clear()) {
            t.abandon();
        }
        if (stallThresholdNanos > 0) {
            Watchdog.shared().unwatch(this);
        }
        terminated();
    }

    // ------------------------------------------------------------------ diagnostics

    @Override
    long turnNumber() {
        return turns + 1;
    }

    @Override
    boolean batchesReadings() {
        return true;
    }

    @Override
    long turnEndReading() {
        long now = FlowRecorder.now();
        lastTurnEnd = now;
        lastTurnEndStep = busySteps;
        return now;
    }

    /** The previous turn's end reading if this turn came straight after it, in the same duty cycle. */
    @Override
    long turnStartReading() {
        return lastTurnEndStep == busySteps - 1 ? lastTurnEnd : FlowRecorder.now();
    }

    /** The scheduler thread is about to run {@code what}. Scheduler thread only: opaque stores, no fence. */
    private void busy(Object what) {
        BUSY_STEPS.setOpaque(this, busySteps + 1);
        BUSY_WITH.setOpaque(this, what);
    }

    /** The step is over. Scheduler thread only. */
    private void idle() {
        BUSY_WITH.setOpaque(this, null);
    }

    Object busyWith() {
        return BUSY_WITH.getOpaque(this);
    }

    long busySteps() {
        return (long) BUSY_STEPS.getOpaque(this);
    }

    long stallThresholdNanos() {
        return stallThresholdNanos;
    }

    Thread schedulerThread() {
        return owner;
    }

    void stalled() {
        stalls.incrementAndGet();
    }

    /**
     * A blocking wait on this scheduler's own thread for something this thread must complete: refused
     * at once, saying what to do instead.
     */
    @Override
    void refuseBlockingWait(String what, String method, ActorCell<?> answerer) {
        if (!isSchedulerThread()) {
            return;
        }
        String thread = Thread.currentThread().getName();
        ActorCell<?> actor = current;
        if (actor != null) {
            throw new BlockingWaitException("actor '" + actor.name + "' called " + method + " on " + what
                    + " on the scheduler thread (" + thread + "): it would wait forever, because this thread must deliver the"
                    + " request and the reply (and fire the timeout). Use ctx.await(future) in a generator actor, which"
                    + " suspends only this actor; in a handler actor, use future.whenComplete(...) and send the result to self().");
        }
        if (dedicated == null) {
            throw new BlockingWaitException(method + " on " + what + " from thread " + thread + ", which drives this scheduler"
                    + " (it was never start()ed): it would wait forever, because nothing delivers messages while this thread"
                    + " waits. Call start() on the scheduler before a blocking ask from outside, or call run() and read the"
                    + " future once it is done.");
        }
        throw new BlockingWaitException(method + " on " + what + " on the scheduler thread (" + thread + "): it would wait"
                + " forever, because this thread must complete it. Chain on the future (whenComplete, thenAccept) instead.");
    }

    private void checkSchedulerThread(String operation) {
        if (!isSchedulerThread()) {
            throw new IllegalStateException(operation + "() must only be called from the scheduler thread ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
    }
}
