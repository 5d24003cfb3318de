package dev.frontier.actor;

/** A send found the recipient's bounded mailbox full and its overflow rule said to fail the sender. */
public final class MailboxFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception with a message naming the recipient, its capacity and the message.
     *
     * @param actor the recipient's name
     * @param capacity the recipient's mailbox capacity, in messages
     * @param message the message that was not sent
     */
    public MailboxFullException(String actor, int capacity, Object message) {
        super("the mailbox of actor '" + actor + "' is full (" + capacity + " messages); " + message + " was not sent");
    }
}
