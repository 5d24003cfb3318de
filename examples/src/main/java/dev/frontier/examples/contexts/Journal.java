package dev.frontier.examples.contexts;

import static dev.frontier.context.Contexts.withVoid;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.context.Contexts;
import dev.frontier.context.ExitStack;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor that holds resources across receives: a private temporary directory
 * ({@link Contexts#tempdir()}) and a writer open on {@code journal.txt} inside it, both on one
 * {@link ExitStack} entered with {@code Contexts.with} around the receive loop.
 *
 * <pre>{@code
 * ctx -> withVoid(new ExitStack(), resources -> {
 *     Path dir = resources.enterContext(Contexts.tempdir());
 *     BufferedWriter out = resources.closing(Files.newBufferedWriter(dir.resolve("journal.txt")));
 *     while (true) { ... ctx.receive() ... }
 * })   // the writer is closed, then the directory deleted
 * }</pre>
 *
 * However the actor ends, the stack unwinds, last resource first (the writer is closed before its
 * directory is deleted):
 * <ul>
 *   <li>its body returns, on {@link Close};</li>
 *   <li>it is stopped ({@code system.stop(name)}, or the system shuts down): its generator is
 *       closed, so {@code GeneratorExit} is raised at the {@code receive} and the
 *       stack unwinds on the way out;</li>
 *   <li>it fails: an {@link Append} whose entry contains a line break would corrupt the journal,
 *       so the actor throws {@link IllegalArgumentException}, which unwinds the stack and then
 *       reaches the system's error handler.</li>
 * </ul>
 * If unwinding fails (the directory cannot be deleted), the actor ends with that failure, also
 * when it was stopped: the error handler then reports it "while starting or stopping". That is
 * why this uses {@code with} rather than {@code try (ExitStack resources = new ExitStack())}:
 * there, a failure of {@code close()} while {@code GeneratorExit} passes is added to the
 * {@code GeneratorExit} as suppressed, and the stop completes as if nothing had failed (see
 * docs/contexts.md).
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    /** The file the journal writes, inside its temporary directory. */
    public static final String FILE_NAME = "journal.txt";

    private Journal() {
    }

    /** What a journal accepts. */
    public sealed interface Command permits Append, Read, Close {
    }

    /** Appends {@code entry} as one line; an entry with a line break fails the actor. */
    public record Append(String entry) implements Command {
        public Append {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Replies to the sender with the {@link Contents} written so far. */
    public record Read() implements Command {
    }

    /** Ends the actor: its body returns. */
    public record Close() implements Command {
    }

    /** The reply to {@link Read}: the journal's directory and the entries read back from its file. */
    public record Contents(Path directory, List<String> entries) {
        public Contents {
            entries = List.copyOf(entries);
        }
    }

    /** A new journal actor; each one has its own directory, made when it starts. */
    public static GeneratorActor<Command> actor() {
        return ctx -> withVoid(new ExitStack(), resources -> {
            Path dir = resources.enterContext(Contexts.tempdir());
            Path file = dir.resolve(FILE_NAME);
            BufferedWriter out = resources.closing(Files.newBufferedWriter(file));
            LOG.debug("journal {} opened {}", ctx.name(), file);
            while (true) {
                switch (ctx.receive()) {
                    case Append(String entry) -> {
                        if (entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
                            throw new IllegalArgumentException("a journal entry must be one line: " + entry.lines().toList());
                        }
                        out.write(entry);
                        out.newLine();
                    }
                    case Read() -> {
                        out.flush();
                        reply(ctx, new Contents(dir, Files.readAllLines(file)));
                    }
                    case Close() -> {
                        return;
                    }
                }
            }
        });
    }

    private static void reply(ActorContext<Command> ctx, Contents contents) {
        ctx.send(ctx.sender(), contents); // a Read from outside any actor: the reply is a dead letter
    }
}
