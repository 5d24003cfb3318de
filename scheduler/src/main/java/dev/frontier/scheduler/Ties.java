package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.Exit;
import dev.frontier.actor.ExitReason;
import dev.frontier.actor.LinkedActorFailedException;
import dev.frontier.actor.Terminated;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One actor's ties to others: who watches it and whom it watches, its links, whether it traps
 * exits, and, for a supervised child, its supervisor and the supervision handshake. Made on first
 * use (most actors have none), so an actor that uses none of this pays nothing per message and one
 * field read when it ends.
 *
 * <h2>Incarnations</h2>
 * A supervised child's {@link ActorCell} is its reference and outlives a restart; what ends at a
 * restart is an <em>incarnation</em>: its behaviour, its links, the watches it made, its trap-exits
 * flag. Its watchers, name, mailbox and stash stay. {@link #incarnationEnded} fires the links;
 * {@link #ended} (the actor ends for good) does that and tells the watchers.
 *
 * <h2>Locking</h2>
 * Every field is guarded by the owning cell's monitor, the one {@code ActorCell.markEnded} takes:
 * a watch or link either happens before the actor ends (and is told then) or sees it ended (and
 * acts at once), never neither. No code holds two cells' monitors at once; where two cells must
 * agree (a link), each side is updated under its own monitor and a stale entry is harmless.
 */
final class Ties {

    /** A watcher and what it wants to receive (null: a {@link Terminated}). */
    record Watcher(ActorCell<?> cell, Object message) {
    }

    /** Who watches this actor. */
    private List<Watcher> watchers;
    /** Whom this actor's current incarnation watches. */
    private List<ActorCell<?>> watching;
    /** The actors linked to this one's current incarnation. */
    private List<ActorCell<?>> links;
    private boolean trapExits;
    /** A linked actor failed: this one fails with this at its next wait. */
    private Throwable killCause;

    // ------------------------------------------------------------------ supervised child

    /** The supervisor; set before the child is registered, never changed. */
    ActorCell<?> parent;
    /** The child's spec; set before the child is registered, never changed. */
    ChildSpec<?> spec;
    /** The number of the current incarnation (1 at spawn). Host thread only. */
    int incarnation = 1;
    /** The incarnation has ended and the child waits for its supervisor (no behaviour runs). */
    private boolean suspended;
    /** What ended the suspended incarnation: its failure, or null (it returned, or was halted). */
    private Throwable lastFailure;
    /** Thread-per-actor: the behaviour the supervisor chose for the next incarnation, not yet taken. */
    private Object decision;
    /** Thread-per-actor: the supervisor waits for the running incarnation to halt. */
    private CompletableFuture<Void> haltRequest;

    private Ties() {
    }

    /** {@code cell}'s ties, made if need be. Must be called holding {@code cell}'s monitor. */
    private static Ties of(ActorCell<?> cell) {
        assert Thread.holdsLock(cell);
        Ties t = cell.ties;
        if (t == null) {
            t = cell.ties = new Ties();
        }
        return t;
    }

    /** Makes a child's ties before it is registered (nobody else can see the cell yet). */
    static void supervised(ActorCell<?> child, ActorCell<?> parent, ChildSpec<?> spec) {
        synchronized (child) {
            Ties t = of(child);
            t.parent = parent;
            t.spec = spec;
        }
    }

    // ------------------------------------------------------------------ watch

    /** {@code watcher} watches {@code actor}. Must be called from the watcher's own code. */
    static void watch(AbstractActorSystem system, ActorCell<?> watcher, ActorRef<?> actor, Object message) {
        system.checkCanSupervise("watch");
        ActorCell<?> target = cellOf(system, watcher, actor, "watch");
        if (message == null) {
            checkAccepts(watcher, Terminated.class, "watch", "use watchWith(actor, message) to receive one of its own");
        }
        boolean dead;
        synchronized (target) {
            dead = !target.isAlive();
            if (!dead) {
                Ties t = of(target);
                if (t.watchers == null) {
                    t.watchers = new ArrayList<>(2);
                }
                for (Watcher w : t.watchers) {
                    if (w.cell() == watcher) {
                        return; // watching twice is watching once
                    }
                }
                t.watchers.add(new Watcher(watcher, message));
            }
        }
        if (dead) {
            system.deliverNotice(watcher, target, message != null ? message
                    : new Terminated(target, system.exitReason(target, target.failure())));
            return;
        }
        synchronized (watcher) {
            Ties t = of(watcher);
            if (t.watching == null) {
                t.watching = new ArrayList<>(2);
            }
            t.watching.add(target);
        }
    }

    /** {@code watcher} stops watching {@code actor}. */
    static void unwatch(AbstractActorSystem system, ActorCell<?> watcher, ActorRef<?> actor) {
        ActorCell<?> target = cellOf(system, watcher, actor, "unwatch");
        removeWatcher(target, watcher);
        synchronized (watcher) {
            Ties t = watcher.ties;
            if (t != null && t.watching != null) {
                t.watching.remove(target);
            }
        }
    }

    private static void removeWatcher(ActorCell<?> target, ActorCell<?> watcher) {
        synchronized (target) {
            Ties t = target.ties;
            if (t != null && t.watchers != null) {
                t.watchers.removeIf(w -> w.cell() == watcher);
            }
        }
    }

    // ------------------------------------------------------------------ link

    /** Links {@code self} and {@code actor} both ways. Must be called from {@code self}'s own code. */
    static void link(AbstractActorSystem system, ActorCell<?> self, ActorRef<?> actor) {
        system.checkCanSupervise("link");
        ActorCell<?> other = cellOf(system, self, actor, "link");
        boolean dead;
        synchronized (other) {
            dead = !other.isAlive();
            if (!dead) {
                addLink(of(other), self);
            }
        }
        if (!dead) {
            synchronized (self) {
                addLink(of(self), other);
            }
            return;
        }
        // linking to an actor that has ended: its exit reaches this one now
        ExitReason r = system.exitReason(other, other.failure());
        boolean trap;
        synchronized (self) {
            trap = self.ties != null && self.ties.trapExits;
        }
        if (trap) {
            system.deliverNotice(self, other, new Exit(other, r));
        } else if (r.isFailure()) {
            throw new LinkedActorFailedException(self.name, other.name, r.failure());
        }
    }

    private static void addLink(Ties t, ActorCell<?> partner) {
        if (t.links == null) {
            t.links = new ArrayList<>(2);
        }
        if (!t.links.contains(partner)) {
            t.links.add(partner);
        }
    }

    /** Removes the link between {@code self} and {@code actor}, both ways. */
    static void unlink(AbstractActorSystem system, ActorCell<?> self, ActorRef<?> actor) {
        ActorCell<?> other = cellOf(system, self, actor, "unlink");
        removeLink(other, self);
        removeLink(self, other);
    }

    private static boolean removeLink(ActorCell<?> cell, ActorCell<?> partner) {
        synchronized (cell) {
            Ties t = cell.ties;
            return t != null && t.links != null && t.links.remove(partner);
        }
    }

    /** Sets whether {@code self} traps exits. Must be called from {@code self}'s own code. */
    static void trapExits(AbstractActorSystem system, ActorCell<?> self, boolean trap) {
        system.checkCanSupervise("trapExits");
        if (trap) {
            checkAccepts(self, Exit.class, "trapExits(true)", "give it a message type that Exit is an instance of");
        }
        synchronized (self) {
            of(self).trapExits = trap;
        }
    }

    /** The failure a linked partner left for {@code cell}, or null. Any thread. */
    static Throwable killCause(ActorCell<?> cell) {
        synchronized (cell) {
            Ties t = cell.ties;
            return t == null ? null : t.killCause;
        }
    }

    // ------------------------------------------------------------------ ends

    /**
     * An incarnation of {@code cell} ended (the actor ended, or a supervisor restarts it): its links
     * fire and the watches it made are dropped. A partner that traps exits receives {@link Exit};
     * one that does not fails too when this was a failure (asynchronously, on its own host, with a
     * {@link LinkedActorFailedException}). Called on {@code cell}'s host thread.
     */
    static void incarnationEnded(AbstractActorSystem system, ActorCell<?> cell, ExitReason reason) {
        List<ActorCell<?>> ls;
        List<ActorCell<?>> ws;
        synchronized (cell) {
            Ties t = cell.ties;
            if (t == null) {
                return;
            }
            ls = t.links;
            ws = t.watching;
            t.links = null;
            t.watching = null;
            t.trapExits = false;
        }
        if (ws != null) {
            for (ActorCell<?> w : ws) {
                removeWatcher(w, cell);
            }
        }
        if (ls == null) {
            return;
        }
        for (ActorCell<?> p : ls) {
            boolean trap;
            boolean kill = false;
            synchronized (p) {
                Ties pt = p.ties;
                if (pt == null || pt.links == null || !pt.links.remove(cell) || !p.isAlive()) {
                    continue; // unlinked meanwhile, or gone
                }
                trap = pt.trapExits;
                if (!trap && reason.isFailure() && pt.killCause == null) {
                    pt.killCause = new LinkedActorFailedException(p.name, cell.name, reason.failure());
                    kill = true;
                }
            }
            if (trap) {
                system.deliverNotice(p, cell, new Exit(cell, reason));
            } else if (kill) {
                system.killActor(p);
            }
        }
    }

    /**
     * {@code cell} ended for good: its name is already free. Its links fire, then each watcher is
     * sent its {@link Terminated} (or its own message). Called once, on {@code cell}'s host thread.
     */
    static void ended(AbstractActorSystem system, ActorCell<?> cell, ExitReason reason) {
        incarnationEnded(system, cell, reason);
        List<Watcher> ws;
        synchronized (cell) {
            Ties t = cell.ties;
            ws = t.watchers;
            t.watchers = null;
        }
        if (ws == null) {
            return;
        }
        for (Watcher w : ws) {
            synchronized (w.cell()) {
                Ties wt = w.cell().ties;
                if (wt != null && wt.watching != null) {
                    wt.watching.remove(cell);
                }
            }
            if (w.cell().isAlive()) {
                system.deliverNotice(w.cell(), cell, w.message() != null ? w.message() : new Terminated(cell, reason));
            }
        }
    }

    // ------------------------------------------------------------------ supervision handshake

    /**
     * The incarnation ended and a supervisor will decide: marks the child suspended with what ended
     * it, and clears a halt that was asked for meanwhile. Host thread.
     */
    static CompletableFuture<Void> suspend(ActorCell<?> cell, Throwable failure) {
        synchronized (cell) {
            Ties t = cell.ties;
            t.suspended = true;
            t.lastFailure = failure;
            t.killCause = null;
            CompletableFuture<Void> h = t.haltRequest;
            t.haltRequest = null;
            return h;
        }
    }

    static boolean isSuspended(ActorCell<?> cell) {
        synchronized (cell) {
            return cell.ties != null && cell.ties.suspended;
        }
    }

    /** What a suspended child's last incarnation failed with, or null (also when it is not suspended). */
    static Throwable suspendedFailure(ActorCell<?> cell) {
        synchronized (cell) {
            Ties t = cell.ties;
            return t != null && t.suspended ? t.lastFailure : null;
        }
    }

    /** A new incarnation starts: the child is no longer suspended. Host thread. */
    static void resumed(ActorCell<?> cell) {
        synchronized (cell) {
            Ties t = cell.ties;
            t.suspended = false;
            t.lastFailure = null;
            t.killCause = null;
            t.incarnation++;
        }
    }

    /**
     * Thread-per-actor, the supervisor's side: asks the running incarnation to halt and returns the
     * future completed when it has; null if it is suspended already (an undelivered restart decision
     * is then taken back: the child stays suspended).
     */
    static CompletableFuture<Void> requestHalt(ActorCell<?> cell) {
        synchronized (cell) {
            Ties t = cell.ties;
            if (t.suspended) {
                t.decision = null;
                return null;
            }
            if (t.haltRequest == null) {
                t.haltRequest = new CompletableFuture<>();
            }
            return t.haltRequest;
        }
    }

    /** Thread-per-actor, the child's side: whether a halt was asked for (its GeneratorExit is one). */
    static boolean haltRequested(ActorCell<?> cell) {
        synchronized (cell) {
            return cell.ties != null && cell.ties.haltRequest != null;
        }
    }

    /** Thread-per-actor, the child's side while suspended: a halt asked for meanwhile is done at once. */
    static CompletableFuture<Void> takeHaltRequest(ActorCell<?> cell) {
        synchronized (cell) {
            CompletableFuture<Void> h = cell.ties.haltRequest;
            cell.ties.haltRequest = null;
            return h;
        }
    }

    /** Thread-per-actor, the supervisor's side: the next incarnation's behaviour. */
    static void decide(ActorCell<?> cell, Object behaviour) {
        synchronized (cell) {
            cell.ties.decision = behaviour;
        }
    }

    /** Thread-per-actor: takes back an undelivered decision (the child is being stopped for good). */
    static void withdrawDecision(ActorCell<?> cell) {
        synchronized (cell) {
            if (cell.ties != null) {
                cell.ties.decision = null;
            }
        }
    }

    /** Thread-per-actor, the child's side: takes the decision, or null if none yet. */
    static Object takeDecision(ActorCell<?> cell) {
        synchronized (cell) {
            Object d = cell.ties.decision;
            cell.ties.decision = null;
            return d;
        }
    }

    // ------------------------------------------------------------------ checks

    private static ActorCell<?> cellOf(AbstractActorSystem system, ActorCell<?> self, ActorRef<?> actor, String operation) {
        java.util.Objects.requireNonNull(actor, "actor");
        if (!(actor instanceof ActorCell<?> c) || c.system != system) {
            throw new IllegalArgumentException("actor '" + self.name + "' cannot " + operation + " " + actor
                    + ": it is not an actor of this system");
        }
        if (c == self) {
            throw new IllegalArgumentException("actor '" + self.name + "' cannot " + operation + " itself");
        }
        return c;
    }

    private static void checkAccepts(ActorCell<?> cell, Class<?> notice, String operation, String hint) {
        Class<?> type = cell.messageType();
        if (type != null && !type.isAssignableFrom(notice)) {
            throw new IllegalStateException("actor '" + cell.name + "' accepts only " + type.getName() + ", so it cannot "
                    + operation + ": it would receive " + notice.getSimpleName() + " messages; " + hint);
        }
    }
}
