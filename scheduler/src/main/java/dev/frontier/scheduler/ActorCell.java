package dev.frontier.scheduler;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorOptions;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.core.Generator;
import dev.frontier.core.GeneratorFunction;
import dev.frontier.core.StopIteration;
import dev.frontier.core.Yielder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * One actor at run time: its behaviour (a generator body or a handler), its mailbox, the messages
 * its selective receive kept back, the message in hand and its sender, and its lifecycle.
 *
 * <h2>How a message reaches the body</h2>
 * On the deque scheduler the actor is what gets scheduled. A message is appended to the actor's
 * {@link Mailbox}; an actor that can take it and is not yet queued goes to the back of the
 * scheduler's run queue. Its {@link #turn(int) turn} takes up to a budget of messages: a handler
 * is called once per message; a generator body suspended in {@code receive} is resumed with the
 * first message it accepts, and each further {@code receive} it makes during the turn takes the
 * next message straight from the mailbox, with no continuation switch. The body suspends only when
 * its mailbox is empty or the turn's budget is spent. In thread-per-actor mode there is no
 * generator: the body runs on the actor's own thread and {@code receive} parks that thread
 * ({@link ThreadPerActorSystem}). In direct mode a send resumes the body on the sender's stack.
 *
 * <p>Every message handed to the actor, by whichever path, goes through {@link #accept}: it becomes
 * the message in hand, gets its sequence number, and is seen by the tracer and the trace log.
 *
 * <h2>Waiting</h2>
 * A generator body is suspended for one reason at a time, in {@code wait}:
 * <pre>
 *   CREATED  -> (first turn runs the body to its first wait)
 *   RECEIVE  -> resumed with a message its matcher accepts, or TIMED_OUT (via WOKEN)
 *   AWAIT    -> WOKEN when the awaited stage completes (through the host thread)
 *   ROOM     -> WOKEN when a bounded mailbox it sends to has room again (back-pressure)
 *   WOKEN    -> resumed with the value or failure kept in {@code wakeValue}
 *   NONE     -> running, or ended
 *   SUSPENDED   a supervised incarnation ended; no behaviour until {@link #restart} (then CREATED)
 * </pre>
 * Each wait has an epoch, so a completion or timer meant for an earlier wait cannot resume a later one.
 *
 * <p>Must only be called from the actor's host thread (the scheduler thread, or the actor's own
 * thread), except {@link #send}, {@link #isAlive}, {@link #name}, {@link #termination} and
 * {@link #requestStop}.
 */
final class ActorCell<M> implements ActorRef<M>, ActorContext<M>, GeneratorFunction<Object, Object, Void> {

    /** Nothing found: distinct from any message (messages are never null). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "none";
        }
    };

    /** What a generator actor's {@code receive(timeout)} is resumed with when the time is up. */
    static final Object TIMED_OUT = new Object() {
        @Override
        public String toString() {
            return "receive timed out";
        }
    };

    static final byte W_NONE = 0;
    static final byte W_CREATED = 1;
    static final byte W_RECEIVE = 2;
    static final byte W_AWAIT = 3;
    static final byte W_WOKEN = 4;
    static final byte W_ROOM = 5;
    static final byte W_SUSPENDED = 6;

    /** A failure to throw in at a wait, as a wake value. */
    record Thrown(Throwable cause) {
    }

    final String name;
    final AbstractActorSystem system;
    /** The handler, or the generator body. Replaced by a restart. */
    private Object behaviour;
    /** The behaviour is a handler (false while a supervised actor is suspended). Replaced by a restart. */
    private boolean isHandler;
    /** Null for a handler actor and for a body that runs on a thread of its own. Replaced by a restart. */
    private Generator<Object, Object, Void> generator;
    /** The body runs on a thread of its own (thread-per-actor), not as a generator. */
    private final boolean onOwnThread;
    /** Watchers, links, supervision: made on first use. Guarded by {@code this}; see {@link Ties}. */
    volatile Ties ties;
    /** A stop was asked for (by {@code stop}, a supervisor, or shutdown): it ends for good, never restarted. */
    volatile boolean stopAsked;
    private Yielder<Object, Object> yielder;
    /** Deque scheduler: waiting messages; made on the first one (a million idle actors add up). */
    Mailbox mailbox;
    /** Messages a selective receive skipped, oldest first. */
    private Stash stash;
    /** The message in hand and its sender (null: from outside any actor). */
    private ActorRef<?> sender;
    private Object message;
    /** What few actors need: made at spawn for a bounded mailbox or an actor thread, else on first use. */
    private Extras extras;
    /** Messages taken so far: the number of the one in hand. */
    long sequence;
    /** Numbers spawns in its system: shutdown closes the latest first. */
    int spawnOrder;
    private int epoch;
    byte wait;
    /** On the deque scheduler: in the run queue, or running its turn. Scheduler thread only. */
    boolean scheduled;
    /** A stop was asked for while the actor was running; its host closes it after the turn. */
    boolean stopRequested;
    /** This actor's deliveries are written to the trace log. */
    boolean traced;
    /** The flow recorder selects this actor. Written racily by the recorder's switch. */
    boolean recorded;
    /**
     * The recorded delivery in hand, or the one just handled whose end is still to be read
     * ({@link #inHandDone}); null if none. Host thread only.
     */
    FlowEvent inHand;
    /**
     * Deque or direct host: the delivery in {@link #inHand} has been handled; the actor's next clock
     * reading (its next message's start, or its turn's end) ends it. A flag rather than a second
     * reference field: storing a young object into an old one is what G1's write barrier charges for.
     */
    private boolean inHandDone;
    /**
     * Deque or direct host, while a turn runs: the number its first message will get if the turn
     * began with one to take before any of the actor's code runs (flow recording may then reuse the
     * previous turn's end reading), else -1; {@link #NOT_IN_TURN} between turns.
     */
    private long turnFirst = NOT_IN_TURN;
    private static final long NOT_IN_TURN = Long.MIN_VALUE;
    /** The delivery in hand's JFR event, while JFR records deliveries; null otherwise. Host thread only. */
    Object jfrInHand;
    /** This actor put its identity in the MDC of its host thread; cleared when it stops running. */
    boolean mdcSet;
    private volatile boolean alive = true;
    /** The host is done with the ended actor. Guarded by {@code this}. */
    private boolean finished;
    /** What ended the actor, once it has ended with a failure. Guarded by {@code this}. */
    private Throwable failure;
    /** Made on first request: most actors are never asked. Guarded by {@code this}. */
    private CompletableFuture<Void> termination;

    /**
     * The fields few actors need, kept out of the cell so that a million plain idle actors do not
     * pay for them. Those set at spawn are published with the cell; the others belong to the host
     * thread.
     */
    private static final class Extras {
        /** The per-actor options, when not the defaults. Set at spawn. */
        ActorOptions options = ActorOptions.defaults();
        /** A bounded mailbox's free places: a send takes one, taking the message gives it back. Set at spawn. */
        Room room;
        /** The type of message it accepts (checked when a message is sent), or null for any. Set at spawn. */
        Class<?> messageType;
        /** Per-mode data: the thread-per-actor mode keeps the actor's thread here. Set before the cell is registered. */
        Object host;
        /** Deque scheduler: generator actors suspended until this actor's bounded mailbox has room. */
        ArrayDeque<ActorCell<?>> blockedSenders;
        /** While waiting in a selective receive: what it accepts. */
        Predicate<Object> matcher;
        /** WOKEN: the value, {@link Thrown} failure or {@link #TIMED_OUT} to resume with. */
        Object wakeValue;
    }

    private ActorCell(AbstractActorSystem system, String name, ActorOptions options, Object behaviour,
                      boolean isHandler, boolean onOwnThread) {
        this.system = system;
        this.name = name;
        this.behaviour = behaviour;
        this.isHandler = isHandler;
        this.onOwnThread = onOwnThread;
        this.generator = isHandler || onOwnThread ? null : Generator.of(this);
        this.wait = generator != null ? W_CREATED : W_NONE;
        if (Objects.requireNonNull(options, "options") != ActorOptions.defaults()) {
            Extras e = extras();
            e.options = options;
            e.room = options.isBounded() ? new Room(options.mailboxCapacity()) : null;
            e.messageType = options.messageType();
        }
    }

    static <M> ActorCell<M> generator(AbstractActorSystem system, String name, ActorOptions options,
                                      GeneratorActor<M> body, boolean onOwnThread) {
        return new ActorCell<>(system, name, options, Objects.requireNonNull(body, "body"), false, onOwnThread);
    }

    static <M> ActorCell<M> handler(AbstractActorSystem system, String name, ActorOptions options,
                                    MessageHandler<M> handler) {
        return new ActorCell<>(system, name, options, Objects.requireNonNull(handler, "handler"), true, false);
    }

    private Extras extras() {
        Extras e = extras;
        if (e == null) {
            e = extras = new Extras();
        }
        return e;
    }

    /** The per-actor options given at spawn. */
    ActorOptions actorOptions() {
        Extras e = extras;
        return e == null ? ActorOptions.defaults() : e.options;
    }

    /** The type of message it accepts, or null for any. Any thread. */
    Class<?> messageType() {
        Extras e = extras;
        return e == null ? null : e.messageType;
    }

    /** A bounded mailbox's free places, or null: unbounded. Any thread. */
    Room room() {
        Extras e = extras;
        return e == null ? null : e.room;
    }

    /** Per-mode data (thread-per-actor: the actor's thread), or null. */
    Object host() {
        Extras e = extras;
        return e == null ? null : e.host;
    }

    /** Sets the per-mode data. Must only be called before the cell is registered. */
    void host(Object h) {
        extras().host = h;
    }

    /**
     * The generator's body: the user's body, given this cell as its context. The cell is its own
     * generator function, so no extra object per actor.
     */
    @Override
    public Void apply(Yielder<Object, Object> y) throws Exception {
        yielder = y;
        body().run(this);
        return null;
    }

    boolean isHandler() {
        return isHandler;
    }

    @SuppressWarnings("unchecked")
    MessageHandler<M> handler() {
        return (MessageHandler<M>) behaviour;
    }

    @SuppressWarnings("unchecked")
    GeneratorActor<M> body() {
        return (GeneratorActor<M>) behaviour;
    }

    /** What the actor's code is (for its logger's name). */
    Object behaviour() {
        return behaviour;
    }

    // ------------------------------------------------------------------ deque scheduler side

    /**
     * Queues a message in this actor's mailbox. Returns whether the actor should now be put in
     * the run queue (it can take the message and is not queued yet); the caller then does so and
     * marks it {@link #scheduled}. Must only be called from the scheduler thread.
     */
    boolean enqueue(ActorRef<?> from, Object m) {
        Mailbox mb = mailbox;
        if (mb == null) {
            mb = mailbox = new Mailbox();
        }
        mb.add(from, m);
        return !scheduled && (wait == W_RECEIVE || isHandler);
    }

    /**
     * Whether the actor can use a turn now: a message it can take, a start, or a wake-up.
     * Must only be called from the scheduler thread.
     */
    boolean hasWork() {
        if (!alive) {
            return false;
        }
        byte w = wait;
        if (w == W_CREATED || w == W_WOKEN) {
            return true;
        }
        Mailbox mb = mailbox;
        return mb != null && !mb.isEmpty() && (isHandler || w == W_RECEIVE);
    }

    /**
     * One turn: takes up to {@code budget} messages, or starts or wakes the body, and returns how
     * many messages it took. Whatever escapes the actor ends it through {@link AbstractActorSystem#failed}.
     * Must only be called from the actor's host thread.
     */
    @SuppressWarnings("unchecked")
    int turn(int budget) {
        AbstractActorSystem sys = system;
        int outer = sys.budget; // direct mode nests turns; the deque scheduler never does
        sys.budget = budget;
        turnFirst = isHandler || wait == W_RECEIVE ? sequence + 1 : -1;
        try {
            if (isHandler) {
                MessageHandler<M> h = handler();
                Mailbox mb = mailbox;
                while (sys.budget > 0 && mb != null && !mb.isEmpty() && !stopRequested) {
                    sys.budget--;
                    Object m = mb.poll();
                    polled();
                    accept(mb.polledSender(), m);
                    h.handle(this, (M) m);
                    handled();
                }
            } else {
                switch (wait) {
                    case W_CREATED -> resume(null, null);
                    case W_RECEIVE -> {
                        Extras e = extras;
                        Object m = takeFromMailbox(e == null ? null : e.matcher);
                        if (m != NONE) {
                            resume(m, null);
                        }
                    }
                    case W_WOKEN -> {
                        Extras e = extras();
                        Object v = e.wakeValue;
                        e.wakeValue = null;
                        if (v instanceof Thrown t) {
                            resume(null, unwrap(t.cause()));
                        } else {
                            resume(v, null);
                        }
                    }
                    default -> {
                        // awaiting, or ended: nothing to do until woken
                    }
                }
            }
        } catch (Throwable t) {
            sys.failed(this, t);
        }
        turnFirst = NOT_IN_TURN;
        if (inHand != null) {
            turnEndedRecording();
        }
        int used = budget - sys.budget;
        sys.budget = outer;
        return used;
    }

    /** A turn ended with a recorded delivery in hand or just handled: one reading ends it or stamps its sends. */
    private void turnEndedRecording() {
        if (inHandDone || inHand.hasUnstampedSends()) {
            reading(system.turnEndReading());
        }
    }

    /** Resumes the suspended generator body with a value or a failure; notes its end. */
    private void resume(Object value, Throwable thrown) {
        wait = W_NONE;
        try {
            if (thrown != null) {
                generator.throwIn(thrown);
            } else if (value == null) {
                generator.next();
            } else {
                generator.send(value);
            }
        } catch (StopIteration end) {
            system.bodyReturned(this);
        }
    }

    /**
     * A supervised incarnation ended: no behaviour runs until a {@link #restart}; messages keep
     * queueing and the actor is not scheduled for them. Deque scheduler; scheduler thread only.
     */
    void suspendBehaviour() {
        isHandler = false;
        generator = null;
        wait = W_SUSPENDED;
    }

    /**
     * Starts a new incarnation with {@code behaviour} (a {@link GeneratorActor} or a
     * {@link MessageHandler}): a fresh generator (its locals start over) or handler. The name, the
     * mailbox and the messages kept for later receives, and the watchers stay. Must only be called
     * from the actor's host thread while no behaviour runs.
     */
    void restart(Object newBehaviour) {
        behaviour = Objects.requireNonNull(newBehaviour, "behaviour");
        isHandler = newBehaviour instanceof MessageHandler<?>;
        generator = isHandler || onOwnThread ? null : Generator.of(this);
        wait = generator != null ? W_CREATED : W_NONE;
        yielder = null;
        Extras e = extras;
        if (e != null) {
            e.matcher = null;
            e.wakeValue = null;
        }
        epoch++;
        stopRequested = false;
        sender = null;
        message = null;
        Ties.resumed(this);
    }

    /**
     * Takes the oldest mailbox message that {@code accepts} (null: any) allows, within the turn's
     * budget; messages it rejects go to the stash, in order. {@link #NONE} if none.
     */
    private Object takeFromMailbox(Predicate<Object> accepts) {
        Mailbox mb = mailbox;
        AbstractActorSystem sys = system;
        while (sys.budget > 0 && mb != null && !mb.isEmpty()) {
            sys.budget--;
            Object m = mb.poll();
            ActorRef<?> from = mb.polledSender();
            polled();
            if (accepts == null || matches(accepts, from, m)) {
                accept(from, m);
                return m;
            }
            keep(from, m, accepts);
        }
        return NONE;
    }

    /**
     * A message left the mailbox (taken, or kept back by a selective receive): a bounded mailbox
     * has room for one more. Must only be called from the actor's host thread.
     */
    void polled() {
        Extras e = extras;
        if (e != null && e.room != null) {
            e.room.release();
            system.roomFreed(this);
        }
    }

    /**
     * Back-pressure: suspends this generator body until {@code target}'s bounded mailbox may have
     * room (the caller then tries again). Deque scheduler only; must only be called from this
     * actor's body.
     */
    void suspendForRoom(ActorCell<?> target) {
        Extras te = target.extras();
        ArrayDeque<ActorCell<?>> q = te.blockedSenders;
        if (q == null) {
            q = te.blockedSenders = new ArrayDeque<>();
        }
        q.addLast(this);
        epoch++;
        wait = W_ROOM;
        yielder.yield(null);
    }

    /** Whether this actor's code is a generator body that can suspend (not a handler, not on its own thread). */
    boolean canSuspend() {
        return generator != null;
    }

    /**
     * Room was freed in this actor's mailbox (or it ended): wakes the first sender still suspended
     * for room, or every one of them when {@code all}. Returns the woken senders through {@code wake}.
     * Deque scheduler only.
     */
    void wakeBlockedSenders(boolean all, java.util.function.Consumer<ActorCell<?>> wake) {
        Extras e = extras;
        ArrayDeque<ActorCell<?>> q = e == null ? null : e.blockedSenders;
        if (q == null) {
            return;
        }
        for (ActorCell<?> s; (s = q.pollFirst()) != null; ) {
            if (s.alive && s.wait == W_ROOM) {
                s.extras().wakeValue = null;
                s.wait = W_WOKEN;
                wake.accept(s);
                if (!all) {
                    return;
                }
            }
        }
    }

    /** Runs a matcher; if it throws, the message it was looking at is the one in hand for the report. */
    boolean matches(Predicate<Object> accepts, ActorRef<?> from, Object m) {
        try {
            return accepts.test(m);
        } catch (RuntimeException | Error e) {
            sender = from;
            message = m;
            throw e;
        }
    }

    /**
     * The completion of an await, or the timer of a timed receive, for wait {@code epoch}: if the
     * body still waits there, keeps {@code value} and returns {@code true} (the host then runs a
     * turn, which resumes it). Must only be called from the host thread.
     */
    boolean wake(int epoch, byte waitingIn, Object value) {
        if (!alive || wait != waitingIn || this.epoch != epoch) {
            return false;
        }
        extras().wakeValue = value;
        wait = W_WOKEN;
        return true;
    }

    // ------------------------------------------------------------------ any mode

    /**
     * Hands a message to the actor: it becomes the message in hand, numbered, traced. Every
     * message goes through here. Must only be called from the actor's host thread.
     */
    void accept(ActorRef<?> from, Object m) {
        long seq = ++sequence;
        if (from instanceof FlowEvent || inHand != null || jfrInHand != null || FrontierJfr.on) {
            from = acceptRecorded(from, seq);
        }
        sender = from;
        message = m;
        system.accepted(this, from, m, seq);
    }

    /**
     * {@link #accept}'s diagnostics, out of line so that the common path stays small: ends what was
     * handled before, starts the recorded delivery and the JFR event. Returns the real sender.
     */
    private ActorRef<?> acceptRecorded(ActorRef<?> from, long seq) {
        if (jfrInHand != null || (inHand != null && !inHandDone)) {
            handlingEnded(FlowEvent.HANDLED, null); // taken without the last one being marked handled
        }
        if (from instanceof FlowEvent e) {
            long now = seq == turnFirst ? system.turnStartReading() : FlowRecorder.now(); // also ends what was handled before
            if (inHand != null) {
                reading(now);
            }
            from = e.sender; // the actor sees its real sender
            e.started(now, system.turnNumber(), seq);
            inHand = e;
        } else if (inHand != null) {
            reading(FlowRecorder.now());
        }
        if (FrontierJfr.on) {
            jfrInHand = FrontierJfr.beginDelivery();
        }
        return from;
    }


    /**
     * The actor is done with the message in hand: it asks for its next message, or its handler
     * returned. Ends the recorded delivery and the JFR event, if any. Host thread only.
     */
    void handled() {
        if (inHand != null || jfrInHand != null) {
            handledNow();
        }
    }

    private void handledNow() {
        FlowEvent e = inHand;
        if (e != null && !inHandDone) {
            if (host() == null) {
                inHandDone = true; // deque or direct: the next reading ends it (and may start the next one)
            } else {
                inHand = null;
                e.ended(FlowRecorder.now(), FlowEvent.HANDLED, null);
            }
        }
        Object j = jfrInHand;
        if (j != null) {
            jfrInHand = null;
            FrontierJfr.endDelivery(j, this, FlowEvent.HANDLED, null);
        }
    }

    /**
     * A clock reading by this actor: it stamps the sends waiting for it and ends the delivery handled
     * before, if that one waits for it. Host thread only.
     */
    private void reading(long now) {
        FlowEvent e = inHand;
        e.stampSends(now);
        if (inHandDone) {
            inHand = null;
            inHandDone = false;
            e.ended(now, FlowEvent.HANDLED, null);
        }
    }

    /**
     * Whether a recorded message this actor sends now can wait for its next clock reading: it is in a
     * turn of a host that batches readings (the deque scheduler), handling a recorded delivery.
     */
    boolean defersSends() {
        return turnFirst != NOT_IN_TURN && inHand != null && !inHandDone && system.batchesReadings();
    }

    /** A recorded message this actor sent: stamped at its next clock reading. Host thread only. */
    FlowEvent sentDeferred(FlowEvent s) {
        return inHand.deferSend(s);
    }

    /**
     * The handling of the message in hand ended with {@code outcome} ({@link FlowEvent#HANDLED},
     * {@link FlowEvent#FAILED}, {@link FlowEvent#RESTARTED}). Host thread only.
     */
    void handlingEnded(byte outcome, Throwable cause) {
        FlowEvent e = inHand;
        if (e != null) {
            long now = FlowRecorder.now();
            e.stampSends(now);
            inHand = null;
            if (inHandDone) {
                inHandDone = false;
                e.ended(now, FlowEvent.HANDLED, null); // handled before whatever ended the actor
            } else {
                e.ended(now, outcome, cause);
            }
        }
        Object j = jfrInHand;
        if (j != null) {
            jfrInHand = null;
            FrontierJfr.endDelivery(j, this, outcome, cause);
        }
    }

    /** The number of the recorded delivery in hand (what a send now is caused by), or 0. */
    long handlingId() {
        FlowEvent e = inHand;
        return e == null || inHandDone ? 0 : e.id;
    }

    /**
     * Keeps a message for a later receive; {@code refusedBy} is the matcher that did not accept it
     * (null: none, it arrived while the actor was not receiving). Must only be called from the
     * actor's host thread.
     */
    void keep(ActorRef<?> from, Object m, Predicate<Object> refusedBy) {
        Stash s = stash;
        if (s == null) {
            s = stash = new Stash();
        }
        s.add(from, m, refusedBy);
    }

    /** The message in hand (for failure reports), or null before the first. */
    Object messageInHand() {
        return message;
    }

    ActorRef<?> senderInHand() {
        return sender;
    }

    /** Whether the generator body is suspended (so closing it runs its finally blocks). */
    boolean isSuspended() {
        return generator != null && generator.state() == Generator.State.SUSPENDED;
    }

    /**
     * Whether the calling code is this actor's generator body (on the thread fallback a body runs on
     * a thread of its own, not on its host's). Any thread.
     */
    boolean bodyRunsHere() {
        Generator<Object, Object, Void> g = generator;
        return g != null && g.isRunningHere();
    }

    /** Whether the actor's generator is running right now (on some thread's stack). */
    boolean isExecuting() {
        return generator != null && generator.state() == Generator.State.RUNNING;
    }

    /**
     * Closes the actor's generator so its {@code finally} blocks run. Throws what the body threw
     * while closing. Must only be called from the actor's host thread, outside its body.
     */
    void closeGenerator() {
        wait = W_NONE;
        if (generator != null) {
            generator.close();
        }
    }

    /** What ended the actor, if it ended with a failure; null otherwise. */
    synchronized Throwable failure() {
        return failure;
    }

    /** Marks the actor ended; {@code true} for the call that did. Idempotent; the first cause is kept. */
    synchronized boolean markEnded(Throwable cause) {
        if (alive) {
            alive = false;
            failure = cause;
            return true;
        }
        return false;
    }

    /**
     * Completes the termination future, once the host is done with the actor (its leftover
     * messages already dead letters). Idempotent.
     */
    synchronized void finished() {
        finished = true;
        if (termination != null) {
            complete(termination);
        }
    }

    private void complete(CompletableFuture<Void> f) {
        if (failure == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(failure);
        }
    }

    /** Removes and returns every message the actor will now never take: the stash, then the mailbox. */
    ArrayDeque<Stash.Kept> takeLeftovers() {
        Stash s = stash;
        Mailbox mb = mailbox;
        stash = null;
        mailbox = null;
        if ((s == null || s.isEmpty()) && (mb == null || mb.isEmpty())) {
            return null;
        }
        ArrayDeque<Stash.Kept> out = new ArrayDeque<>();
        if (s != null) {
            s.drainTo(out);
        }
        if (mb != null) {
            for (Object m; (m = mb.poll()) != null; ) {
                out.addLast(new Stash.Kept(mb.polledSender(), m));
            }
        }
        return out;
    }

    /**
     * Takes the oldest kept message {@code accepts} allows (any, for null) and makes it the one in
     * hand; {@link #NONE} if there is none. Must only be called from the actor's host thread.
     */
    Object takeKept(Predicate<Object> accepts) {
        Stash s = stash;
        if (s == null || s.isEmpty()) {
            return NONE;
        }
        Stash.Kept k = s.take(accepts, this);
        if (k == null) {
            return NONE;
        }
        accept(k.sender(), k.message());
        return k.message();
    }

    // ------------------------------------------------------------------ ActorContext

    @Override
    @SuppressWarnings("unchecked")
    public M receive() {
        // The common case written out flat: each frame between the body and the yield is frozen
        // into the heap with the suspended actor, so fewer frames here means smaller idle actors.
        if (!system.isRunning(this)) {
            throw system.notRunning(this, "receive()");
        }
        if (generator == null || (stash != null && !stash.isEmpty())) {
            return (M) take(null, "receive()");
        }
        handled();
        Object m = takeFromMailbox(null);
        if (m == NONE) {
            epoch++;
            wait = W_RECEIVE;
            m = yielder.yield(null);
        }
        return (M) m;
    }

    /** One matcher per class, so that the stash knows which kept messages a class already refused. */
    private static final ClassValue<Predicate<Object>> INSTANCE_OF = new ClassValue<>() {
        @Override
        protected Predicate<Object> computeValue(Class<?> type) {
            return type::isInstance;
        }
    };

    @Override
    public <T extends M> T receive(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.cast(take(INSTANCE_OF.get(type), "receive(Class)"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public M receive(Predicate<? super M> matcher) {
        Objects.requireNonNull(matcher, "matcher");
        return (M) take((Predicate<Object>) matcher, "receive(Predicate)");
    }

    /** Waits for the first message {@code accepts} allows (null: any). */
    private Object take(Predicate<Object> accepts, String operation) {
        checkGeneratorRunning(operation);
        handled();
        if (generator == null) {
            threadHost(operation).checkStop();
        }
        Object m = takeKept(accepts);
        if (m != NONE) {
            return m;
        }
        if (generator == null) {
            return threadHost(operation).take(this, accepts, Long.MAX_VALUE);
        }
        m = takeFromMailbox(accepts);
        if (m != NONE) {
            return m;
        }
        epoch++;
        return suspendInReceive(accepts);
    }

    /** Suspends the generator body until a turn hands it a message its matcher allows. */
    private Object suspendInReceive(Predicate<Object> accepts) {
        if (accepts == null) {
            wait = W_RECEIVE;
            return yielder.yield(null);
        }
        Extras e = extras();
        e.matcher = accepts;
        wait = W_RECEIVE;
        try {
            return yielder.yield(null);
        } finally {
            e.matcher = null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<M> receive(Duration timeout) {
        Object m = takeWithin(null, timeout, "receive(Duration)");
        return m == TIMED_OUT ? Optional.empty() : Optional.of((M) m);
    }

    @Override
    public <T extends M> Optional<T> receive(Class<T> type, Duration timeout) {
        Objects.requireNonNull(type, "type");
        Object m = takeWithin(INSTANCE_OF.get(type), timeout, "receive(Class, Duration)");
        return m == TIMED_OUT ? Optional.empty() : Optional.of(type.cast(m));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<M> receive(Predicate<? super M> matcher, Duration timeout) {
        Objects.requireNonNull(matcher, "matcher");
        Object m = takeWithin((Predicate<Object>) matcher, timeout, "receive(Predicate, Duration)");
        return m == TIMED_OUT ? Optional.empty() : Optional.of((M) m);
    }

    /** Waits at most {@code timeout} for the first message {@code accepts} allows (null: any); {@link #TIMED_OUT} if none. */
    private Object takeWithin(Predicate<Object> accepts, Duration timeout, String operation) {
        Objects.requireNonNull(timeout, "timeout");
        checkGeneratorRunning(operation);
        long cause = handlingId();
        handled();
        if (generator == null) {
            threadHost(operation).checkStop();
        }
        Object m = takeKept(accepts);
        if (m != NONE) {
            return m;
        }
        if (generator == null) {
            m = threadHost(operation).take(this, accepts, system.deadline(timeout));
        } else {
            m = takeFromMailbox(accepts);
        }
        if (m == NONE) {
            int e = ++epoch;
            Cancellable timer = system.schedule(timeout, () -> system.wake(this, e, W_RECEIVE, TIMED_OUT), null);
            try {
                m = suspendInReceive(accepts);
            } finally {
                timer.cancel(); // a message came, or the actor is being closed: the timer must not linger
            }
        }
        if (m == TIMED_OUT && system.recording && (recorded || cause != 0)) {
            timedOut(cause, timeout);
        }
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T await(CompletionStage<T> stage) throws Exception {
        Objects.requireNonNull(stage, "stage");
        checkGeneratorRunning("await()");
        if (stage instanceof java.util.concurrent.Future<?> f && f.isDone()) {
            return (T) doneValue(f);
        }
        long awaitFrom = jfrInHand != null ? System.nanoTime() : 0; // JFR: the delivery's time waiting, not working
        try {
            if (generator == null) {
                return (T) threadHost("await()").await(this, stage);
            }
            int e = ++epoch;
            wait = W_AWAIT;
            stage.whenComplete((value, failure) ->
                    system.wake(this, e, W_AWAIT, failure == null ? value : new Thrown(failure)));
            return (T) yielder.yield(null);
        } finally {
            if (awaitFrom != 0 && jfrInHand != null) {
                FrontierJfr.awaited(jfrInHand, System.nanoTime() - awaitFrom);
            }
        }
    }

    /**
     * A recorded {@code receive(timeout)} timed out: the actor resumes with a TIMEOUT delivery in hand,
     * caused by the delivery it was handling when it began to wait, so what it does next has a cause.
     */
    private void timedOut(long cause, Duration timeout) {
        FlowEvent e = system.recorder.sent(dev.frontier.flow.Delivery.Kind.TIMEOUT, cause, this, name, name,
                "receive(" + timeout + ") timed out");
        if (inHand != null) {
            reading(e.sentAt);
        }
        e.started(e.sentAt, system.turnNumber(), sequence);
        inHand = e;
    }

    private static Object doneValue(java.util.concurrent.Future<?> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** The failure a waiting body sees: the original cause, not its completion wrapper. */
    static Exception unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return (Exception) cause;
    }

    @Override
    public void sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        checkGeneratorRunning("sleep()");
        try {
            await(system.sleep(delay));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public <T> Cancellable sendAfter(Duration delay, ActorRef<T> target, T message) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(target, "target");
        AbstractActorSystem.checkMessage(target.name(), message);
        long cause = handlingId();
        return system.schedule(delay, () -> {
            ActorCell<?> to = target instanceof ActorCell<?> c ? c : null;
            ActorRef<?> from = system.recording && to != null ? system.timerSend(this, cause, to, to.name, message) : this;
            try {
                if (to != null) {
                    to.system.post(to, from, message);
                } else {
                    target.send(message);
                }
            } catch (dev.frontier.actor.MailboxFullException full) {
                system.deadLetter(target.name(), from, message); // a timer cannot wait for room
            }
        }, () -> system.deadLetter(target.name(), this, message));
    }

    @Override
    @SuppressWarnings("unchecked")
    public ActorRef<Object> sender() {
        checkRunning("sender()");
        ActorRef<?> s = sender;
        return s != null ? (ActorRef<Object>) s : system.noSender;
    }

    @Override
    public void watch(ActorRef<?> actor) {
        checkRunning("watch()");
        Ties.watch(system, this, actor, null);
    }

    @Override
    public void watchWith(ActorRef<?> actor, M message) {
        checkRunning("watchWith()");
        AbstractActorSystem.checkMessage(name, message);
        Ties.watch(system, this, actor, message);
    }

    @Override
    public void unwatch(ActorRef<?> actor) {
        checkRunning("unwatch()");
        Ties.unwatch(system, this, actor);
    }

    @Override
    public void link(ActorRef<?> actor) {
        checkRunning("link()");
        Ties.link(system, this, actor);
    }

    @Override
    public void unlink(ActorRef<?> actor) {
        checkRunning("unlink()");
        Ties.unlink(system, this, actor);
    }

    @Override
    public void trapExits(boolean trap) {
        checkRunning("trapExits()");
        Ties.trapExits(system, this, trap);
    }

    @Override
    public Logger log() {
        checkRunning("log()");
        system.mdcEnter(this);
        return ActorLoggers.of(behaviour());
    }

    @Override
    public void send(String target, Object message) {
        system.sendFrom(this, target, message);
    }

    @Override
    public <T> void send(ActorRef<T> target, T message) {
        Objects.requireNonNull(target, "target");
        if (target instanceof ActorCell<?> cell) {
            cell.system.post(cell, this, message);
        } else {
            target.send(message);
        }
    }

    @Override
    public ActorSystem system() {
        return system;
    }

    @Override
    public Executor executor() {
        return command -> system.runOnHost(this, Objects.requireNonNull(command, "command"));
    }

    @Override
    public ActorRef<M> self() {
        return this;
    }

    private void checkRunning(String operation) {
        if (!system.isRunning(this)) {
            throw system.notRunning(this, operation);
        }
    }

    /** {@link #checkRunning}, for an operation that waits: a handler actor cannot. */
    private void checkGeneratorRunning(String operation) {
        checkRunning(operation);
        if (isHandler) {
            throw handlerCannot(operation);
        }
    }

    private IllegalStateException handlerCannot(String operation) {
        return new IllegalStateException("actor '" + name + "' is a handler actor; " + operation
                + " is only for generator actors");
    }

    private ThreadPerActorSystem.ActorThread threadHost(String operation) {
        if (host() instanceof ThreadPerActorSystem.ActorThread t) {
            return t;
        }
        throw handlerCannot(operation);
    }

    // ------------------------------------------------------------------ ActorRef

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(M message) {
        system.post(this, system.currentActor(), message);
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public <R> CompletableFuture<R> ask(java.util.function.Function<ActorRef<R>, ? extends M> request, Duration timeout) {
        return system.ask(this, request, timeout);
    }

    @Override
    public int mailboxSize() {
        Room r = room();
        if (r == null) {
            return system.unboundedMailboxSize(this);
        }
        // The end gives every place back (so waiting senders go on): read the places first, then
        // whether it ended, which was written before they were given back; an ended actor holds nothing.
        int free = r.availablePermits();
        return alive ? actorOptions().mailboxCapacity() - free : 0;
    }

    @Override
    public synchronized CompletableFuture<Void> termination() {
        if (termination == null) {
            termination = new CompletableFuture<>();
            if (finished) {
                complete(termination);
            }
        }
        return termination;
    }

    @Override
    public String toString() {
        return "actor '" + name + "'";
    }
}
