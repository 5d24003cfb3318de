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

    /**
     * Whether {@code o} is a future that has already settled, so it can be read without waiting.
     * A {@link CompletableFuture#minimalCompletionStage()} is a {@code Future} whose
     * {@code Future} methods throw {@link UnsupportedOperationException}: it is waited on as a
     * plain stage.
     */
    static boolean isDone(Object o) {
        if (!(o instanceof Future<?> f)) {
            return false;
        }
        try {
            return f.isDone();
        } catch (UnsupportedOperationException minimalStage) {
            return false;
        }
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
        if (waitable instanceof CompletionStage<?> stage) {
            return get(asFuture(stage));
        }
        return get((Future<?>) waitable);
    }

    /** A future that settles with {@code stage}: the stage itself when it is a full CompletableFuture. */
    private static Future<?> asFuture(CompletionStage<?> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException noConversion) {
            CompletableFuture<Object> bridge = new CompletableFuture<>();
            stage.whenComplete((v, t) -> {
                if (t == null) {
                    bridge.complete(v);
                } else {
                    bridge.completeExceptionally(t);
                }
            });
            return bridge;
        }
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
