package dev.frontier.examples;

import dev.frontier.scheduler.DequeScheduler;
import java.io.PrintStream;

/** The seed's first actor: a printer, sent a countdown from 10 to {@code printer: 1}. */
public final class Printer {

    private Printer() {
    }

    public static void run(int n, PrintStream out) {
        try (DequeScheduler scheduler = DequeScheduler.create()) {
            scheduler.<Integer>spawn("printer", ctx -> {
                while (true) {
                    int msg = ctx.receive();
                    out.println("printer: " + msg);
                }
            });
            for (int i = n; i > 0; i--) {
                scheduler.send("printer", i);
            }
            scheduler.run();
        }
    }

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out);
    }
}
