package dev.frontier.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;

/**
 * What a task can wait on, and the three ways of waiting: reading a done future, calling back
 * when a pending one settles, and blocking on one. Every failure comes out as the original cause.
 */
final class Waitables {

    /** Virtual threads that block on plain futures; a factory, unlike a builder, is thread-safe. */
    private static final ThreadFactory WAITERS = Thread.ofVirtual().name("frontier-future-waiter-", 0).factory();

    private Waitables() {
    }

    static boolean isWaitable(Object o) {
        return o instanceof Future<?> || o instanceof CompletionStage<?>;
    }

    /** Whether {@code o} is a future that has already settled, so it can be read without waiting. */
    static boolean isDone(Object o) {
        return o instanceof Future<?> f && f.isDone();
    }

    /** The value of a done future, or throws its failure's original cause. */
    static Object resultNow(Future<?> done) {
        try {
            return get(done);
        } catch (InterruptedException impossible) {
            // get() of a done Future does not wait, so it cannot be interrupted.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading a done future", impossible);
        }
    }

    /** Blocks until {@code waitable} settles: its value, or throws its failure's original cause. */
    static Object block(Object waitable) throws InterruptedException {
        if (waitable instanceof Future<?> f) {
            return get(f);
        }
        CompletableFuture<Object> bridge = new CompletableFuture<>();
        ((CompletionStage<?>) waitable).whenComplete((v, t) -> {
            if (t == null) {
                bridge.complete(v);
            } else {
                bridge.completeExceptionally(t);
            }
        });
        return get(bridge);
    }

    /**
     * Calls {@code callback} once, with the value or the raw failure, when {@code waitable}
     * settles. A {@link CompletionStage} calls back on its completing thread. A plain
     * {@link Future} has no callback, so a virtual thread blocks in its {@code get()} and calls
     * back from there.
     */
    static void whenSettled(Object waitable, BiConsumer<Object, Throwable> callback) {
        if (waitable instanceof CompletionStage<?> stage) {
            stage.whenComplete(callback);
            return;
        }
        Future<?> f = (Future<?>) waitable;
        WAITERS.newThread(() -> {
            Object value = null;
            Throwable failure = null;
            try {
                value = f.get();
            } catch (ExecutionException e) {
                failure = e;
            } catch (Throwable t) {
                failure = t;
            }
            callback.accept(value, failure);
        }).start();
    }

    /** The original cause: strips {@link CompletionException} and {@link ExecutionException}. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Object get(Future<?> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw Sneaky.<RuntimeException>rethrow(unwrap(e));
        }
    }
}
