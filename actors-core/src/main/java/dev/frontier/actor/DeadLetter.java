package dev.frontier.actor;

/**
 * A message that found no live recipient.
 *
 * @param recipient the name it was addressed to
 * @param sender the sending actor's name, or {@code "outside"}
 * @param message the message itself
 */
public record DeadLetter(String recipient, String sender, Object message) {
    @Override
    public String toString() {
        return sender + " -> " + recipient + ": " + message;
    }
}
