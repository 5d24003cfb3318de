package dev.frontier.examples.contexts;

import static dev.frontier.context.Contexts.locked;
import static dev.frontier.context.Contexts.withVoid;

import dev.frontier.actor.GeneratorActor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A list of entries with one writer at a time: a writer actor holds the ledger's lock for its
 * whole session, across every receive, with {@code Contexts.with(Contexts.locked(lock), ...)}
 * around its receive loop. Readers on other threads wait for the lock, so they never see half a
 * session.
 *
 * <pre>{@code
 * ctx -> withVoid(locked(lock), held -> {
 *     for (int i = 0; i < count; i++) append(ctx.receive());
 * })   // unlocked here, however the session ended
 * }</pre>
 *
 * The lock is released when the session ends in any way: the body returns after {@code count}
 * entries; the actor is stopped ({@code GeneratorExit} at the receive is handed to the lock's
 * manager, whose {@code finally} unlocks, and then continues out); or a blank entry makes the
 * writer throw {@link IllegalArgumentException}, which the manager likewise sees, unlocks on,
 * and lets through to the error handler.
 *
 * <p>A {@link ReentrantLock} belongs to the thread that locked it, so the writer must be
 * entered and exited on one thread: true of a generator actor in every mode (its body runs on
 * its host thread: the scheduler thread, or its own thread). On the deque scheduler that thread is
 * shared by every actor, and a reentrant lock admits them all: use this with thread-per-actor,
 * or with readers on other threads.
 */
public final class Ledger {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> entries = new ArrayList<>();

    /**
     * A writer actor for a session of {@code count} entries. It takes the lock when it starts
     * (before its first receive), appends each {@code String} it receives, replies to its sender
     * (if any) with the number of entries in the ledger, and ends after {@code count} entries.
     */
    public GeneratorActor<String> writer(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a session writes at least one entry: " + count);
        }
        return ctx -> withVoid(locked(lock), held -> {
            for (int i = 0; i < count; i++) {
                String entry = ctx.receive();
                if (entry.isBlank()) {
                    throw new IllegalArgumentException("blank ledger entry");
                }
                entries.add(entry);
                ctx.send(ctx.sender(), entries.size()); // from outside any actor: a dead letter
            }
        });
    }

    /**
     * The entries, read under the lock, waiting at most {@code timeout} for a writer's session
     * to end; empty if it did not end in time. Any thread.
     */
    public Optional<List<String>> read(Duration timeout) throws InterruptedException {
        if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.copyOf(entries));
        } finally {
            lock.unlock();
        }
    }

    /** Whether a writer's session holds the ledger now (a snapshot). */
    public boolean isHeld() {
        return lock.isLocked();
    }
}
