package dev.frontier.actor;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** An {@link ActorSystem#ask ask} got no reply in time. Names the actor, the message and the timeout. */
public final class AskTimeoutException extends TimeoutException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception with a message naming all three.
     *
     * @param actor the name of the actor that was asked
     * @param message the request that got no reply
     * @param timeout how long the ask waited; must not be null
     */
    public AskTimeoutException(String actor, Object message, Duration timeout) {
        super("no reply from actor '" + actor + "' to " + message + " within " + timeout.toMillis() + " ms");
    }
}
