package dev.frontier.examples;

import dev.frontier.actor.ActorSystem;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.scheduler.DequeScheduler;
import java.io.PrintStream;

/**
 * The seed's recursive ping-pong on the deque scheduler (Solution 2): {@code ping 0},
 * {@code pong 1}, {@code ping 2}, ... strictly alternating, until {@code count} messages.
 *
 * <p>The two actors are defined once, here, and the other ping-pong examples run the very same
 * definitions in the other execution modes.
 */
public final class PingPong {

    private PingPong() {
    }

    /**
     * One player: prints each number it receives and passes the next one to {@code other}; the
     * player that receives number {@code count - 1} ends the game by returning.
     */
    public static GeneratorActor<Integer> player(String me, String other, int count, PrintStream out) {
        return ctx -> {
            while (true) {
                int n = ctx.receive();
                out.println(me + " " + n);
                if (n + 1 >= count) {
                    return;
                }
                ctx.send(other, n + 1);
            }
        };
    }

    /** Spawns ping and pong into {@code system}. */
    public static void spawnPlayers(ActorSystem system, int count, PrintStream out) {
        system.spawn("ping", player("ping", "pong", count, out));
        system.spawn("pong", player("pong", "ping", count, out));
    }

    /** Runs the game for {@code count} messages on a deque scheduler driven by this thread. */
    public static void run(int count, PrintStream out) {
        try (DequeScheduler scheduler = DequeScheduler.create()) {
            spawnPlayers(scheduler, count, out);
            scheduler.send("ping", 0);
            scheduler.run();
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out);
    }
}
