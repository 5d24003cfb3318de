package dev.frontier.actor;

/**
 * What an actor that {@link ActorContext#trapExits traps exits} receives when an actor linked to it
 * ends, instead of failing with it (Erlang's {@code {'EXIT', Pid, Reason}}).
 *
 * @param actor the linked actor that ended (or whose incarnation ended, if it is restarted)
 * @param reason how it ended
 */
public record Exit(ActorRef<?> actor, ExitReason reason) {
    @Override
    public String toString() {
        return "Exit(" + actor.name() + ", " + reason + ")";
    }
}
