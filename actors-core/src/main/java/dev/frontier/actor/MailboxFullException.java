package dev.frontier.actor;

/** A send found the recipient's bounded mailbox full and its overflow rule said to fail the sender. */
public final class MailboxFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Names the recipient, its capacity and the message. */
    public MailboxFullException(String actor, int capacity, Object message) {
        super("the mailbox of actor '" + actor + "' is full (" + capacity + " messages); " + message + " was not sent");
    }
}
