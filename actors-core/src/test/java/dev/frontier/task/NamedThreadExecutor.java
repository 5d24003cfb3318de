package dev.frontier.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A single-thread executor whose thread has a known name, closed by try-with-resources. */
final class NamedThreadExecutor implements AutoCloseable {

    final ExecutorService executor;
    final Thread thread;

    NamedThreadExecutor(String name) throws Exception {
        Thread[] made = new Thread[1];
        executor = Executors.newSingleThreadExecutor(r -> made[0] = new Thread(r, name));
        // start the thread now so tests can compare against it
        executor.submit(() -> { }).get();
        thread = made[0];
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(thread.getName() + " did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted stopping " + thread.getName(), e);
        }
    }
}
