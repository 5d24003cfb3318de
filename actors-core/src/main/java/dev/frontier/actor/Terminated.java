package dev.frontier.actor;

/**
 * What a watcher receives, once, when an actor it {@link ActorContext#watch watches} has ended for
 * good (Erlang's {@code 'DOWN'}, Akka's {@code Terminated}). By the time it arrives the actor's name
 * is already free, so the watcher may spawn a successor under the same name. A supervised actor that
 * is restarted has not ended: its watchers hear nothing until it ends for good.
 *
 * @param actor the actor that ended
 * @param reason how it ended
 */
public record Terminated(ActorRef<?> actor, ExitReason reason) {
    @Override
    public String toString() {
        return "Terminated(" + actor.name() + ", " + reason + ")";
    }
}
