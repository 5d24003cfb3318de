package dev.frontier.actor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where exceptions that escape actors go. Called on the thread that ran the actor; must not throw.
 * The default writes one ERROR line naming the actor, the message and the cause, with the stack
 * trace, on the logger {@code dev.frontier.actor.ActorErrorHandler}.
 */
@FunctionalInterface
public interface ActorErrorHandler {

    /**
     * Handles one failure. Called on the thread that ran the actor, once per failure; a throw is
     * caught and logged by the system, never propagated.
     *
     * @param failure the actor, the message it was handling and what was thrown; never null
     */
    void onFailure(ActorFailure failure);

    /** One ERROR log per failure. */
    ActorErrorHandler LOG = failure -> Holder.LOGGER.error(failure.describe(), failure.cause());

    /** Lazily initialised logger for {@link #LOG}. */
    final class Holder {
        static final Logger LOGGER = LoggerFactory.getLogger(ActorErrorHandler.class);

        private Holder() {
        }
    }
}
