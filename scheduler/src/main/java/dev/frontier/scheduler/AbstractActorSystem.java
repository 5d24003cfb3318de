package dev.frontier.scheduler;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.AskTimeoutException;
import dev.frontier.actor.Cancellable;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.DeadLetters;
import dev.frontier.actor.DuplicateActorNameException;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.actor.MessageTracer;
import dev.frontier.core.GeneratorExit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every execution mode shares: the registry, dead letters, failure handling, and the one
 * {@link #deliver} that puts a message into an actor with the MDC, the trace and the tracer. A
 * mode supplies {@link #post} (how a message travels), {@link #launch} (where a new actor starts),
 * {@link #stopActor} and {@link #currentActor}.
 */
abstract class AbstractActorSystem implements ActorSystem {

    /** The sender's name for messages from outside any actor. */
    static final String OUTSIDE = "outside";
    static final String MDC_ACTOR = "actor";
    static final String MDC_SEQUENCE = "msgSeq";
    private static final Logger LOG = LoggerFactory.getLogger(AbstractActorSystem.class);

    final ConcurrentHashMap<String, ActorCell<?>> registry = new ConcurrentHashMap<>();
    final ActorSystemOptions options;
    private final DeadLetters deadLetters = new DeadLetters();
    private final AtomicLong failures = new AtomicLong();
    /** Numbers the temporary actors that {@link #ask} spawns. */
    private final AtomicLong asks = new AtomicLong();
    volatile boolean shutdown;

    AbstractActorSystem(ActorSystemOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    // ------------------------------------------------------------------ mode hooks

    /** Sends {@code message} to {@code target} from {@code sender} (null: outside). Any thread. */
    abstract void post(ActorCell<?> target, ActorCell<?> sender, Object message);

    /** Starts a freshly registered actor on its host thread. */
    abstract void launch(ActorCell<?> cell);

    /** Stops a live actor on its host thread. */
    abstract void stopActor(ActorCell<?> cell);

    /** The actor being run on the calling thread, or null. */
    abstract ActorCell<?> currentActor();

    /** Runs {@code action} after {@code delay} by this system's clock, on a thread of the mode's choosing. */
    abstract Cancellable schedule(Duration delay, Runnable action);

    /**
     * Runs {@code action} on {@code cell}'s host thread, after what is already queued there, as
     * that actor (it is the current actor and the MDC names it). Any thread.
     */
    abstract void runOnHost(ActorCell<?> cell, Runnable action);

    // ------------------------------------------------------------------ ActorSystem

    @Override
    public <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return register(ActorCell.generator(this, checkName(name), body));
    }

    @Override
    public <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return register(ActorCell.handler(this, checkName(name), handler));
    }

    private String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an actor name must not be empty");
        }
        if (shutdown) {
            throw new IllegalStateException("cannot spawn '" + name + "': the actor system is shut down");
        }
        return name;
    }

    private <M> ActorRef<M> register(ActorCell<M> cell) {
        if (registry.putIfAbsent(cell.name, cell) != null) {
            throw new DuplicateActorNameException(cell.name);
        }
        launch(cell);
        return cell;
    }

    @Override
    public void send(String name, Object message) {
        sendFrom(currentActor(), name, message);
    }

    void sendFrom(ActorCell<?> sender, String name, Object message) {
        ActorCell<?> target = registry.get(name);
        if (target == null) {
            deadLetter(name, sender, message);
        } else {
            post(target, sender, message);
        }
    }

    @Override
    public Cancellable sendAfter(Duration delay, String name, Object message) {
        Objects.requireNonNull(name, "name");
        ActorCell<?> sender = currentActor();
        return schedule(delay, () -> sendFrom(sender, name, message));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> ask(String name, Object message, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<R> reply = new CompletableFuture<>();
        ActorCell<?> target = registry.get(name);
        if (target == null) {
            deadLetter(name, currentActor(), message);
            reply.completeExceptionally(new IllegalArgumentException("cannot ask actor '" + name + "': no such actor"));
            return reply;
        }
        String askerName = "ask-" + asks.incrementAndGet() + "-" + name;
        ActorCell<Object> asker = ActorCell.handler(this, askerName, (ctx, answer) -> {
            reply.complete((R) answer);
            stop(askerName);
        });
        register(asker);
        Cancellable timer = schedule(timeout, () -> {
            if (reply.completeExceptionally(new AskTimeoutException(name, message, timeout))) {
                stop(askerName);
            }
        });
        reply.whenComplete((r, e) -> timer.cancel());
        post(target, asker, message);
        return reply;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> Optional<ActorRef<M>> lookup(String name) {
        return Optional.ofNullable((ActorRef<M>) registry.get(name));
    }

    @Override
    public boolean stop(String name) {
        ActorCell<?> cell = registry.get(name);
        if (cell == null || !cell.isAlive()) {
            return false;
        }
        stopActor(cell);
        return true;
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public long failureCount() {
        return failures.get();
    }

    /** Names of the live actors, for diagnostics. */
    public List<String> actorNames() {
        return new ArrayList<>(registry.keySet());
    }

    // ------------------------------------------------------------------ shared mechanics

    /**
     * Delivers one message to {@code target}: the MDC names the actor and the message sequence
     * number, the per-actor trace logger says {@code sender -> receiver: message} at TRACE, the
     * tracer is told, and whatever escapes the actor ends it through {@link #failed}. The MDC is
     * left set; the caller restores it with {@link #mdcLeave}. Must only be called from the
     * target's host thread. Returns the failure, if any, for modes that rethrow it.
     */
    final Throwable deliver(ActorCell<?> target, ActorCell<?> sender, Object message) {
        if (!target.isAlive()) {
            deadLetter(target.name, sender, message);
            return null;
        }
        long seq = ++target.sequence;
        if (options.mdc) {
            mdcEnter(target);
        }
        try {
            MessageTracer tracer = options.tracer;
            if (tracer != null) {
                tracer.onDeliver(nameOf(sender), target.name, message, seq);
            }
            Logger trace = target.traceLogger();
            if (trace.isTraceEnabled()) {
                trace.trace("{} -> {}: {}", nameOf(sender), target.name, message);
            }
            if (!target.deliver(sender, message)) {
                ended(target, null);
            }
            return null;
        } catch (Throwable t) {
            failed(target, message, sender, t);
            return t;
        }
    }

    /**
     * Puts the actor's name and current sequence number in the MDC. Deliveries leave them there
     * (the next delivery overwrites them); the mode clears them with {@link #mdcLeave} when
     * control leaves actor code, so there are two MDC writes per message, not four.
     */
    static void mdcEnter(ActorCell<?> cell) {
        MDC.put(MDC_ACTOR, cell.name);
        MDC.put(MDC_SEQUENCE, Long.toString(cell.sequence));
    }

    /** Back to code outside any actor: {@code outer} (null: none) is what runs next on this thread. */
    final void mdcLeave(ActorCell<?> outer) {
        if (!options.mdc) {
            return;
        }
        if (outer != null) {
            mdcEnter(outer);
        } else {
            MDC.remove(MDC_ACTOR);
            MDC.remove(MDC_SEQUENCE);
        }
    }

    @Override
    public final CompletableFuture<Void> sleep(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        schedule(delay, () -> done.complete(null));
        return done;
    }

    /** The body of {@code cell} awaits {@code stage}: resume it on its host thread when it completes. */
    final void awaitOnHost(ActorCell<?> cell, CompletionStage<?> stage, int epoch) {
        stage.whenComplete((value, failure) -> runOnHost(cell, () -> resumeAwait(cell, epoch, value, failure)));
    }

    private void resumeAwait(ActorCell<?> cell, int epoch, Object value, Throwable failure) {
        if (!cell.isWaitingInAwait(epoch)) {
            return; // stopped, or ended, while it waited
        }
        try {
            if (!cell.resumeAwait(value, failure == null ? null : ActorCell.unwrap(failure))) {
                ended(cell, null);
            }
        } catch (Throwable t) {
            failed(cell, "(resuming after await)", null, t);
        }
    }

    /** A timer set by {@code receive(timeout)} fired: end that receive empty, if it is still waiting. */
    final void receiveTimedOut(ActorCell<?> cell, int epoch) {
        runOnHost(cell, () -> {
            if (!cell.isWaitingInReceive(epoch)) {
                return;
            }
            try {
                if (!cell.deliver(null, ActorCell.TIMED_OUT)) {
                    ended(cell, null);
                }
            } catch (Throwable t) {
                failed(cell, "(receive timed out)", null, t);
            }
        });
    }

    /** Runs a generator actor to its first receive. Must only be called from its host thread. */
    final Throwable start(ActorCell<?> cell) {
        if (options.mdc) {
            mdcEnter(cell);
        }
        try {
            if (!cell.start()) {
                ended(cell, null);
            }
            return null;
        } catch (Throwable t) {
            failed(cell, null, null, t);
            return t;
        }
    }

    /** Closes an actor's generator (its finally blocks run) and ends it. Host thread only. */
    final void closeActor(ActorCell<?> cell) {
        if (!cell.isAlive()) {
            return;
        }
        try {
            cell.stop();
            ended(cell, null);
        } catch (GeneratorExit normal) {
            ended(cell, null);
        } catch (Throwable t) {
            failed(cell, null, null, t);
        }
    }

    /** The actor ended: free its name, dead-letter what it never received, then {@link #finish} it. */
    final void ended(ActorCell<?> cell, Throwable failure) {
        registry.remove(cell.name, cell);
        cell.ended(failure);
        ArrayDeque<ActorCell.Kept> kept = cell.takeStash();
        if (kept != null) {
            for (ActorCell.Kept k : kept) {
                deadLetter(cell.name, k.sender(), k.message());
            }
        }
        finish(cell);
    }

    /**
     * Completes an ended actor's termination future. A mode whose host still has work to do for
     * the actor after it ended (thread-per-actor: draining its mailbox) completes it later.
     */
    void finish(ActorCell<?> cell) {
        cell.finished();
    }

    /** An exception escaped the actor: count it, report it, end the actor. */
    final void failed(ActorCell<?> cell, Object message, ActorCell<?> sender, Throwable cause) {
        failures.incrementAndGet();
        try {
            options.errorHandler.onFailure(new ActorFailure(cell.name, message, nameOf(sender), cause));
        } catch (Throwable handlerFailure) {
            LOG.error("the error handler failed while reporting actor '{}'", cell.name, handlerFailure);
        }
        ended(cell, cause);
    }

    final void deadLetter(String recipient, ActorCell<?> sender, Object message) {
        deadLetters.record(new DeadLetter(recipient, nameOf(sender), message));
    }

    static String nameOf(ActorCell<?> cell) {
        return cell == null ? OUTSIDE : cell.name;
    }
}
