package dev.frontier.examples;

import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DirectActorSystem;
import java.io.PrintStream;

/**
 * The seed's Attempt 1: the same ping-pong actors with {@code send} as a direct generator send.
 * Prints {@code ping 0}, {@code pong 1}, then fails with "generator already executing" when
 * pong sends back to ping, which is still on the stack. Each failing actor is reported in one
 * line by the error handler, then the error reaches {@code main}'s send.
 */
public final class DirectPingPong {

    private DirectPingPong() {
    }

    public static void run(int count, PrintStream out) {
        ActorSystemOptions options = ActorSystemOptions.defaults()
                .withErrorHandler(failure -> out.println("  error handler: " + failure.describe()));
        try (DirectActorSystem system = DirectActorSystem.create(options)) {
            PingPong.spawnPlayers(system, count, out);
            try {
                system.send("ping", 0);
            } catch (RuntimeException e) {
                out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out);
    }
}
