package dev.frontier.examples.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.frontier.actor.ActorFailure;
import dev.frontier.context.Contexts;
import dev.frontier.context.ExitStack;
import dev.frontier.core.GeneratorExit;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When releasing a resource held across receives fails, what the error handler sees depends on
 * the form the actor entered it with. Pins the behaviour described in docs/contexts.md.
 */
class ReleaseFailureTest {

    final List<ActorFailure> failures = new ArrayList<>();
    final List<String> released = new ArrayList<>();
    final DequeScheduler s = DequeScheduler.create(ActorSystemOptions.defaults().withErrorHandler(failures::add));

    @AfterEach
    void shutdown() {
        s.shutdown();
    }

    /** A resource whose release runs (it is recorded) and then fails. */
    AutoCloseable failingRelease() {
        return () -> {
            released.add("released");
            throw new IOException("release failed");
        };
    }

    void tryWithResourcesActor(String name) {
        s.<String>spawn(name, ctx -> {
            try (ExitStack resources = new ExitStack()) {
                resources.callback(failingRelease());
                while (true) {
                    if (ctx.receive().equals("bad")) {
                        throw new IllegalArgumentException("bad message");
                    }
                }
            }
        });
    }

    void withActor(String name) {
        s.<String>spawn(name, ctx -> Contexts.withVoid(new ExitStack(), resources -> {
            resources.callback(failingRelease());
            while (true) {
                if (ctx.receive().equals("bad")) {
                    throw new IllegalArgumentException("bad message");
                }
            }
        }));
    }

    @Test
    void withWhenStoppedTheReleaseFailureEndsTheActorAndIsReported() {
        withActor("a");
        s.run();
        s.stop("a");
        s.run();
        assertEquals(List.of("released"), released);
        assertEquals(1, failures.size());
        ActorFailure f = failures.get(0);
        assertNull(f.message(), "reported as failing while starting or stopping");
        assertEquals("release failed", assertInstanceOf(IOException.class, f.cause()).getMessage());
        assertInstanceOf(GeneratorExit.class, f.cause().getSuppressed()[0], "carrying the GeneratorExit it replaced");
    }

    @Test
    void tryWithResourcesWhenStoppedTheReleaseFailureIsReported() {
        // Java adds the close() failure to the GeneratorExit as suppressed; Generator.close()
        // rethrows it, so stopping the actor reports it like any other failure.
        tryWithResourcesActor("a");
        s.run();
        s.stop("a");
        s.run();
        assertEquals(List.of("released"), released);
        assertEquals(1, failures.size());
        assertNull(failures.get(0).message(), "reported as failing while starting or stopping");
        assertEquals("release failed", assertInstanceOf(IOException.class, failures.get(0).cause()).getMessage());
        assertEquals(1, s.failureCount());
    }

    @Test
    void withWhenTheBodyFailsTheReleaseFailureWinsCarryingTheBodysException() {
        withActor("a");
        s.send("a", "bad");
        s.run();
        assertEquals(1, failures.size());
        Throwable cause = failures.get(0).cause();
        assertEquals("release failed", assertInstanceOf(IOException.class, cause).getMessage());
        assertEquals("bad message", assertInstanceOf(IllegalArgumentException.class, cause.getSuppressed()[0]).getMessage());
    }

    @Test
    void tryWithResourcesWhenTheBodyFailsTheBodysExceptionWinsCarryingTheReleaseFailure() {
        tryWithResourcesActor("a");
        s.send("a", "bad");
        s.run();
        assertEquals(1, failures.size());
        assertSame("bad", failures.get(0).message());
        Throwable cause = failures.get(0).cause();
        assertEquals("bad message", assertInstanceOf(IllegalArgumentException.class, cause).getMessage());
        assertEquals("release failed", assertInstanceOf(IOException.class, cause.getSuppressed()[0]).getMessage());
    }
}
