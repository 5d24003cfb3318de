package dev.frontier.scheduler;

import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.MailboxFullException;
import dev.frontier.core.GeneratorExit;
import dev.frontier.core.GeneratorIgnoredExitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's Solution 1 ("wrap the generator with a thread"): each actor runs on its own thread
 * (virtual by default, platform optionally). The same actor code as on the deque scheduler, but no
 * generator: the body runs directly on the actor's thread, and {@code receive} parks that thread
 * until a message arrives. A handler actor's thread takes each message and calls the handler.
 *
 * <p>Each actor's mailbox is an {@link Inbox} (a JCTools MPSC queue): any thread sends, only the
 * actor's thread takes, and a sender unparks the actor's thread if it parked. The inbox also
 * carries the actor's commands ({@code ctx.executor()}), run on its thread whenever it waits, and
 * the request to stop: the actor's next wait throws {@link GeneratorExit}, so its {@code finally}
 * blocks run, exactly as a closed generator's do (an actor blocked for room in a back-pressure
 * mailbox is interrupted out of that wait, and the message it was sending is a dead letter). An
 * interrupt of an actor's thread stops it the same way.
 *
 * <p>Timers run on one platform thread, {@code frontier-timers}, in real time: this mode refuses a
 * clock other than {@link SchedulerClock#SYSTEM}.
 */
public final class ThreadPerActorSystem extends AbstractActorSystem {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPerActorSystem.class);
    private static final Object STOP = new Object() {
        @Override
        public String toString() {
            return "stop";
        }
    };

    /** A message in an actor's inbox. */
    private record Envelope(ActorRef<?> sender, Object message) {
    }

    private final ThreadLocal<ActorThread> current = new ThreadLocal<>();
    /** Every actor thread made and not yet finished (started or not). */
    private final Set<ActorThread> live = ConcurrentHashMap.newKeySet();
    /** Timers not yet fired or cancelled: abandoned at shutdown. */
    private final Set<Timer> pendingTimers = ConcurrentHashMap.newKeySet();
    private ScheduledThreadPoolExecutor timerThread;

    private ThreadPerActorSystem(ActorSystemOptions options) {
        super(options);
        if (options.clock != SchedulerClock.SYSTEM) {
            throw new IllegalArgumentException("ThreadPerActorSystem runs on real time and cannot follow " + options.clock
                    + "; use a DequeScheduler for virtual time");
        }
        addShutdownHook();
    }

    /**
     * {@return a system with {@linkplain ActorSystemOptions#defaults() default options}: each actor
     * on its own virtual thread}
     */
    public static ThreadPerActorSystem create() {
        return new ThreadPerActorSystem(ActorSystemOptions.defaults());
    }

    /**
     * {@return a system running each actor on its own thread; {@link ActorSystemOptions#withVirtualThreads}
     * picks the kind}
     *
     * @param options the system's settings; must not be null, and their clock must be
     *     {@link SchedulerClock#SYSTEM}
     * @throws IllegalArgumentException the options name another clock: this mode runs on real time
     */
    public static ThreadPerActorSystem create(ActorSystemOptions options) {
        return new ThreadPerActorSystem(options);
    }

    /** One actor's thread and inbox: its host. */
    final class ActorThread implements Runnable {
        /** Counted down when the thread has left {@link #run} (or never will start): shutdown waits on it. */
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        final ActorCell<?> cell;
        final Inbox inbox;
        final Thread thread;
        /** The stop request has been taken: a further wait means the body ignored it. Actor thread only. */
        private boolean stopping;
        /** A stop was asked for: it takes effect at the next wait, ahead of any waiting message. */
        volatile boolean stopRequested;
        /** Messages taken since the thread last gave way: past the throughput bound, it yields. */
        private int takenInARow;
        /** Blocked for room in another actor's bounded mailbox: a stop interrupts the wait. */
        private volatile boolean waitingForRoom;

        ActorThread(ActorCell<?> cell) {
            this.cell = cell;
            this.inbox = new Inbox(64, this::leftover);
            Thread.Builder builder = options.virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon(options.daemonThreads);
            this.thread = builder.name("actor-" + cell.name).unstarted(this);
            inbox.consumer(thread);
        }

        /**
         * The actor's life: its body (or handler loop) runs here from start to end; a supervised
         * actor's restarts run here too, one incarnation after another, on the same thread and inbox.
         */
        @Override
        public void run() {
            current.set(this);
            try {
                while (incarnation()) {
                    mdcLeave(cell); // restarted: the next incarnation runs on this thread
                }
            } finally {
                ended(cell, null); // no-op if it ended above; an interrupted start ends here too
                inbox.close(this::drainAtEnd);
                mdcLeave(cell);
                current.remove();
                cell.finished();
                threadEnded(this);
                done.countDown();
            }
        }

        /** Runs the current behaviour to its end; {@code true} if its supervisor restarted it (run again). */
        private boolean incarnation() {
            try {
                if (cell.isHandler()) {
                    handlerLoop(cell);
                } else {
                    cell.body().run(cellAsContext(cell));
                }
                return bodyReturned(cell) && awaitDecision();
            } catch (GeneratorExit stopped) {
                Throwable kill = cell.stopAsked || cell.ties == null ? null : Ties.killCause(cell);
                if (kill != null) {
                    report(cell, null, null, kill);
                    return incarnationFailed(cell, kill) && awaitDecision();
                }
                if (!cell.stopAsked && Ties.haltRequested(cell)) {
                    halted(cell); // its supervisor restarts it
                    return awaitDecision();
                }
                cell.stopAsked = true; // stopped, or interrupted
                ended(cell, null);
                return false;
            } catch (Throwable t) {
                return failed(cell, t) && awaitDecision();
            }
        }

        /**
         * Suspended: the incarnation ended and the supervisor decides. Messages are kept for the next
         * incarnation (a bounded mailbox's room is given back), commands run, a halt asked for
         * meanwhile is done at once. Returns {@code true} once a restart is decided (the new behaviour
         * is installed), {@code false} if the actor was stopped for good meanwhile (it has ended).
         */
        private boolean awaitDecision() {
            takenInARow = 0;
            try {
                for (;;) {
                    CompletableFuture<Void> halt = Ties.takeHaltRequest(cell);
                    if (halt != null) {
                        halt.complete(null);
                    }
                    if (stopRequested) {
                        stopRequested = false; // a halt's request; then look for a real stop (set first)
                        if (cell.stopAsked || lifecycle() != RUNNING) {
                            throw new GeneratorExit();
                        }
                    }
                    Object behaviour = Ties.takeDecision(cell);
                    if (behaviour != null) {
                        stopping = false;
                        cell.restart(behaviour);
                        return true;
                    }
                    Object e = inbox.poll();
                    if (e == null) {
                        park(Long.MAX_VALUE, null);
                    } else if (e instanceof Envelope env) {
                        cell.polled();
                        cell.keep(env.sender(), env.message(), null);
                    } else if (e != STOP) {
                        dispatch(e);
                    }
                }
            } catch (GeneratorExit stopped) {
                cell.stopAsked = true;
                ended(cell, Ties.suspendedFailure(cell));
                return false;
            }
        }

        /**
         * Asks the actor to stop: it stops at its next wait, ahead of any waiting message, or at
         * once if it is blocked for room in a bounded mailbox (its thread is interrupted; the flag
         * is written before {@code waitingForRoom} is read, and the wait writes that before it
         * reads the flag, so one of them sees the other). Any thread.
         */
        void requestStop() {
            stopRequested = true;
            inbox.offer(STOP); // wakes it
            if (waitingForRoom) {
                thread.interrupt();
            }
        }

        /**
         * Back-pressure on the actor's own thread: blocks until {@code target}'s bounded mailbox
         * has room, up to its block timeout ({@code MailboxFullException} then). A stop asked for
         * meanwhile, or an interrupt, ends the wait: the send never happened, so its message is a
         * dead letter, and the actor stops. Must only be called from this actor's thread.
         */
        void waitForRoom(ActorCell<?> target, ActorRef<?> sender, Object message) {
            ActorOptions o = target.actorOptions();
            waitingForRoom = true;
            try {
                if (!stopRequested && target.room().tryAcquire(Timer.delayNanos(o.blockTimeout()), TimeUnit.NANOSECONDS)) {
                    return;
                }
                if (!stopRequested) {
                    throw new MailboxFullException(target.name, o.mailboxCapacity(), message);
                }
            } catch (InterruptedException stop) {
                // asked to stop (requestStop), or interrupted from outside: both stop the actor
            } finally {
                waitingForRoom = false;
            }
            deadLetter(target.name, sender, message);
            stopping = true;
            throw new GeneratorExit();
        }

        /** The supervisor asks the running incarnation to end so it can be restarted; the caller waits. */
        void requestHalt() {
            stopRequested = true;
            inbox.offer(STOP);
        }

        /**
         * Waits for the first message {@code accepts} allows (null: any), running the actor's
         * commands meanwhile and keeping the messages it skips; {@link ActorCell#TIMED_OUT} at
         * {@code deadline}. Must only be called from the actor's thread.
         */
        Object take(ActorCell<?> c, Predicate<Object> accepts, long deadline) {
            checkNotStopping();
            if (++takenInARow >= options.throughput) {
                takenInARow = 0;
                giveWay();
            }
            for (;;) {
                checkStopRequested();
                Object e = inbox.poll();
                if (e == null) {
                    takenInARow = 0;
                    if (deadline != Long.MAX_VALUE && options.clock.nanoTime() - deadline >= 0) {
                        return ActorCell.TIMED_OUT;
                    }
                    park(deadline, null);
                } else if (e instanceof Envelope env) {
                    c.polled();
                    if (accepts == null || c.matches(accepts, env.sender(), env.message())) {
                        c.accept(env.sender(), env.message());
                        return env.message();
                    }
                    c.keep(env.sender(), env.message(), accepts);
                } else {
                    dispatch(e);
                }
            }
        }

        /**
         * An actor that always has mail would keep its thread running for ever; after a turn's worth
         * of messages it lets the others run. A virtual thread parks for a moment rather than
         * {@code Thread.yield()}: a yield goes back to its carrier's own queue while that queue has
         * other busy threads, so a thread woken from outside (in the pool's shared queue) could
         * wait for ever; the timed park's wake-up goes to the shared queue, behind it.
         */
        private void giveWay() {
            if (thread.isVirtual()) {
                LockSupport.parkNanos(this, 1);
            } else {
                Thread.yield();
            }
        }

        /** Blocks until {@code stage} completes, running commands and keeping messages meanwhile. */
        Object await(ActorCell<?> c, CompletionStage<?> stage) throws Exception {
            checkNotStopping();
            CompletableFuture<Object> done = new CompletableFuture<>();
            stage.whenComplete((v, t) -> {
                if (t == null) {
                    done.complete(v);
                } else {
                    done.completeExceptionally(t);
                }
                inbox.wake();
            });
            while (!done.isDone()) {
                checkStopRequested();
                Object e = inbox.poll();
                if (e == null) {
                    park(Long.MAX_VALUE, done);
                } else if (e instanceof Envelope env) {
                    c.polled();
                    c.keep(env.sender(), env.message(), null);
                } else {
                    dispatch(e);
                }
            }
            try {
                return done.join();
            } catch (RuntimeException failed) {
                throw ActorCell.unwrap(failed);
            }
        }

        private void checkNotStopping() {
            if (stopping) {
                throw new GeneratorIgnoredExitException();
            }
        }

        /** A stop asked for, or ignored, is raised before the body takes anything, even a kept message. */
        void checkStop() {
            checkNotStopping();
            checkStopRequested();
        }

        private void checkStopRequested() {
            if (stopRequested) {
                stopping = true;
                throw new GeneratorExit();
            }
        }

        /** Parks until an entry arrives, {@code done} completes, or the deadline passes; an interrupt stops the actor. */
        private void park(long deadline, CompletableFuture<?> done) {
            inbox.prepareToPark();
            if (inbox.isEmpty() && (done == null || !done.isDone())) {
                if (deadline == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, deadline - options.clock.nanoTime());
                }
            }
            inbox.unparked();
            if (Thread.interrupted()) {
                stopping = true;
                throw new GeneratorExit();
            }
        }

        /** A command or the stop request (a wake-up: the flag says whether a stop is still asked for). */
        private void dispatch(Object e) {
            if (e == STOP) {
                if (stopRequested) {
                    stopping = true;
                    throw new GeneratorExit();
                }
                return;
            }
            Command c = (Command) e;
            try {
                c.run();
            } catch (Throwable t) {
                report(cell, c, null, t);
            }
        }

        /** What is left in the inbox when the actor ends: messages are dead letters, commands still run. */
        void drainAtEnd(Object e) {
            if (e instanceof Envelope env) {
                deadLetter(cell.name, env.sender(), env.message());
            } else if (e instanceof Command c) {
                try {
                    c.run();
                } catch (Throwable t) {
                    report(null, c, null, t);
                }
            }
        }

        /** An entry that arrived after the actor ended: a message is a dead letter, a command is refused. */
        private void leftover(Object e) {
            if (e instanceof Envelope env) {
                deadLetter(cell.name, env.sender(), env.message());
            } else if (e instanceof Command c) {
                c.reject();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <M> ActorCell<M> cellAsContext(ActorCell<?> cell) {
        return (ActorCell<M>) cell;
    }

    @SuppressWarnings("unchecked")
    private static <M> void handlerLoop(ActorCell<M> cell) throws Exception {
        ActorThread host = (ActorThread) cell.host();
        // A restarted handler first takes what was kept while it was suspended. A stop is checked
        // before each is taken, not after: a message taken and then dropped by the stop would be
        // neither handled nor a dead letter (left in the stash, it is one when the actor ends).
        for (;;) {
            host.checkStop();
            Object m = cell.takeKept(null);
            if (m == ActorCell.NONE) {
                break;
            }
            cell.handler().handle(cell, (M) m);
            cell.handled();
        }
        for (;;) {
            M m = (M) host.take(cell, null, Long.MAX_VALUE);
            cell.handler().handle(cell, m);
            cell.handled();
        }
    }

    @Override
    boolean bodiesOnOwnThreads() {
        return true;
    }

    @Override
    void post(ActorCell<?> target, ActorRef<?> sender, Object message) {
        checkMessage(target.name, message);
        if (target.messageType() != null && refusedType(target, sender, message)) {
            return;
        }
        if (!target.isAlive() || lifecycle() != RUNNING) {
            deadLetter(target.name, sender, message);
            return;
        }
        if (target.room() != null && !admit(target, sender, message)) {
            return;
        }
        if (recording) {
            sender = stamp(target, sender, message);
        }
        ((ActorThread) target.host()).inbox.offer(new Envelope(sender, message));
    }

    /** An actor's own thread waits so that a stop can end the wait; any other thread as every mode does. */
    @Override
    void waitForRoom(ActorCell<?> target, ActorRef<?> sender, Object message) {
        ActorThread me = current.get();
        if (me == null) {
            super.waitForRoom(target, sender, message);
        } else {
            me.waitForRoom(target, sender, message);
        }
    }

    @Override
    void deliverNotice(ActorCell<?> target, ActorRef<?> sender, Object notice) {
        if (!target.isAlive() || lifecycle() != RUNNING) {
            deadLetter(target.name, sender, notice);
            return;
        }
        if (target.room() != null) {
            target.room().force();
        }
        ((ActorThread) target.host()).inbox.offer(new Envelope(sender, notice));
    }

    // ------------------------------------------------------------------ supervision: the supervisor's thread waits for the child's

    /** Asks the child's thread to end its incarnation at its next wait, and waits up to {@code timeout}. */
    @Override
    void haltForRestart(ActorCell<?> child, Duration timeout) {
        CompletableFuture<Void> halted = Ties.requestHalt(child);
        if (halted == null || !(child.host() instanceof ActorThread host)) {
            return; // suspended already
        }
        host.requestHalt();
        awaitChild(child, host, halted, timeout, "halt for a restart");
    }

    @Override
    void restartChild(ActorCell<?> child, Object behaviour) {
        Ties.decide(child, behaviour);
        ((ActorThread) child.host()).inbox.wake();
    }

    @Override
    void stopChild(ActorCell<?> child, Duration timeout) {
        if (!child.isAlive() || !(child.host() instanceof ActorThread host)) {
            return;
        }
        Ties.withdrawDecision(child);
        registry.remove(child.name, child);
        stopActor(child);
        if (host.thread != Thread.currentThread()) {
            awaitChild(child, host, child.termination(), timeout, "stop");
        }
    }

    /** Waits for a child's thread; past the timeout interrupts it (Erlang's brutal kill) and goes on. */
    private void awaitChild(ActorCell<?> child, ActorThread host, CompletableFuture<?> done, Duration timeout, String what) {
        try {
            done.get(Timer.delayNanos(timeout), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            LOG.error("actor '{}' did not {} within {} ms; interrupting its thread", child.name, what, timeout.toMillis());
            host.thread.interrupt();
        } catch (java.util.concurrent.ExecutionException failedToo) {
            // it ended with a failure: it has ended all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            host.thread.interrupt();
        }
    }

    @Override
    void killActor(ActorCell<?> cell) {
        if (cell.host() instanceof ActorThread host) {
            host.requestStop();
        }
    }

    /** The actor's thread and inbox exist before its name is registered, so a send never finds it without them. */
    @Override
    void prepare(ActorCell<?> cell) {
        cell.host(new ActorThread(cell));
    }

    /** {@link #launch} adds the actor to {@code live} (which shutdown reads) before it checks the lifecycle. */
    @Override
    boolean launchChecksShutdown() {
        return true;
    }

    @Override
    void launch(ActorCell<?> cell) {
        ActorThread host = (ActorThread) cell.host();
        live.add(host);
        if (lifecycle() != RUNNING) {
            // shutdown began: this actor never starts, and what was sent to it is a dead letter
            live.remove(host);
            host.done.countDown(); // a shutdown that saw it in live must not wait for it
            ended(cell, null);
            host.inbox.close(host::drainAtEnd);
            cell.finished();
            if (live.isEmpty()) {
                finishShutdown();
            }
            throw new IllegalStateException("cannot spawn '" + cell.name + "': the actor system is shut down");
        }
        host.thread.start();
    }

    @Override
    void stopActor(ActorCell<?> cell) {
        if (cell.host() instanceof ActorThread host) {
            cell.stopAsked = true; // before the flag: a suspended actor tells a stop from a halt by it
            host.requestStop();
        }
    }

    @Override
    ActorCell<?> currentActor() {
        ActorThread t = current.get();
        return t == null ? null : t.cell;
    }

    @Override
    boolean isRunning(ActorCell<?> cell) {
        return cell.host() instanceof ActorThread t && t.thread == Thread.currentThread();
    }

    @Override
    String hostThreadName(ActorCell<?> cell) {
        return cell.host() instanceof ActorThread t ? t.thread.getName() : "(not started)";
    }

    @Override
    int unboundedMailboxSize(ActorCell<?> cell) {
        return cell.host() instanceof ActorThread t ? t.inbox.size() : 0;
    }

    /** Completed by the actor's thread after its final inbox drain, in {@link ActorThread#run}. */
    @Override
    void finish(ActorCell<?> cell) {
    }

    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        Command c = new Command(cell, action);
        if (cell.host() instanceof ActorThread host) {
            host.inbox.offer(c);
            c.checkAccepted("actor '" + cell.name + "'");
        } else {
            throw new java.util.concurrent.RejectedExecutionException("actor '" + cell.name + "' is not running");
        }
    }

    /** An actor blocking on an ask to itself, on its own thread, would wait forever: refused. */
    @Override
    void refuseBlockingWait(String what, String method, ActorCell<?> answerer) {
        if (answerer != null && isRunning(answerer)) {
            throw new dev.frontier.actor.BlockingWaitException("actor '" + answerer.name + "' called " + method + " on "
                    + what + " on its own thread (" + Thread.currentThread().getName() + "), which must answer it: it would"
                    + " wait forever. Handle the request directly instead of asking yourself.");
        }
    }

    /** Generator waits are the deque scheduler's; here a body blocks its own thread instead. */
    @Override
    void wake(ActorCell<?> cell, int epoch, byte waitingIn, Object value) {
        throw new UnsupportedOperationException("thread-per-actor bodies do not suspend");
    }

    @Override
    Cancellable schedule(Duration delay, Runnable action, Runnable onAbandon) {
        Timer t = new Timer(System.nanoTime(), delay, action, onAbandon);
        java.util.concurrent.ScheduledFuture<?> f;
        synchronized (this) {
            if (lifecycle() != RUNNING) {
                t.abandon();
                return t;
            }
            pendingTimers.add(t);
            f = timers().schedule(() -> {
                pendingTimers.remove(t);
                try {
                    t.fire();
                } catch (Throwable failure) {
                    report(null, "(timer " + action + ")", null, failure);
                }
            }, t.deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        t.unlink = () -> {
            pendingTimers.remove(t);
            f.cancel(false);
        };
        return t;
    }

    /** Must only be called while holding this system's lock. */
    private ScheduledThreadPoolExecutor timers() {
        if (timerThread == null) {
            timerThread = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "frontier-timers");
                t.setDaemon(true);
                return t;
            });
            timerThread.setRemoveOnCancelPolicy(true);
        }
        return timerThread;
    }

    private void threadEnded(ActorThread t) {
        live.remove(t);
        if (lifecycle() == STOPPING && live.isEmpty()) {
            finishShutdown();
        }
    }

    private synchronized void finishShutdown() {
        if (lifecycle() == STOPPING && live.isEmpty()) {
            if (timerThread != null) {
                timerThread.shutdownNow();
            }
            terminated();
        }
    }

    /**
     * Stops every actor (each closes on its own thread, so its {@code finally} blocks run there),
     * abandons pending timers, and waits up to the shutdown timeout for every actor thread to end;
     * threads still running then are interrupted. Concurrent callers all wait. An actor that calls
     * it does not wait for itself.
     */
    @Override
    public void shutdown() {
        if (beginShutdown()) {
            synchronized (this) {
                if (timerThread != null) {
                    timerThread.shutdownNow();
                }
            }
            for (Timer t : pendingTimers) {
                t.abandon();
            }
            pendingTimers.clear();
            for (ActorThread t : live) {
                if (!hasLiveSupervisor(t.cell)) {
                    stopActor(t.cell); // a supervisor stops its own children, latest started first
                }
            }
            finishShutdown();
        }
        if (current.get() != null) {
            return;
        }
        long deadline = System.nanoTime() + Timer.delayNanos(options.shutdownTimeout);
        for (ActorThread t : new ArrayList<>(live)) {
            boolean done;
            try {
                // not Thread.join: a thread whose start() is still under way (a spawn racing this
                // shutdown) can be alive and yet NEW, and join(Duration) throws "Thread not started"
                done = t.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (done) {
                    t.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!done || t.thread.isAlive()) {
                LOG.error("actor thread {} did not stop within {} ms; interrupting it", t.thread.getName(),
                        options.shutdownTimeout.toMillis());
                t.thread.interrupt();
            }
        }
    }
}
