package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.core.GeneratorExit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;

/**
 * The step loop of an explored {@link DequeScheduler} (see {@link ScheduleStrategy}): messages in
 * flight wait in per-(sender, receiver) channels, and each step performs the one enabled step the
 * strategy picks, with turns of one message.
 *
 * <h2>Determinism</h2>
 * Everything the strategy is shown is listed in an order fixed by the run itself: channels in the
 * order they first held a message, actors and commands in the order they were queued, due timers by
 * deadline and then by the order they were set. Hash maps here are for lookup only and are never
 * iterated (their order would follow identity hash codes: Pony's systematic-testing bugs #5566 and
 * #5570). Time is a {@link ManualClock} that moves only when nothing is enabled. Work from another
 * thread would make the run depend on thread timing, so it fails the step (Pony aborts I/O under
 * systematic testing for the same reason, #5647).
 *
 * <p><b>Note:</b> this class is not threadsafe; only the scheduler thread touches it.
 */
final class ControlledSchedule {

    private final DequeScheduler s;
    private final ScheduleStrategy strategy;
    private final ManualClock clock;
    /** Lookup only, never iterated. */
    private final HashMap<ChannelKey, Channel> channels = new HashMap<>();
    /** Channels holding messages, in the order they started holding them. */
    private final ArrayList<Channel> active = new ArrayList<>();
    /** Actors and commands from the run queue, in the order queued. */
    private final ArrayList<Object> ready = new ArrayList<>();
    private final ArrayList<ScheduleStep> enabled = new ArrayList<>();
    private final ArrayList<Timer> due = new ArrayList<>();
    /** An actor's name in keys, with its incarnation if the name was used before. Lookup only. */
    private final IdentityHashMap<ActorRef<?>, String> labels = new IdentityHashMap<>();
    private final HashMap<String, Integer> incarnations = new HashMap<>();
    private int held;

    private record ChannelKey(ActorRef<?> sender, ActorCell<?> target) {
    }

    ControlledSchedule(DequeScheduler s, ScheduleStrategy strategy, ManualClock clock) {
        this.s = s;
        this.strategy = strategy;
        this.clock = clock;
    }

    /** Messages in flight. */
    int held() {
        return held;
    }

    /** A message sent to a live actor: held in its channel until the strategy delivers it. */
    void sent(ActorCell<?> target, ActorRef<?> sender, Object message) {
        ChannelKey k = new ChannelKey(sender, target);
        Channel c = channels.get(k);
        if (c == null) {
            c = new Channel(sender, target, label(sender), label(target));
            channels.put(k, c);
        }
        c.messages.addLast(message);
        held++;
        if (!c.active) {
            c.active = true;
            active.add(c);
        }
    }

    /**
     * One step: lists what is enabled (moving virtual time to the next deadline if nothing is),
     * lets the strategy pick, performs it. Returns 1, or 0 if nothing is enabled and no timer or
     * delayed channel is pending.
     */
    int step() {
        if (!s.inbox.isEmpty()) {
            Object e = s.inbox.poll();
            throw new IllegalStateException("an explored scheduler is driven by one thread only, but "
                    + (e instanceof Command ? "a command (" + e + ")" : "a message") + " came from another thread: the "
                    + "run would depend on thread timing. Send, spawn and complete futures from the test thread.");
        }
        for (Object e; (e = s.runQueue.pollFirst()) != null; ) {
            ready.add(e);
        }
        long now = clock.nanoTime();
        collect(now);
        while (enabled.isEmpty()) {
            long next = nextDeadline(now);
            if (next == Long.MAX_VALUE) {
                return 0;
            }
            clock.advance(Duration.ofNanos(next - now));
            now = clock.nanoTime();
            collect(now);
        }
        int i = strategy.choose(enabled);
        if (i < 0 || i >= enabled.size()) {
            throw new IllegalStateException("the schedule strategy chose step " + i + " of " + enabled.size());
        }
        ScheduleStep chosen = enabled.get(i);
        enabled.clear();
        perform(chosen, now);
        return 1;
    }

    private void collect(long now) {
        enabled.clear();
        for (Channel c : active) {
            if (c.releaseAt == 0 || c.releaseAt - now <= 0) {
                enabled.add(c);
            }
        }
        int kept = 0;
        for (int i = 0; i < ready.size(); i++) {
            Object e = ready.get(i);
            if (e instanceof ActorCell<?> cell && !cell.hasWork()) {
                cell.scheduled = false; // what runTurn would conclude after an empty turn
                continue;
            }
            ready.set(kept++, e);
        }
        ready.subList(kept, ready.size()).clear();
        for (int i = 0; i < ready.size(); i++) {
            Object e = ready.get(i);
            if (e instanceof ActorCell<?> cell) {
                enabled.add(new Turn(cell, i, "turn:" + label(cell)));
            } else if (firstCommandOf(((Command) e).actor, i)) {
                Command c = (Command) e;
                enabled.add(new Turn(c, i, "cmd:" + (c.actor == null ? "-" : label(c.actor))));
            }
        }
        due.clear();
        s.timers.dueInto(now, due);
        for (Timer t : due) {
            enabled.add(new TimerStep(t));
        }
    }

    /** Commands of one actor run in the order queued: only the first is enabled. */
    private boolean firstCommandOf(ActorCell<?> actor, int index) {
        for (int j = 0; j < index; j++) {
            if (ready.get(j) instanceof Command c && c.actor == actor) {
                return false;
            }
        }
        return true;
    }

    private long nextDeadline(long now) {
        long next = Long.MAX_VALUE;
        Timer t = s.timers.peek();
        if (t != null) {
            next = t.deadline;
        }
        for (Channel c : active) {
            if (c.releaseAt != 0 && c.releaseAt - now > 0 && (next == Long.MAX_VALUE || c.releaseAt - next < 0)) {
                next = c.releaseAt;
            }
        }
        return next;
    }

    private void perform(ScheduleStep chosen, long now) {
        if (chosen instanceof Channel c) {
            Fault f = strategy.fault(c);
            deliver(c, f == null ? Fault.NONE : f, now);
        } else if (chosen instanceof Turn turn) {
            ready.remove(turn.index);
            if (turn.work instanceof ActorCell<?> cell) {
                s.runTurn(cell, 1);
            } else {
                s.runCommand((Command) turn.work);
            }
        } else {
            Timer t = ((TimerStep) chosen).timer;
            s.timers.remove(t);
            try {
                t.fire();
            } catch (Throwable failure) {
                s.report(null, "(timer " + t.action + ")", null, failure);
            }
        }
    }

    private void deliver(Channel c, Fault fault, long now) {
        if (fault.kind() == Fault.Kind.DELAY) {
            c.releaseAt = now + Timer.delayNanos(fault.delay());
            if (c.releaseAt == 0) {
                c.releaseAt = 1; // 0 means "not held"
            }
            return;
        }
        c.releaseAt = 0;
        Object m = fault.kind() == Fault.Kind.DUPLICATE ? c.messages.peekFirst() : take(c);
        ActorCell<?> target = c.target;
        if (fault.kind() == Fault.Kind.DROP) {
            return;
        }
        if (!target.isAlive() || s.lifecycle() != AbstractActorSystem.RUNNING) {
            s.deadLetter(target.name, c.sender, m);
        } else if (fault.kind() == Fault.Kind.CRASH) {
            crash(target, c.sender, m, fault.cause());
        } else if (target.enqueue(c.sender, m)) {
            target.scheduled = true;
            s.runTurn(target, 1);
        }
    }

    private Object take(Channel c) {
        Object m = c.messages.pollFirst();
        held--;
        if (c.messages.isEmpty()) {
            c.active = false;
            active.remove(c);
        }
        return m;
    }

    /** The receiver takes {@code m} and fails with {@code cause}, as if its code had thrown it. */
    private void crash(ActorCell<?> target, ActorRef<?> from, Object m, Throwable cause) {
        target.accept(from, m);
        ActorCell<?> outer = s.current;
        s.current = target;
        try {
            target.closeGenerator();
        } catch (GeneratorExit normal) {
            // closed as asked
        } catch (Throwable whileClosing) {
            cause.addSuppressed(whileClosing);
        } finally {
            s.current = outer;
            AbstractActorSystem.mdcLeave(target);
        }
        s.failed(target, cause);
    }

    /**
     * Shutdown: commands taken from the run queue go back to it (shutdown still runs accepted
     * commands), and messages in flight become dead letters, oldest channel first.
     */
    void close() {
        for (int i = ready.size() - 1; i >= 0; i--) {
            if (ready.get(i) instanceof Command c) {
                s.runQueue.addFirst(c);
            }
        }
        ready.clear();
        for (Channel c : active) {
            for (Object m; (m = c.messages.pollFirst()) != null; ) {
                s.deadLetter(c.target.name, c.sender, m);
            }
            c.active = false;
        }
        active.clear();
        held = 0;
    }

    private String label(ActorRef<?> ref) {
        if (ref == null) {
            return AbstractActorSystem.OUTSIDE;
        }
        String l = labels.get(ref);
        if (l == null) {
            int n = incarnations.merge(ref.name(), 1, Integer::sum);
            l = n == 1 ? ref.name() : ref.name() + "#" + n;
            labels.put(ref, l);
        }
        return l;
    }

    /** Messages in flight from one sender to one receiver, oldest first. */
    private static final class Channel implements ScheduleStep {
        final ActorRef<?> sender;
        final ActorCell<?> target;
        final String senderLabel;
        final String targetLabel;
        final String key;
        final ArrayDeque<Object> messages = new ArrayDeque<>();
        boolean active;
        /** Held back by a delay fault until this clock reading; 0: not held. */
        long releaseAt;

        Channel(ActorRef<?> sender, ActorCell<?> target, String senderLabel, String targetLabel) {
            this.sender = sender;
            this.target = target;
            this.senderLabel = senderLabel;
            this.targetLabel = targetLabel;
            this.key = senderLabel + "->" + targetLabel;
        }

        @Override
        public Kind kind() {
            return Kind.DELIVER;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String sender() {
            return senderLabel;
        }

        @Override
        public String receiver() {
            return targetLabel;
        }

        @Override
        public Object message() {
            return messages.peekFirst();
        }

        @Override
        public long deadline() {
            return 0;
        }

        @Override
        public String describe() {
            return senderLabel + " -> " + targetLabel + ": " + messages.peekFirst();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** An actor's turn without a new message, or a command. */
    private static final class Turn implements ScheduleStep {
        final Object work;
        final int index;
        final String key;

        Turn(Object work, int index, String key) {
            this.work = work;
            this.index = index;
            this.key = key;
        }

        @Override
        public Kind kind() {
            return work instanceof ActorCell<?> ? Kind.TURN : Kind.COMMAND;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String sender() {
            return null;
        }

        @Override
        public String receiver() {
            ActorCell<?> a = work instanceof ActorCell<?> cell ? cell : ((Command) work).actor;
            return a == null ? null : a.name;
        }

        @Override
        public Object message() {
            return null;
        }

        @Override
        public long deadline() {
            return 0;
        }

        @Override
        public String describe() {
            return key.replace(':', ' ');
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static final class TimerStep implements ScheduleStep {
        final Timer timer;

        TimerStep(Timer timer) {
            this.timer = timer;
        }

        @Override
        public Kind kind() {
            return Kind.TIMER;
        }

        @Override
        public String key() {
            return "timer#" + timer.sequence;
        }

        @Override
        public String sender() {
            return null;
        }

        @Override
        public String receiver() {
            return null;
        }

        @Override
        public Object message() {
            return null;
        }

        @Override
        public long deadline() {
            return timer.deadline;
        }

        @Override
        public String describe() {
            return key();
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
