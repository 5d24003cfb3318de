package dev.frontier.examples.contexts;

import dev.frontier.actor.ActorFailure;
import dev.frontier.actor.ActorRef;
import dev.frontier.examples.contexts.Journal.Append;
import dev.frontier.examples.contexts.Journal.Close;
import dev.frontier.examples.contexts.Journal.Contents;
import dev.frontier.examples.contexts.Journal.Read;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.MdcMode;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ThreadPerActorSystem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code contexts} example: actors that hold resources through context managers across
 * receives and release them however they end.
 *
 * <ol>
 *   <li>Three {@link Journal}s on a deque scheduler, each holding a temporary directory and an open
 *       file: one closes itself, one is stopped, one fails. Each directory is gone afterwards.</li>
 *   <li>A {@link Ledger} writer on its own thread holds a lock for its session; a reader on the
 *       main thread cannot take it until the session ends.</li>
 *   <li>A word counter that times each batch of two lines with {@code timethis}: the
 *       {@code counter batch N: 0.000} lines in the log.</li>
 * </ol>
 */
public final class ContextsDemo {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ContextsDemo() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    public static void run(PrintStream out) throws Exception {
        journals(out);
        ledger(out);
        wordCounter(out);
    }

    /** Asks {@code name} on the hand-driven scheduler {@code s} and runs it until the reply is in. */
    private static <R> R ask(DequeScheduler s, String name, Object message) {
        CompletableFuture<R> reply = s.ask(name, message, TIMEOUT);
        s.run();
        return reply.join();
    }

    private static void journals(PrintStream out) {
        ActorSystemOptions options = ActorSystemOptions.defaults()
                .withErrorHandler((ActorFailure f) -> out.println("  error handler: actor '" + f.actor() + "' failed: " + f.cause()));
        try (DequeScheduler s = DequeScheduler.create(options)) {
            s.spawn("journal-1", Journal.actor());
            s.send("journal-1", new Append("first"));
            s.send("journal-1", new Append("second"));
            Contents first = ask(s, "journal-1", new Read());
            out.println("journal-1: " + first.directory().resolve(Journal.FILE_NAME) + " holds " + first.entries());
            s.send("journal-1", new Close());
            s.run();
            out.println("journal-1: closed itself, directory deleted: " + Files.notExists(first.directory()));

            s.spawn("journal-2", Journal.actor());
            Contents second = ask(s, "journal-2", new Read());
            s.stop("journal-2");
            out.println("journal-2: stopped, directory deleted: " + Files.notExists(second.directory()));

            s.spawn("journal-3", Journal.actor());
            Contents third = ask(s, "journal-3", new Read());
            s.send("journal-3", new Append("two\nlines"));
            s.run();
            out.println("journal-3: failed, directory deleted: " + Files.notExists(third.directory()));
        }
    }

    private static void ledger(PrintStream out) throws Exception {
        Ledger ledger = new Ledger();
        try (ThreadPerActorSystem system = ThreadPerActorSystem.create()) {
            ActorRef<String> writer = system.spawn("writer", ledger.writer(2));
            system.ask("writer", "credit 10", TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("ledger: mid-session, a reader gets " + ledger.read(Duration.ZERO).map(List::toString).orElse("nothing (locked)"));
            system.ask("writer", "debit 4", TIMEOUT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            writer.termination().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            out.println("ledger: session over, a reader gets " + ledger.read(TIMEOUT).map(List::toString).orElse("nothing (locked)"));
        }
    }

    private static void wordCounter(PrintStream out) {
        long[] words = new long[1];
        List<String> lines = List.of(
                "an actor is ordinary code",
                "that loops on receive",
                "a generator that yields once",
                "is a context manager");
        // EVERY_MESSAGE: the batch times are logged by Contexts' logger, and should name the actor
        try (DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withMdc(MdcMode.EVERY_MESSAGE))) {
            s.<String>spawn("counter", TimedBatches.actor(2, System::nanoTime,
                    (ctx, line) -> words[0] += line.split(" ").length));
            lines.forEach(line -> s.send("counter", line));
            s.run();
        }
        out.println("counter: " + words[0] + " words in " + lines.size() + " lines, timed in batches of 2 (see the log)");
    }
}
