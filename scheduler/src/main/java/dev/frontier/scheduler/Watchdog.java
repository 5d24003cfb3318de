package dev.frontier.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a deque scheduler is stuck: a separate daemon thread ({@code frontier-watchdog}) looks
 * at every watched scheduler a few times per stall threshold, and when one delivery (an actor's
 * turn, or a command or timer action on the scheduler thread) has held the scheduler thread past
 * its threshold ({@link ActorSystemOptions#withStallThreshold}, default 1 s), it logs one WARN on
 * {@code dev.frontier.scheduler.Watchdog} naming the actor, the message, how long, and the
 * scheduler thread's stack trace, then again at 2, 4, 8, ... times the threshold while the same
 * delivery stays stuck. Each stuck delivery counts once in {@link DequeScheduler#stallCount()};
 * each warning is also a {@code frontier.Stall} JFR event. Vert.x's {@code BlockedThreadChecker}
 * is the model.
 *
 * <h2>What it reads</h2>
 * The scheduler thread publishes, with plain (opaque) stores and no clock reading, what it is busy
 * with and a count of the steps it has begun; an actor's turn also shows its message number, which
 * moves when the turn takes its next message. If two looks see the same step on the same message,
 * that delivery has run at least as long as the time between them (a turn of many quick messages is
 * not a stall); so a stall is reported between one and
 * one and a quarter thresholds after it began, and the time reported is a lower bound. The message
 * in hand is read without synchronisation: the thread that wrote it is stuck.
 *
 * <p>Tests make their own watchdog with a {@link ManualClock} and call {@link #check()} by hand.
 * Thread-safe.
 */
final class Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** Backoff stops doubling here: then one warning per 64 thresholds. */
    private static final int MAX_DOUBLINGS = 6;

    private static Watchdog shared;

    /** What the watchdog last saw of one scheduler. Guarded by the watchdog. */
    private static final class Watch {
        long steps = -1;
        Object busyWith;
        /** The busy actor's message number: a turn that takes its next message has made progress. */
        long sequence;
        long since;
        int warnings;
    }

    private final SchedulerClock clock;
    private final Map<DequeScheduler, Watch> watched = new WeakHashMap<>();
    private Thread thread;

    /** A watchdog with no thread of its own: {@link #check()} it by hand. */
    Watchdog(SchedulerClock clock) {
        this.clock = clock;
    }

    /** The watchdog of every scheduler created with a stall threshold, with its daemon thread. */
    static synchronized Watchdog shared() {
        if (shared == null) {
            shared = new Watchdog(SchedulerClock.SYSTEM);
        }
        return shared;
    }

    /** Starts watching {@code s} (by its own stall threshold); starts the thread of the shared watchdog. */
    synchronized void watch(DequeScheduler s) {
        watched.put(s, new Watch());
        if (this == shared && thread == null) {
            thread = new Thread(this::loop, "frontier-watchdog");
            thread.setDaemon(true);
            thread.start();
        } else if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    synchronized void unwatch(DequeScheduler s) {
        watched.remove(s);
    }

    /**
     * One look at every watched scheduler: logs a warning for each delivery stuck past its threshold
     * (and due for its next warning). Returns how many warnings it logged.
     */
    synchronized int check() {
        long now = clock.nanoTime();
        int warned = 0;
        for (Map.Entry<DequeScheduler, Watch> entry : new ArrayList<>(watched.entrySet())) {
            DequeScheduler s = entry.getKey();
            Watch w = entry.getValue();
            long steps = s.busySteps();
            Object busy = s.busyWith();
            if (busy == null) {
                w.steps = -1;
                w.busyWith = null;
                continue;
            }
            long sequence = busy instanceof ActorCell<?> cell ? cell.sequence : 0; // racy: the owner may be stuck, or moving on
            if (steps != w.steps || busy != w.busyWith || sequence != w.sequence) {
                w.steps = steps;
                w.busyWith = busy;
                w.sequence = sequence;
                w.since = now;
                w.warnings = 0;
                continue;
            }
            long threshold = s.stallThresholdNanos();
            long blocked = now - w.since;
            long due = threshold << Math.min(w.warnings, MAX_DOUBLINGS);
            if (w.warnings > MAX_DOUBLINGS) {
                due = threshold * (1L << MAX_DOUBLINGS) * (w.warnings - MAX_DOUBLINGS + 1);
            }
            if (blocked >= due) {
                w.warnings++;
                warned++;
                warn(s, busy, blocked, threshold, w.warnings);
            }
        }
        return warned;
    }

    private static void warn(DequeScheduler s, Object busy, long blockedNanos, long thresholdNanos, int warning) {
        if (warning == 1) {
            s.stalled();
        }
        Thread t = s.schedulerThread();
        String what = describe(busy);
        long blockedMs = blockedNanos / 1_000_000;
        if (LOG.isWarnEnabled()) {
            StallTrace trace = new StallTrace(t);
            LOG.warn("scheduler thread '{}' blocked for at least {} ms (stall threshold {} ms) by {}; warning {} about this "
                    + "delivery; an actor must not block its thread: use ctx.await(...) for futures and sleeps",
                    t.getName(), blockedMs, thresholdNanos / 1_000_000, what, warning, trace);
        }
        if (FrontierJfr.on) {
            ActorCell<?> cell = actorOf(busy);
            FrontierJfr.stall(cell == null ? null : cell.name, what, blockedMs, t, warning);
        }
    }

    private static ActorCell<?> actorOf(Object busy) {
        if (busy instanceof ActorCell<?> cell) {
            return cell;
        }
        return busy instanceof Command c ? c.actor : null;
    }

    /** The actor, the message in hand and its sender; or the command or timer. */
    static String describe(Object busy) {
        if (busy instanceof ActorCell<?> cell) {
            Object m = cell.messageInHand();
            if (m == null || cell.sequence == 0) {
                return "actor '" + cell.name + "' starting (before its first message)";
            }
            return "actor '" + cell.name + "' handling " + text(m) + " (its message #" + cell.sequence + ", from "
                    + AbstractActorSystem.nameOf(cell.senderInHand()) + ")";
        }
        if (busy instanceof Command c) {
            return c.actor == null ? "command " + c : "a command of actor '" + c.actor.name + "' (" + c + ")";
        }
        if (busy instanceof Timer t) {
            return "timer action " + t.action;
        }
        return String.valueOf(busy);
    }

    private static String text(Object m) {
        try {
            String s = String.valueOf(m);
            return s.length() > 200 ? s.substring(0, 197) + "..." : s;
        } catch (RuntimeException e) {
            return "(a " + m.getClass().getName() + " whose toString() threw " + e + ")";
        }
    }

    /** The shared watchdog's thread: looks a few times per smallest threshold; parks while nothing is watched. */
    private void loop() {
        for (;;) {
            long interval;
            synchronized (this) {
                interval = Long.MAX_VALUE;
                for (DequeScheduler s : watched.keySet()) {
                    interval = Math.min(interval, s.stallThresholdNanos() / 4);
                }
            }
            if (interval == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, Math.max(Duration.ofMillis(1).toNanos(), Math.min(interval, Duration.ofMillis(250).toNanos())));
            }
            try {
                check();
            } catch (Throwable t) {
                LOG.error("the watchdog failed to check the schedulers; it goes on", t);
            }
        }
    }

    /** The stuck thread's stack, logged with the warning. */
    static final class StallTrace extends Throwable {
        private static final long serialVersionUID = 1L;

        StallTrace(Thread t) {
            super("stack of " + t.getName() + " while blocked", null, false, true);
            setStackTrace(t.getStackTrace());
        }
    }
}
