package dev.frontier.actor;

/**
 * A hook that sees every delivery, for tests and tools that record the message flow without
 * logging. Called on the delivering thread just before the recipient handles the message; must be
 * fast and must not throw.
 */
@FunctionalInterface
public interface MessageTracer {

    /**
     * Sees one delivery, just before the receiver handles it.
     *
     * @param sender the sending actor's name, or {@code "outside"}
     * @param receiver the receiving actor's name
     * @param message the message
     * @param sequence the receiver's delivery count, starting at 1
     */
    void onDeliver(String sender, String receiver, Object message, long sequence);
}
