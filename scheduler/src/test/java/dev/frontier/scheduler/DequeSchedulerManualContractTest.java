package dev.frontier.scheduler;

import java.util.concurrent.CompletableFuture;

/** The contract on the deque scheduler driven by hand from the test thread: no threads at all. */
class DequeSchedulerManualContractTest extends SupervisionContract {

    @Override
    AbstractActorSystem newSystem(ActorSystemOptions options) {
        return DequeScheduler.create(options);
    }

    private DequeScheduler scheduler() {
        return (DequeScheduler) system();
    }

    @Override
    <T> T await(CompletableFuture<T> future) throws Exception {
        for (int idle = 0; !future.isDone(); ) {
            idle = scheduler().runOnce() == 0 ? idle + 1 : 0;
            if (idle > 1_000_000) {
                throw new AssertionError("the scheduler ran out of work before the future completed");
            }
        }
        return get(future);
    }

    @Override
    void settle() {
        scheduler().run();
    }
}
