package dev.frontier.examples;

import dev.frontier.actor.ActorRef;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The seed's Solution 1: the same ping-pong actors, each on its own (virtual) thread, with
 * {@code receive} blocking that thread.
 */
public final class ThreadPingPong {

    private ThreadPingPong() {
    }

    public static void run(int count, PrintStream out) throws Exception {
        try (ThreadPerActorSystem system = ThreadPerActorSystem.create()) {
            PingPong.spawnPlayers(system, count, out);
            ActorRef<Object> ping = system.lookup("ping").orElseThrow();
            ActorRef<Object> pong = system.lookup("pong").orElseThrow();
            system.send("ping", 0);
            CompletableFuture.anyOf(ping.termination(), pong.termination()).get(30, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out);
    }
}
