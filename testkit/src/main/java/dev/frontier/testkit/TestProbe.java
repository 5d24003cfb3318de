package dev.frontier.testkit;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An actor a test hands out and then questions: {@code expectMessage}, {@code expectNoMessage},
 * {@code expectTerminated}, {@code fishForMessage}, {@code receiveWhile}. Every wait runs the kit's
 * system and moves its virtual time timer by timer, up to the timeout; a failure says what did
 * arrive, when, and from whom.
 *
 * <p>The probe is a real actor in the kit's system: actors reply to it with {@code ctx.sender()},
 * and {@link #send} sends <em>as</em> the probe, so replies come back to it.
 *
 * <p><b>Note:</b> this class is not threadsafe; use it from the test's thread.
 *
 * @param <M> the type of messages the probe expects
 */
public final class TestProbe<M> {

    /**
     * One message the probe received.
     *
     * @param sender the sender's name, {@code "outside"} for a send from outside any actor
     * @param message the message
     * @param at when it arrived, in virtual time since the kit was made
     */
    public record Received(String sender, Object message, Duration at) {
        @Override
        public String toString() {
            return "[+" + at.toMillis() + " ms] " + sender + ": " + message;
        }
    }

    private final TestKit kit;
    private final String name;
    private final ActorRef<M> ref;
    private ActorContext<M> ctx;
    private final ArrayDeque<Received> queue = new ArrayDeque<>();
    private final List<Received> history = new ArrayList<>();
    /** The senders of the messages in {@code queue}, in step (null: from outside; so not an ArrayDeque). */
    private final java.util.LinkedList<ActorRef<Object>> senders = new java.util.LinkedList<>();
    private ActorRef<Object> lastSender;

    TestProbe(TestKit kit, String name) {
        this.kit = kit;
        this.name = name;
        this.ref = kit.system().spawn(name, (ActorContext<M> c) -> {
            ctx = c;
            while (true) {
                M m = c.receive();
                Received r = new Received(c.sender() == null ? "outside" : c.sender().name(), m, kit.now());
                queue.addLast(r);
                senders.addLast(c.sender());
                history.add(r);
            }
        });
    }

    /** {@return the probe's reference, to hand to the actors under test} */
    public ActorRef<M> ref() {
        return ref;
    }

    /** {@return the probe actor's name} */
    public String name() {
        return name;
    }

    /** {@return a copy of every message received so far, taken or not, oldest first} */
    public List<Received> received() {
        return List.copyOf(history);
    }

    /**
     * {@return the sender of the message taken last (a never-alive "outside" reference for a message
     * from outside any actor), or null if nothing was taken yet}
     */
    public ActorRef<Object> lastSender() {
        return lastSender;
    }

    /**
     * Sends {@code message} to {@code target} as the probe (so a reply comes back to it). Nothing is
     * delivered until the kit runs.
     *
     * @param <T> the type of messages {@code target} accepts
     * @param target the recipient
     * @param message the message; must not be null
     */
    public <T> void send(ActorRef<T> target, T message) {
        ctx.send(target, message);
    }

    /**
     * Sends {@code message} to the actor named {@code target} as the probe.
     *
     * @param target the recipient's name; an unknown name makes a dead letter
     * @param message the message; must not be null
     */
    public void send(String target, Object message) {
        ctx.send(target, message);
    }

    /**
     * Sends {@code message} to the sender of the message taken last, as the probe.
     *
     * @param message the reply; must not be null
     * @throws IllegalStateException nothing was taken yet, or the message taken last came from outside any actor
     */
    public void reply(Object message) {
        if (lastSender == null || !lastSender.isAlive() && "outside".equals(lastSender.name())) {
            throw new IllegalStateException("probe '" + name + "': no sender to reply to (nothing taken yet, or it came "
                    + "from outside any actor)");
        }
        ctx.send(lastSender, message);
    }

    // ------------------------------------------------------------------ expectations

    /**
     * {@return the next message, within {@link TestKit#DEFAULT_TIMEOUT} of virtual time}
     *
     * @throws AssertionError none came in time
     */
    public M expectMessage() {
        return expectMessage(TestKit.DEFAULT_TIMEOUT);
    }

    /**
     * {@return the next message, within {@code max} of virtual time}
     *
     * @param max the most virtual time to wait
     * @throws AssertionError none came in time
     */
    @SuppressWarnings("unchecked")
    public M expectMessage(Duration max) {
        return (M) next(max, "a message").message();
    }

    /**
     * {@return the next message, which must equal {@code expected}, within the default timeout}
     *
     * @param expected the message expected, compared with {@code equals}
     * @throws AssertionError none came in time, or it was another message (which is taken all the same)
     */
    public M expectMessage(M expected) {
        return expectMessage(TestKit.DEFAULT_TIMEOUT, expected);
    }

    /**
     * {@return the next message, which must equal {@code expected}, within {@code max}}
     *
     * @param max the most virtual time to wait
     * @param expected the message expected, compared with {@code equals}
     * @throws AssertionError none came in time, or it was another message (which is taken all the same)
     */
    @SuppressWarnings("unchecked")
    public M expectMessage(Duration max, M expected) {
        Received r = next(max, String.valueOf(expected));
        if (!Objects.equals(expected, r.message())) {
            throw fail("expected " + expected + ", got " + r.message() + " from " + r.sender() + " at +"
                    + r.at().toMillis() + " ms");
        }
        return (M) r.message();
    }

    /**
     * {@return the next message, which must be a {@code type}, within the default timeout}
     *
     * @param <T> the type expected
     * @param type the class the message must be an instance of
     * @throws AssertionError none came in time, or it was of another type (and is taken all the same)
     */
    public <T extends M> T expectMessageClass(Class<T> type) {
        return expectMessageClass(TestKit.DEFAULT_TIMEOUT, type);
    }

    /**
     * {@return the next message, which must be a {@code type}, within {@code max}}
     *
     * @param <T> the type expected
     * @param max the most virtual time to wait
     * @param type the class the message must be an instance of
     * @throws AssertionError none came in time, or it was of another type (and is taken all the same)
     */
    public <T extends M> T expectMessageClass(Duration max, Class<T> type) {
        Received r = next(max, "a " + type.getSimpleName());
        if (!type.isInstance(r.message())) {
            throw fail("expected a " + type.getName() + ", got " + r.message() + " ("
                    + r.message().getClass().getName() + ") from " + r.sender() + " at +" + r.at().toMillis() + " ms");
        }
        return type.cast(r.message());
    }

    /**
     * Fails if a message arrives within {@link TestKit#DEFAULT_NO_MESSAGE} of virtual time.
     *
     * @throws AssertionError a message arrived (or was already waiting); it is not taken
     */
    public void expectNoMessage() {
        expectNoMessage(TestKit.DEFAULT_NO_MESSAGE);
    }

    /**
     * Fails if a message arrives within {@code max}; virtual time moves by {@code max}.
     *
     * @param max how much virtual time to watch
     * @throws AssertionError a message arrived (or was already waiting); it is not taken
     */
    public void expectNoMessage(Duration max) {
        Duration from = kit.now();
        if (kit.runUntil(() -> !queue.isEmpty(), max)) {
            Received r = queue.peekFirst();
            throw fail("expected no message from +" + from.toMillis() + " ms to +" + from.plus(max).toMillis()
                    + " ms, got " + r.message() + " from " + r.sender() + " at +" + r.at().toMillis() + " ms");
        }
    }

    /**
     * Waits until {@code actor} has ended, within the default timeout. (It watches
     * {@link ActorRef#termination()}; a watch that delivers a Terminated message is separate work.)
     *
     * @param actor the actor expected to end; must not be null
     * @throws AssertionError it is still alive after the timeout
     */
    public void expectTerminated(ActorRef<?> actor) {
        expectTerminated(actor, TestKit.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until {@code actor} has ended, within {@code max} of virtual time.
     *
     * @param actor the actor expected to end; must not be null
     * @param max the most virtual time to wait
     * @throws AssertionError it is still alive after {@code max}
     */
    public void expectTerminated(ActorRef<?> actor, Duration max) {
        Objects.requireNonNull(actor, "actor");
        Duration from = kit.now();
        if (!kit.runUntil(() -> actor.termination().isDone(), max)) {
            throw fail("expected actor '" + actor.name() + "' to end within " + max.toMillis() + " ms (from +"
                    + from.toMillis() + " ms); it is still alive with " + actor.mailboxSize() + " message(s) waiting");
        }
    }

    /**
     * Looks at messages as they come, until {@code fisher} says {@link FishingOutcome#COMPLETE}, all
     * within {@code max}. A fisher throws to fail.
     *
     * @param max the most virtual time for the whole search
     * @param fisher judges each message taken, in order
     * @return the messages it kept (COMPLETE and CONTINUE), in order; the COMPLETE one last
     * @throws AssertionError no message was COMPLETE within {@code max}; the message names those looked at
     */
    @SuppressWarnings("unchecked")
    public List<M> fishForMessage(Duration max, Function<? super M, FishingOutcome> fisher) {
        Duration deadline = kit.now().plus(max);
        List<M> kept = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        while (true) {
            Duration left = deadline.minus(kit.now());
            if (queue.isEmpty() && (left.isNegative() || !kit.runUntil(() -> !queue.isEmpty(), left))) {
                throw fail("fishing found no complete message within " + max.toMillis() + " ms; looked at " + seen);
            }
            Received r = take();
            seen.add(r.message());
            switch (fisher.apply((M) r.message())) {
                case COMPLETE -> {
                    kept.add((M) r.message());
                    return kept;
                }
                case CONTINUE -> kept.add((M) r.message());
                case CONTINUE_AND_IGNORE -> {
                    // dropped
                }
            }
        }
    }

    /**
     * Takes messages while {@code accept} holds, until one does not (it stays for the next
     * expectation) or {@code max} of virtual time has passed. Never fails.
     *
     * @param max the most virtual time to take messages for
     * @param accept whether to take the next message
     * @return the messages taken, in order; empty if none
     */
    @SuppressWarnings("unchecked")
    public List<M> receiveWhile(Duration max, Predicate<? super M> accept) {
        Duration deadline = kit.now().plus(max);
        List<M> taken = new ArrayList<>();
        while (true) {
            Duration left = deadline.minus(kit.now());
            if (queue.isEmpty() && (left.isNegative() || !kit.runUntil(() -> !queue.isEmpty(), left))) {
                return taken;
            }
            if (!accept.test((M) queue.peekFirst().message())) {
                return taken;
            }
            taken.add((M) take().message());
        }
    }

    /**
     * {@return the next {@code n} messages, in order, within the default timeout in all}
     *
     * @param n how many messages
     * @throws AssertionError fewer than {@code n} came in time (none is taken then)
     */
    public List<M> receiveMessages(int n) {
        return receiveMessages(n, TestKit.DEFAULT_TIMEOUT);
    }

    /**
     * {@return the next {@code n} messages, in order, within {@code max} in all}
     *
     * @param n how many messages
     * @param max the most virtual time to wait for all of them
     * @throws AssertionError fewer than {@code n} came in time (none is taken then)
     */
    @SuppressWarnings("unchecked")
    public List<M> receiveMessages(int n, Duration max) {
        Duration from = kit.now();
        if (!kit.runUntil(() -> queue.size() >= n, max)) {
            throw fail("expected " + n + " message(s) within " + max.toMillis() + " ms (from +" + from.toMillis()
                    + " ms), got " + queue.size());
        }
        List<M> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add((M) take().message());
        }
        return out;
    }

    private Received next(Duration max, String what) {
        Duration from = kit.now();
        if (!kit.runUntil(() -> !queue.isEmpty(), max)) {
            throw fail("expected " + what + " within " + max.toMillis() + " ms (from +" + from.toMillis() + " ms to +"
                    + kit.now().toMillis() + " ms, virtual), got none");
        }
        return take();
    }

    private Received take() {
        lastSender = senders.pollFirst();
        return queue.pollFirst();
    }

    private AssertionError fail(String what) {
        StringBuilder b = new StringBuilder("probe '").append(name).append("': ").append(what).append('.');
        if (history.isEmpty()) {
            b.append(" It has received nothing.");
        } else {
            b.append(" Received so far (").append(history.size()).append(", oldest first; ").append(queue.size())
                    .append(" not yet taken):");
            for (Received r : history) {
                b.append("\n  ").append(r);
            }
        }
        return new AssertionError(b.toString());
    }

    @Override
    public String toString() {
        return "probe '" + name + "'";
    }
}
