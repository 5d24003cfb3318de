package dev.frontier.scheduler;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.Backoff;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.ExitReason;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.RestartIntensityExceededException;
import dev.frontier.actor.RestartType;
import dev.frontier.actor.SupervisionEvent;
import dev.frontier.actor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor's body: an ordinary generator actor, so it runs unchanged in every mode that can
 * supervise. It starts its children in order, then handles their exits one message at a time, in
 * its own turn; its {@code finally} block stops its children, latest started first, however it
 * ends: stopped, shut down, or giving up (then it fails, and its own supervisor sees that).
 *
 * <h2>How a child's failure reaches it</h2>
 * A supervised child's failure does not end the child. {@link AbstractActorSystem#failed} reports
 * it (the error handler, with the message in hand, which is not delivered again), fires its links,
 * suspends the child (no behaviour runs; messages keep queueing in its mailbox) and sends this
 * supervisor a {@link ChildExited} notice. The supervisor decides here: restart (now, or after a
 * backoff delay), end the child for good, or give up. A restart gives the same {@link ActorCell}
 * a new behaviour from the child's spec: references, name, mailbox and watchers stay.
 *
 * <p>Each notice carries the incarnation it is about; a notice about an incarnation that a sibling's
 * failure already replaced (ONE_FOR_ALL, REST_FOR_ONE) is stale and ignored.
 *
 * <p>One instance per incarnation of the supervisor: a restart of a supervisor starts its
 * children anew (they were stopped when it failed), as in Erlang.
 */
final class Supervisor implements GeneratorActor<Object> {

    static final Logger LOG = LoggerFactory.getLogger("dev.frontier.supervision");

    /** What a supervisor accepts: its message type, so nothing else reaches it. */
    interface Notice {
    }

    /** A child's incarnation ended (failure null: its body returned). Sent from the child's host. */
    record ChildExited(ActorCell<?> child, int incarnation, Throwable failure) implements Notice {
        @Override
        public String toString() {
            return "the exit of child '" + child.name + "' (incarnation " + incarnation + ")";
        }
    }

    /** A backoff delay is over: restart these children if they still wait for it. */
    record RestartDue(List<Child> children, List<Integer> incarnations, Duration delay) implements Notice {
        @Override
        public String toString() {
            return "restart due after " + delay.toMillis() + " ms";
        }
    }

    /** One child as its supervisor sees it. Supervisor's host thread only. */
    static final class Child {
        final ChildSpec<?> spec;
        final ActorCell<?> cell;
        /** The incarnation the supervisor last started (the child counts the same way). */
        int incarnation = 1;
        /** Backoff: restarts in a row, and when the last one (or the start) happened. */
        int restartsInARow;
        long lastRestartAt;
        /** Waiting for a backoff delay. */
        boolean pending;
        /** What made it (or the sibling whose failure it shares) restart next; for the JFR event. */
        Throwable restartCause;

        Child(ChildSpec<?> spec, ActorCell<?> cell, long now) {
            this.spec = spec;
            this.cell = cell;
            this.lastRestartAt = now;
        }

        @Override
        public String toString() {
            return cell.name;
        }
    }

    private final AbstractActorSystem system;
    private final SupervisorSpec spec;
    /** In start order. */
    private final List<Child> children = new ArrayList<>();
    /** When the restarts within the period happened, oldest first (intensity). */
    private final ArrayDeque<Long> restarts = new ArrayDeque<>();
    /** Backoff timers not yet fired: cancelled when the supervisor stops. */
    private final List<dev.frontier.actor.Cancellable> timers = new ArrayList<>();
    private SplittableRandom random;
    private ActorCell<?> self;
    private ActorContext<Object> ctx;

    Supervisor(AbstractActorSystem system, SupervisorSpec spec) {
        this.system = system;
        this.spec = spec;
    }

    /** A behaviour for a child's new incarnation: a body, a handler, or a supervisor. */
    static Object newBehaviour(AbstractActorSystem system, ChildSpec<?> spec) {
        return switch (spec.kind()) {
            case GENERATOR -> spec.newBody();
            case HANDLER -> spec.newHandler();
            case SUPERVISOR -> new Supervisor(system, spec.supervisorSpec());
        };
    }

    @Override
    public void run(ActorContext<Object> context) throws Exception {
        ctx = context;
        self = (ActorCell<?>) context;
        Backoff b = spec.backoff();
        random = b != null && b.seed().isPresent() ? new SplittableRandom(b.seed().getAsLong()) : new SplittableRandom();
        try {
            for (ChildSpec<?> cs : spec.children()) {
                ActorCell<?> child;
                try {
                    child = system.spawnChild(self, cs);
                } catch (IllegalStateException refused) {
                    if (system.lifecycle() == AbstractActorSystem.RUNNING) {
                        throw refused;
                    }
                    // the system began to shut down while this supervisor started its children: it
                    // starts no more and waits to be stopped with them, which is not a failure
                    break;
                }
                children.add(new Child(cs, child, now()));
            }
            while (true) {
                Object m = context.receive();
                if (m instanceof ChildExited e) {
                    onExit(e);
                } else if (m instanceof RestartDue d) {
                    onRestartDue(d);
                }
            }
        } finally {
            stopAll();
        }
    }

    private long now() {
        return system.options.clock.nanoTime();
    }

    private Child childOf(ActorCell<?> cell) {
        for (Child c : children) {
            if (c.cell == cell) {
                return c;
            }
        }
        return null;
    }

    private void onExit(ChildExited e) {
        Child c = childOf(e.child());
        if (c == null || e.incarnation() != c.incarnation || c.pending || !c.cell.isAlive()) {
            return; // stale: that incarnation was already replaced, or the child is gone
        }
        ExitReason reason = e.failure() == null ? ExitReason.RETURNED : ExitReason.failed(e.failure());
        emit(new SupervisionEvent.ChildExited(self.name, c.cell.name, reason));
        RestartType type = c.spec.restart();
        if (type == RestartType.TEMPORARY || (type == RestartType.TRANSIENT && e.failure() == null)) {
            stopForGood(c);
            return;
        }
        String limit = overLimit(c);
        if (limit != null) {
            emit(new SupervisionEvent.GaveUp(self.name, c.cell.name, limit, e.failure()));
            throw new RestartIntensityExceededException(self.name, c.cell.name, limit, e.failure());
        }
        List<Child> affected = affected(c);
        for (Child a : affected) {
            a.restartCause = e.failure();
        }
        for (int i = affected.size() - 1; i >= 0; i--) { // latest started first
            Child a = affected.get(i);
            if (a == c) {
                continue;
            }
            if (!a.cell.isAlive()) {
                children.remove(a);
                affected.remove(i);
            } else if (a.spec.restart() == RestartType.TEMPORARY) {
                stopForGood(a); // Erlang: a temporary child is never restarted, not even for a sibling
                affected.remove(i);
            } else {
                system.haltForRestart(a.cell, a.spec.shutdownTimeout());
            }
        }
        Duration delay = spec.backoff() == null ? Duration.ZERO : nextDelay(c);
        if (delay.isZero()) {
            for (Child a : affected) {
                restart(a, delay);
            }
            return;
        }
        List<Integer> incarnations = new ArrayList<>();
        for (Child a : affected) {
            a.pending = true;
            incarnations.add(a.incarnation);
        }
        timers.removeIf(t -> t instanceof Timer timer && timer.isSettled()); // forget the ones that fired
        timers.add(ctx.sendAfter(delay, ctx.self(), new RestartDue(List.copyOf(affected), incarnations, delay)));
    }

    private void onRestartDue(RestartDue d) {
        for (int i = 0; i < d.children().size(); i++) {
            Child a = d.children().get(i);
            if (a.pending && a.incarnation == d.incarnations().get(i) && children.contains(a)) {
                restart(a, d.delay());
            }
        }
    }

    /** The children a restart of {@code c} takes down with it, in start order. */
    private List<Child> affected(Child c) {
        return switch (spec.strategy()) {
            case ONE_FOR_ONE -> new ArrayList<>(List.of(c));
            case ONE_FOR_ALL -> new ArrayList<>(children);
            case REST_FOR_ONE -> new ArrayList<>(children.subList(children.indexOf(c), children.size()));
        };
    }

    /** Counts this restart; returns the limit it breaks, or null. */
    private String overLimit(Child c) {
        long now = now();
        Backoff b = spec.backoff();
        if (b != null) {
            if (c.restartsInARow > 0 && now - c.lastRestartAt >= b.resetAfter().toNanos()) {
                c.restartsInARow = 0; // it ran long enough without failing
            }
            if (b.maxRestarts() >= 0 && c.restartsInARow >= b.maxRestarts()) {
                return b.maxRestarts() + " restarts in a row (" + b + ")";
            }
            return null;
        }
        restarts.addLast(now);
        long period = spec.period().toNanos();
        while (!restarts.isEmpty() && now - restarts.peekFirst() >= period) {
            restarts.removeFirst();
        }
        if (restarts.size() > spec.intensity()) {
            return "its intensity of " + spec.intensity() + (spec.intensity() == 1 ? " restart" : " restarts")
                    + " in " + spec.period().toMillis() + " ms";
        }
        return null;
    }

    private Duration nextDelay(Child c) {
        Duration d = spec.backoff().delay(c.restartsInARow, random.nextDouble());
        c.restartsInARow++;
        return d;
    }

    private void restart(Child c, Duration delay) {
        if (!c.cell.isAlive()) {
            children.remove(c); // stopped from outside while it waited
            return;
        }
        Object behaviour = newBehaviour(system, c.spec); // a factory that throws fails the supervisor
        c.incarnation++;
        c.pending = false;
        c.lastRestartAt = now();
        system.restartChild(c.cell, behaviour);
        if (FrontierJfr.on) {
            FrontierJfr.restart(c.cell.name, c.restartCause, c.incarnation - 1);
        }
        emit(new SupervisionEvent.ChildRestarted(self.name, c.cell.name, c.incarnation, delay));
    }

    /** Ends a child for good and forgets it. */
    private void stopForGood(Child c) {
        children.remove(c);
        system.stopChild(c.cell, c.spec.shutdownTimeout());
        emit(new SupervisionEvent.ChildStopped(self.name, c.cell.name,
                c.cell.isAlive() ? ExitReason.STOPPED : system.exitReason(c.cell, c.cell.failure())));
    }

    /** Stops every child, latest started first; one that fails to stop does not keep the others running. */
    private void stopAll() {
        for (dev.frontier.actor.Cancellable t : timers) {
            t.cancel();
        }
        timers.clear();
        for (int i = children.size() - 1; i >= 0; i--) {
            Child c = children.get(i);
            try {
                if (c.cell.isAlive()) {
                    stopForGood(c);
                }
            } catch (Throwable t) {
                LOG.error("supervisor '{}' could not stop child '{}'", self.name, c.cell.name, t);
            }
        }
        children.clear();
    }

    private void emit(SupervisionEvent e) {
        if (e instanceof SupervisionEvent.ChildRestarted) {
            LOG.info("{}", e);
        } else if (e instanceof SupervisionEvent.GaveUp) {
            LOG.warn("{}", e);
        } else {
            LOG.debug("{}", e);
        }
        Consumer<SupervisionEvent> l = spec.listener();
        if (l != null) {
            try {
                l.accept(e);
            } catch (Throwable t) {
                LOG.error("the supervision listener of supervisor '{}' failed on {}", self.name, e, t);
            }
        }
    }

    @Override
    public String toString() {
        return "supervisor (" + spec.strategy() + ", " + spec.children().size() + " children)";
    }
}
