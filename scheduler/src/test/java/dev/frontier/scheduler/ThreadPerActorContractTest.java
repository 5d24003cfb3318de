package dev.frontier.scheduler;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;

/** The contract with each actor on its own thread: virtual threads, then platform threads. */
class ThreadPerActorContractTest {

    abstract static class ThreadMode extends SupervisionContract {
        @Override
        <T> T await(CompletableFuture<T> future) throws Exception {
            return get(future);
        }

        /** Every message sent so far by this thread is in a mailbox; a round trip through each actor flushes it. */
        @Override
        void settle() throws Exception {
            for (String name : system().actorNames()) {
                ActorCell<?> cell = system().registry.get(name);
                if (cell != null && cell.isAlive()) {
                    CompletableFuture<Void> marker = new CompletableFuture<>();
                    ((ThreadPerActorSystem) system()).runOnHost(cell, () -> marker.complete(null));
                    get(marker);
                }
            }
        }
    }

    @Nested
    class Virtual extends ThreadMode {
        @Override
        AbstractActorSystem newSystem(ActorSystemOptions options) {
            return ThreadPerActorSystem.create(options);
        }
    }

    @Nested
    class Platform extends ThreadMode {
        @Override
        AbstractActorSystem newSystem(ActorSystemOptions options) {
            return ThreadPerActorSystem.create(options.withVirtualThreads(false));
        }
    }
}
