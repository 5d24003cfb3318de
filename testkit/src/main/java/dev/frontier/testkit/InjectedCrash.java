package dev.frontier.testkit;

/**
 * What an actor fails with when the explorer's fault injection crashes it at a delivery
 * ({@link Faults#withCrash}). An explored run does not count it as a failure of the property.
 */
public final class InjectedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InjectedCrash(String actor, Object message) {
        super("injected crash of '" + actor + "' at the delivery of " + message, null, false, false);
    }
}
