package dev.frontier.testkit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Something an actor did, as {@link BehaviorTestKit} records it: sent, spawned, stopped, scheduled,
 * asked, watched, linked, started a timer. Records, so a test compares them with {@code equals}.
 */
public sealed interface Effect {

    /** A message sent (to another actor, a child, itself, or the sender of a message). */
    record Sent(String to, Object message) implements Effect {
    }

    /** A child spawned; {@code behaviour} is its {@code GeneratorActor} or {@code MessageHandler} (not run). */
    record Spawned(String name, Object behaviour) implements Effect {
    }

    /** An actor stopped by name ({@code ctx.system().stop(name)}); the actor itself, if it is its own name. */
    record Stopped(String name) implements Effect {
    }

    /** A delayed send ({@code sendAfter}); it becomes a {@link Sent} when virtual time reaches it. */
    record Scheduled(Duration delay, String to, Object message) implements Effect {
    }

    /** An ask; the test completes {@code reply} (then {@link BehaviorTestKit#runPending()}). */
    record Asked(String to, Object message, Duration timeout, CompletableFuture<Object> reply) implements Effect {
    }

    /** The actor watches {@code name} ({@code ctx.watch} or {@code ctx.watchWith}). */
    record Watched(String name) implements Effect {
    }

    /** The actor stopped watching {@code name}. */
    record Unwatched(String name) implements Effect {
    }

    /** The actor linked itself with {@code name}. */
    record Linked(String name) implements Effect {
    }

    /** The actor removed its link with {@code name}. */
    record Unlinked(String name) implements Effect {
    }

    /** The actor chose whether linked actors' ends reach it as {@code Exit} messages. */
    record TrappedExits(boolean trap) implements Effect {
    }

    /** The actor waits on a timer: {@code "sleep"} or {@code "receive timeout"}. */
    record TimerStarted(Duration delay, String what) implements Effect {
    }
}
