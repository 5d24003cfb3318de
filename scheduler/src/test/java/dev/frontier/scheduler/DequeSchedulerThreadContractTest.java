package dev.frontier.scheduler;

import java.util.concurrent.CompletableFuture;

/** The contract on the deque scheduler running on its own thread, fed through the MPSC inbox. */
class DequeSchedulerThreadContractTest extends SupervisionContract {

    @Override
    AbstractActorSystem newSystem(ActorSystemOptions options) {
        return DequeScheduler.create(options).start();
    }

    @Override
    <T> T await(CompletableFuture<T> future) throws Exception {
        return get(future);
    }

    @Override
    void settle() throws Exception {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        ((DequeScheduler) system()).execute(() -> marker.complete(null));
        get(marker);
    }
}
