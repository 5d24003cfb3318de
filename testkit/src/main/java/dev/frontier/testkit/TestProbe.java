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

    /** One message the probe received. */
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

    /** The probe's reference, to hand to the actors under test. */
    public ActorRef<M> ref() {
        return ref;
    }

    public String name() {
        return name;
    }

    /** Every message received so far, taken or not, oldest first. */
    public List<Received> received() {
        return List.copyOf(history);
    }

    /** The sender of the message taken last (a never-alive "outside" reference for a message from outside any actor), or null if nothing was taken yet. */
    public ActorRef<Object> lastSender() {
        return lastSender;
    }

    /** Sends {@code message} to {@code target} as the probe (so a reply comes back to it). */
    public <T> void send(ActorRef<T> target, T message) {
        ctx.send(target, message);
    }

    /** Sends {@code message} to the actor named {@code target} as the probe. */
    public void send(String target, Object message) {
        ctx.send(target, message);
    }

    /** Sends {@code message} to the sender of the message taken last. */
    public void reply(Object message) {
        if (lastSender == null || !lastSender.isAlive() && "outside".equals(lastSender.name())) {
            throw new IllegalStateException("probe '" + name + "': no sender to reply to (nothing taken yet, or it came "
                    + "from outside any actor)");
        }
        ctx.send(lastSender, message);
    }

    // ------------------------------------------------------------------ expectations

    /** The next message, within {@link TestKit#DEFAULT_TIMEOUT} of virtual time. */
    public M expectMessage() {
        return expectMessage(TestKit.DEFAULT_TIMEOUT);
    }

    /** The next message, within {@code max} of virtual time. */
    @SuppressWarnings("unchecked")
    public M expectMessage(Duration max) {
        return (M) next(max, "a message").message();
    }

    /** The next message, which must equal {@code expected}, within the default timeout. */
    public M expectMessage(M expected) {
        return expectMessage(TestKit.DEFAULT_TIMEOUT, expected);
    }

    /** The next message, which must equal {@code expected}, within {@code max}. */
    @SuppressWarnings("unchecked")
    public M expectMessage(Duration max, M expected) {
        Received r = next(max, String.valueOf(expected));
        if (!Objects.equals(expected, r.message())) {
            throw fail("expected " + expected + ", got " + r.message() + " from " + r.sender() + " at +"
                    + r.at().toMillis() + " ms");
        }
        return (M) r.message();
    }

    /** The next message, which must be a {@code type}, within the default timeout. */
    public <T extends M> T expectMessageClass(Class<T> type) {
        return expectMessageClass(TestKit.DEFAULT_TIMEOUT, type);
    }

    /** The next message, which must be a {@code type}, within {@code max}. */
    public <T extends M> T expectMessageClass(Duration max, Class<T> type) {
        Received r = next(max, "a " + type.getSimpleName());
        if (!type.isInstance(r.message())) {
            throw fail("expected a " + type.getName() + ", got " + r.message() + " ("
                    + r.message().getClass().getName() + ") from " + r.sender() + " at +" + r.at().toMillis() + " ms");
        }
        return type.cast(r.message());
    }

    /** Fails if a message arrives within {@link TestKit#DEFAULT_NO_MESSAGE} of virtual time. */
    public void expectNoMessage() {
        expectNoMessage(TestKit.DEFAULT_NO_MESSAGE);
    }

    /** Fails if a message arrives within {@code max}; virtual time moves by {@code max}. */
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
     */
    public void expectTerminated(ActorRef<?> actor) {
        expectTerminated(actor, TestKit.DEFAULT_TIMEOUT);
    }

    /** Waits until {@code actor} has ended, within {@code max} of virtual time. */
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
     * within {@code max}; returns the messages it kept (COMPLETE and CONTINUE), in order. A fisher
     * throws to fail.
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
     * expectation) or {@code max} of virtual time has passed; returns those taken.
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

    /** The next {@code n} messages, within the default timeout in all. */
    public List<M> receiveMessages(int n) {
        return receiveMessages(n, TestKit.DEFAULT_TIMEOUT);
    }

    /** The next {@code n} messages, within {@code max} in all. */
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
