package dev.frontier.testkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Something an actor did, as {@link BehaviorTestKit} records it: sent, spawned, stopped, scheduled,
 * asked, watched, linked, started a timer. Records, so a test compares them with {@code equals}.
 */
public sealed interface Effect {

    /**
     * A message sent (to another actor, a child, itself, or the sender of a message).
     *
     * @param to the recipient's name ({@code "outside"} for a reply to a message from outside)
     * @param message the message
     */
    record Sent(String to, Object message) implements Effect {
    }

    /**
     * A child spawned; {@code behaviour} is its {@code GeneratorActor} or {@code MessageHandler} (not run).
     *
     * @param name the child's name
     * @param behaviour the child's body or handler, as given to {@code spawn}
     */
    record Spawned(String name, Object behaviour) implements Effect {
    }

    /**
     * An actor stopped by name ({@code ctx.system().stop(name)}); the actor itself, if it is its own name.
     *
     * @param name the name stopped
     */
    record Stopped(String name) implements Effect {
    }

    /**
     * A delayed send ({@code sendAfter}); it becomes a {@link Sent} when virtual time reaches it.
     *
     * @param delay the delay asked for
     * @param to the recipient's name
     * @param message the message
     */
    record Scheduled(Duration delay, String to, Object message) implements Effect {
    }

    /**
     * An ask; the test completes {@code reply} (then {@link BehaviorTestKit#runPending()}).
     *
     * @param to the name of the actor asked
     * @param message the request
     * @param timeout the timeout asked for (no timer is set: the test decides)
     * @param reply the future the actor got; the test completes it
     */
    record Asked(String to, Object message, Duration timeout, CompletableFuture<Object> reply) implements Effect {
    }

    /**
     * The actor watches {@code name} ({@code ctx.watch} or {@code ctx.watchWith}).
     *
     * @param name the watched actor's name
     */
    record Watched(String name) implements Effect {
    }

    /**
     * The actor stopped watching {@code name}.
     *
     * @param name the actor's name
     */
    record Unwatched(String name) implements Effect {
    }

    /**
     * The actor linked itself with {@code name}.
     *
     * @param name the linked actor's name
     */
    record Linked(String name) implements Effect {
    }

    /**
     * The actor removed its link with {@code name}.
     *
     * @param name the actor's name
     */
    record Unlinked(String name) implements Effect {
    }

    /**
     * The actor chose whether linked actors' ends reach it as {@code Exit} messages.
     *
     * @param trap the value given to {@code ctx.trapExits}
     */
    record TrappedExits(boolean trap) implements Effect {
    }

    /**
     * The actor waits on a timer: {@code "sleep"} or {@code "receive timeout"}.
     *
     * @param delay how long
     * @param what {@code "sleep"} or {@code "receive timeout"}
     */
    record TimerStarted(Duration delay, String what) implements Effect {
    }
}
