package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import dev.frontier.flow.Delivery;
import java.util.concurrent.CompletableFuture;

/**
 * One recorded message while it travels and is handled: made by the sender's thread when the
 * message is sent, it rides in the message's <em>sender</em> slot (mailbox, inbox, stash) in place
 * of the sender, so that nothing else about the message changes and a message that is not recorded
 * carries nothing. {@link ActorCell#accept} unwraps it (the actor sees the real sender) and marks the
 * start; the receiver marks the end. It stands for its sender wherever a sender's name is all that
 * is needed (dead letters, failure reports).
 *
 * <p>Written by the sender's thread before it is published (through the ring's release store and
 * the message's own hand-over), then only by the receiver's host thread; read by snapshots on any
 * thread, which may see a delivery's later fields a little behind.
 */
final class FlowEvent implements ActorRef<Object> {

    static final byte IN_FLIGHT = 0;
    static final byte IN_PROGRESS = 1;
    static final byte HANDLED = 2;
    static final byte FAILED = 3;
    static final byte DEAD_LETTER = 4;
    static final byte RESTARTED = 5;

    private static final Delivery.Outcome[] OUTCOMES = Delivery.Outcome.values();
    private static final Delivery.Kind[] KINDS = Delivery.Kind.values();

    final long id;
    final long cause;
    /** The real sender (null: from outside any actor). */
    final ActorRef<?> sender;
    final String senderName;
    final String receiverName;
    final Object message;
    final byte kind;
    /** When it was sent; {@link Delivery#NOT_YET} while a deque sender's next clock reading is due to stamp it. */
    long sentAt;
    /** The first message this delivery's handling sent that waits for its receiver's next clock reading. */
    private FlowEvent unstamped;
    /** The next one after this in such a list. */
    private FlowEvent nextUnstamped;
    long startedAt = Delivery.NOT_YET;
    long endedAt = Delivery.NOT_YET;
    long turn;
    long sequence;
    byte outcome;
    String failure;

    FlowEvent(long id, long cause, Delivery.Kind kind, ActorRef<?> sender, String senderName, String receiverName,
              Object message, long sentAt) {
        this.id = id;
        this.cause = cause;
        this.kind = (byte) kind.ordinal();
        this.sender = sender;
        this.senderName = senderName;
        this.receiverName = receiverName;
        this.message = message;
        this.sentAt = sentAt;
    }

    /** The receiver took it. Host thread only. */
    void started(long now, long turn, long sequence) {
        this.startedAt = now;
        this.turn = turn;
        this.sequence = sequence;
        this.outcome = IN_PROGRESS;
    }

    /** The receiver is done with it. Host thread only. */
    void ended(long now, byte outcome, Throwable cause) {
        this.endedAt = now;
        this.outcome = outcome;
        if (cause != null) {
            this.failure = cause.toString();
        }
    }

    /** A message {@code s} sent while this delivery is handled, to be stamped by {@link #stampSends}. */
    FlowEvent deferSend(FlowEvent s) {
        s.nextUnstamped = unstamped;
        unstamped = s;
        return s;
    }

    /** Whether sends wait for a reading. */
    boolean hasUnstampedSends() {
        return unstamped != null;
    }

    /** Stamps the messages this delivery's handling sent since the last reading with {@code now}. */
    void stampSends(long now) {
        for (FlowEvent s = unstamped; s != null; ) {
            FlowEvent next = s.nextUnstamped;
            s.nextUnstamped = null;
            s.sentAt = now;
            s = next;
        }
        unstamped = null;
    }

    /** Nobody took it. */
    void deadLetter(long now) {
        this.startedAt = Delivery.NOT_YET;
        this.endedAt = now;
        this.outcome = DEAD_LETTER;
    }

    Delivery toDelivery() {
        long sent = sentAt;
        if (sent == Delivery.NOT_YET) { // a snapshot between the send and the sender's next reading
            sent = startedAt != Delivery.NOT_YET ? startedAt : endedAt != Delivery.NOT_YET ? endedAt : FlowRecorder.now();
        }
        return new Delivery(id, cause, KINDS[kind], senderName, receiverName, message, sent, startedAt, endedAt, turn,
                sequence, OUTCOMES[outcome], failure);
    }

    // ------------------------------------------------------------------ standing for the sender

    @Override
    public String name() {
        return senderName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void send(Object message) {
        if (sender == null) {
            throw new UnsupportedOperationException("the message came from outside any actor: there is no one to reply to");
        }
        ((ActorRef<Object>) sender).send(message);
    }

    @Override
    public boolean isAlive() {
        return sender != null && sender.isAlive();
    }

    @Override
    public CompletableFuture<Void> termination() {
        return sender == null ? CompletableFuture.completedFuture(null) : sender.termination();
    }

    @Override
    public String toString() {
        return toDelivery().toString();
    }
}
