package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code ctx.sender()} returns when the message in hand came from outside any actor: a
 * reference named {@code "outside"} that was never alive. A reply to it is a dead letter (recipient
 * {@code "outside"}), not a {@code NullPointerException}. One per system.
 */
final class NoSender implements ActorRef<Object> {

    private static final CompletableFuture<Void> ENDED = CompletableFuture.completedFuture(null);

    private final AbstractActorSystem system;

    NoSender(AbstractActorSystem system) {
        this.system = system;
    }

    @Override
    public String name() {
        return AbstractActorSystem.OUTSIDE;
    }

    /** A dead letter. Any thread. */
    @Override
    public void send(Object message) {
        AbstractActorSystem.checkMessage(AbstractActorSystem.OUTSIDE, message);
        system.deadLetter(AbstractActorSystem.OUTSIDE, system.currentActor(), message);
    }

    @Override
    public boolean isAlive() {
        return false;
    }

    @Override
    public CompletableFuture<Void> termination() {
        return ENDED.copy();
    }

    @Override
    public String toString() {
        return "no sender (outside any actor)";
    }
}
