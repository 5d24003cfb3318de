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
    final CompletableFuture<Object> reply;
    /** Flow recording, set when recording is on at the ask: who asked, while handling which delivery. */
    String askerName;
    long cause;
    boolean recorded;
    /** The recorded request, if it was recorded: its reply is recorded too. */
    volatile FlowEvent request;

    AskRef(AbstractActorSystem system, String name, ActorCell<?> target) {
        this.system = system;
        this.name = name;
        this.reply = new HostFuture<>(system, "ask '" + target.name + "'", target);
    }

    /** Flow recording: the ask was made by {@code asker} (null: from outside any actor). */
    void askedBy(ActorCell<?> asker) {
        askerName = AbstractActorSystem.nameOf(asker);
        cause = asker == null ? 0 : asker.handlingId();
        recorded = asker != null && asker.recorded;
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes the ask with {@code message}. Any thread. */
    @Override
    public void send(Object message) {
        AbstractActorSystem.checkMessage(name, message);
        boolean completed = reply.complete(message);
        if (request != null || system.recording) {
            system.recordReply(this, message, completed);
        }
        if (!completed) {
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
