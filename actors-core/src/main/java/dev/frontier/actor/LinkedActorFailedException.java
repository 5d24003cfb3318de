package dev.frontier.actor;

/**
 * What ends an actor when an actor {@link ActorContext#link linked} to it failed and it does not
 * trap exits. Names both actors. The cause is the failure that started it all: the partner's own
 * failure, or, when the partner itself died of a link, the first failure along the chain (so a long
 * chain of links makes neither a long message nor a long chain of causes).
 */
public final class LinkedActorFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name of the linked actor that failed. */
    private final String partner;

    /**
     * Makes the exception; its cause is the first failure along the chain of links.
     *
     * @param actor the name of the actor this ends
     * @param partner the name of the linked actor that failed
     * @param partnerFailure what ended the partner (itself a {@code LinkedActorFailedException} when
     *     the partner died of a link)
     */
    public LinkedActorFailedException(String actor, String partner, Throwable partnerFailure) {
        super(message(actor, partner, partnerFailure), origin(partnerFailure));
        this.partner = partner;
    }

    private static Throwable origin(Throwable failure) {
        return failure instanceof LinkedActorFailedException l && l.getCause() != null ? l.getCause() : failure;
    }

    private static String message(String actor, String partner, Throwable partnerFailure) {
        String start = "actor '" + actor + "' is linked to actor '" + partner + "', which failed";
        if (partnerFailure instanceof LinkedActorFailedException l) {
            return start + " through its link to actor '" + l.partner + "' (first failure: " + origin(l) + ")";
        }
        return start + ": " + partnerFailure;
    }

    /** {@return the name of the linked actor that failed} */
    public String partner() {
        return partner;
    }
}
