package dev.frontier.actor;

/**
 * What ends an actor when an actor {@link ActorContext#link linked} to it failed and it does not
 * trap exits. Names both actors; the partner's failure is the cause.
 */
public final class LinkedActorFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String partner;

    public LinkedActorFailedException(String actor, String partner, Throwable partnerFailure) {
        super("actor '" + actor + "' is linked to actor '" + partner + "', which failed: " + partnerFailure, partnerFailure);
        this.partner = partner;
    }

    /** The name of the linked actor that failed. */
    public String partner() {
        return partner;
    }
}
