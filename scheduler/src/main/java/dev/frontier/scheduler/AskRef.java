package dev.frontier.scheduler;

import dev.frontier.actor.ActorRef;
import java.util.concurrent.CompletableFuture;

/**
 * The reply address of one {@code ask}: a reference whose first message completes the asker's
 * future. Not an actor and not registered: it takes no name in the registry (so no user actor's
 * name can collide with it), needs no thread, and leaves nothing behind once answered. A message
 * to it after the future completed (a late reply, a second reply) is a dead letter.
 */
final class AskRef implements ActorRef<Object> {

    private final AbstractActorSystem system;
    private final String name;
    final CompletableFuture<Object> reply = new CompletableFuture<>();

    AskRef(AbstractActorSystem system, String name) {
        this.system = system;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes the ask with {@code message}. Any thread. */
    @Override
    public void send(Object message) {
        AbstractActorSystem.checkMessage(name, message);
        if (!reply.complete(message)) {
            system.deadLetter(name, system.currentActor(), message);
        }
    }

    @Override
    public boolean isAlive() {
        return !reply.isDone();
    }

    @Override
    public CompletableFuture<Void> termination() {
        return reply.handle((v, t) -> null);
    }

    @Override
    public String toString() {
        return "ask reply '" + name + "'";
    }
}
