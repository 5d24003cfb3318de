package dev.frontier.actor;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-actor settings given at spawn: how many messages its mailbox holds and what happens to a
 * send when it is full. Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * system.spawn("db-writer", ActorOptions.defaults().withMailbox(10_000, Overflow.BACK_PRESSURE), body);
 * }</pre>
 */
public final class ActorOptions {

    private static final ActorOptions DEFAULTS = new ActorOptions(Integer.MAX_VALUE, Overflow.DEAD_LETTER,
            Duration.ofSeconds(10), null);

    private final int mailboxCapacity;
    private final Overflow overflow;
    private final Duration blockTimeout;
    private final Class<?> messageType;

    private ActorOptions(int mailboxCapacity, Overflow overflow, Duration blockTimeout, Class<?> messageType) {
        this.mailboxCapacity = mailboxCapacity;
        this.overflow = overflow;
        this.blockTimeout = blockTimeout;
        this.messageType = messageType;
    }

    /** {@return the defaults: an unbounded mailbox, any message type, a 10 s block timeout} */
    public static ActorOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A mailbox that holds at most {@code capacity} messages not yet taken by the actor (the ones a
     * selective receive kept back do not count), and what a send to it does when it is full.
     *
     * @param capacity the most messages waiting, at least 1
     * @param whenFull what a send to the full mailbox does; must not be null
     * @return a copy with this mailbox
     * @throws IllegalArgumentException {@code capacity} is below 1
     */
    public ActorOptions withMailbox(int capacity, Overflow whenFull) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a mailbox holds at least one message: " + capacity);
        }
        return new ActorOptions(capacity, Objects.requireNonNull(whenFull, "whenFull"), blockTimeout, messageType);
    }

    /**
     * How long a sender outside any actor (or a thread-per-actor actor) waits for room in a full
     * {@link Overflow#BACK_PRESSURE} mailbox before the send fails with {@link MailboxFullException}
     * (default 10 s).
     *
     * @param timeout how long a blocked sender waits; zero fails at once; must not be null or negative
     * @return a copy with this block timeout
     * @throws IllegalArgumentException {@code timeout} is negative
     */
    public ActorOptions withBlockTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a negative block timeout: " + timeout);
        }
        return new ActorOptions(mailboxCapacity, overflow, timeout, messageType);
    }

    /**
     * The type of message the actor accepts: a send of anything else never reaches it, but becomes a
     * dead letter, logged at WARN with the actor, the expected and the actual type. Checked when the
     * message is sent. Default: none (any message). {@code ActorSystem.spawn(name, type, body)} sets it.
     *
     * @param type the class every message must be an instance of; must not be null
     * @return a copy with this message type
     * @throws IllegalArgumentException {@code type} is primitive (use its wrapper class)
     */
    public ActorOptions withMessageType(Class<?> type) {
        Objects.requireNonNull(type, "type");
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("messages are objects: use the wrapper class, not " + type);
        }
        return new ActorOptions(mailboxCapacity, overflow, blockTimeout, Objects.requireNonNull(type, "type"));
    }

    /** {@return the type of message the actor accepts, or null for any} */
    public Class<?> messageType() {
        return messageType;
    }

    /** {@return the most messages the mailbox holds; {@link Integer#MAX_VALUE} if unbounded} */
    public int mailboxCapacity() {
        return mailboxCapacity;
    }

    /** {@return what a send to a full mailbox does (default {@link Overflow#DEAD_LETTER})} */
    public Overflow overflow() {
        return overflow;
    }

    /** {@return how long a thread may block for room under {@link Overflow#BACK_PRESSURE}} */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /** {@return whether the mailbox has a capacity (is not unbounded)} */
    public boolean isBounded() {
        return mailboxCapacity != Integer.MAX_VALUE;
    }

    /** What a send to a full mailbox does. */
    public enum Overflow {
        /** The message becomes a dead letter (counted, logged); the sender goes on. */
        DEAD_LETTER,
        /** The send throws {@link MailboxFullException} at the sender. */
        FAIL_SENDER,
        /**
         * The sender waits for room. A generator actor on the deque scheduler is suspended (no
         * thread blocks) and resumed when the target takes a message; a thread outside any actor,
         * or an actor's own thread in thread-per-actor mode, blocks for at most the block timeout,
         * then the send fails with {@link MailboxFullException}. A handler actor cannot wait: its
         * send fails at once. Two actors that fill each other's mailboxes wait for each other.
         */
        BACK_PRESSURE
    }
}
