package dev.frontier.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The actor systems of this JVM that have not terminated, for the tools that look at all of them
 * from outside (the JFR mailbox sampler). Weakly held: a system dropped without being shut down
 * leaves on its own.
 */
final class LiveSystems {

    private static final Set<AbstractActorSystem> LIVE = Collections.newSetFromMap(new WeakHashMap<>());

    private LiveSystems() {
    }

    static synchronized void add(AbstractActorSystem system) {
        LIVE.add(system);
    }

    static synchronized void remove(AbstractActorSystem system) {
        LIVE.remove(system);
    }

    static synchronized List<AbstractActorSystem> snapshot() {
        return new ArrayList<>(LIVE);
    }
}
