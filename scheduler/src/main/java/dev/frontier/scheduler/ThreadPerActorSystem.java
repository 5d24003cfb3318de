package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.Cancellable;
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
 * blocks run, exactly as a closed generator's do. An interrupt of an actor's thread stops it the
 * same way.
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
    }

    /** Each actor on its own virtual thread. */
    public static ThreadPerActorSystem create() {
        return new ThreadPerActorSystem(ActorSystemOptions.defaults());
    }

    /** Each actor on its own thread; {@link ActorSystemOptions#withVirtualThreads} picks the kind. */
    public static ThreadPerActorSystem create(ActorSystemOptions options) {
        return new ThreadPerActorSystem(options);
    }

    /** One actor's thread and inbox: its host. */
    final class ActorThread implements Runnable {
        final ActorCell<?> cell;
        final Inbox inbox;
        final Thread thread;
        /** The stop request has been taken: a further wait means the body ignored it. Actor thread only. */
        private boolean stopping;
        /** A stop was asked for: it takes effect at the next wait, ahead of any waiting message. */
        volatile boolean stopRequested;
        /** Messages taken since the thread last gave way: past the throughput bound, it yields. */
        private int takenInARow;

        ActorThread(ActorCell<?> cell) {
            this.cell = cell;
            this.inbox = new Inbox(64, this::leftover);
            Thread.Builder builder = options.virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon(false);
            this.thread = builder.name("actor-" + cell.name).unstarted(this);
            inbox.consumer(thread);
        }

        /** The actor's life: its body (or handler loop) runs here from start to end. */
        @Override
        public void run() {
            current.set(this);
            try {
                if (cell.isHandler()) {
                    handlerLoop(cell);
                } else {
                    cell.body().run(cellAsContext(cell));
                }
                ended(cell, null);
            } catch (GeneratorExit stopped) {
                ended(cell, null);
            } catch (Throwable t) {
                failed(cell, t);
            } finally {
                ended(cell, null); // no-op if it ended above; an interrupted start ends here too
                inbox.close(this::drainAtEnd);
                mdcLeave(cell);
                current.remove();
                cell.finished();
                threadEnded(this);
            }
        }

        /**
         * Waits for the first message {@code accepts} allows (null: any), running the actor's
         * commands meanwhile and keeping the messages it skips; {@link ActorCell#TIMED_OUT} at
         * {@code deadline}. Must only be called from the actor's thread.
         */
        Object take(ActorCell<?> c, Predicate<Object> accepts, long deadline) {
            checkNotStopping();
            if (++takenInARow >= options.throughput) {
                // a virtual thread that always has mail would never unmount: give the carrier away
                takenInARow = 0;
                Thread.yield();
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

        /** A command or the stop request. */
        private void dispatch(Object e) {
            if (e == STOP) {
                stopping = true;
                throw new GeneratorExit();
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
        ActorThread host = (ActorThread) cell.host;
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
        if (!target.isAlive() || lifecycle() != RUNNING) {
            deadLetter(target.name, sender, message);
            return;
        }
        if (target.room != null && !admit(target, sender, message)) {
            return;
        }
        if (recording) {
            sender = stamp(target, sender, message);
        }
        ((ActorThread) target.host).inbox.offer(new Envelope(sender, message));
    }

    /** The actor's thread and inbox exist before its name is registered, so a send never finds it without them. */
    @Override
    void prepare(ActorCell<?> cell) {
        cell.host = new ActorThread(cell);
    }

    @Override
    void launch(ActorCell<?> cell) {
        ActorThread host = (ActorThread) cell.host;
        live.add(host);
        if (lifecycle() != RUNNING) {
            // shutdown began: this actor never starts, and what was sent to it is a dead letter
            live.remove(host);
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
        if (cell.host instanceof ActorThread host) {
            host.stopRequested = true;
            host.inbox.offer(STOP); // wakes it
        }
    }

    @Override
    ActorCell<?> currentActor() {
        ActorThread t = current.get();
        return t == null ? null : t.cell;
    }

    @Override
    boolean isRunning(ActorCell<?> cell) {
        return cell.host instanceof ActorThread t && t.thread == Thread.currentThread();
    }

    @Override
    String hostThreadName(ActorCell<?> cell) {
        return cell.host instanceof ActorThread t ? t.thread.getName() : "(not started)";
    }

    @Override
    int unboundedMailboxSize(ActorCell<?> cell) {
        return cell.host instanceof ActorThread t ? t.inbox.size() : 0;
    }

    /** Completed by the actor's thread after its final inbox drain, in {@link ActorThread#run}. */
    @Override
    void finish(ActorCell<?> cell) {
    }

    @Override
    void runOnHost(ActorCell<?> cell, Runnable action) {
        Command c = new Command(cell, action);
        if (cell.host instanceof ActorThread host) {
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
                stopActor(t.cell);
            }
            finishShutdown();
        }
        if (current.get() != null) {
            return;
        }
        long deadline = System.nanoTime() + Timer.delayNanos(options.shutdownTimeout);
        for (ActorThread t : new ArrayList<>(live)) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0 && t.thread.isAlive()) {
                    t.thread.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.thread.isAlive()) {
                LOG.error("actor thread {} did not stop within {} ms; interrupting it", t.thread.getName(),
                        options.shutdownTimeout.toMillis());
                t.thread.interrupt();
            }
        }
    }
}
