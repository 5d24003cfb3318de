package dev.frontier.testkit;

/**
 * What an actor fails with when the explorer's fault injection crashes it at a delivery
 * ({@link Faults#withCrash}). An explored run does not count it as a failure of the property.
 */
public final class InjectedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception, without a stack trace (it says where it came from) and without suppression.
     *
     * @param actor the name of the actor crashed
     * @param message the message at whose delivery it crashes
     */
    public InjectedCrash(String actor, Object message) {
        super("injected crash of '" + actor + "' at the delivery of " + message, null, false, false);
    }
}
