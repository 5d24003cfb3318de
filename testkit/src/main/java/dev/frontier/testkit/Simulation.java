package dev.frontier.testkit;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What an explored scenario sees, one per schedule: a fresh explored system to spawn actors in and
 * send to, and the property to check, as invariants (after every step) and end checks (once nothing
 * is left to run). Actors' state is best shared through objects the scenario makes (every schedule
 * runs the scenario afresh, on the test's thread).
 *
 * <p><b>Note:</b> this class is not threadsafe; the explorer calls the scenario on its own thread.
 */
public final class Simulation {

    record Check<T>(String name, T check) {
    }

    private final DequeScheduler system;
    private final ManualClock clock;
    private final long seed;
    final List<Check<BooleanSupplier>> invariants = new ArrayList<>();
    final List<Check<Runnable>> endChecks = new ArrayList<>();
    boolean actorFailuresAllowed;

    Simulation(DequeScheduler system, ManualClock clock, long seed) {
        this.system = system;
        this.clock = clock;
        this.seed = seed;
    }

    /** {@return the explored system: every step it takes is the explorer's choice} */
    public DequeScheduler system() {
        return system;
    }

    /** {@return the virtual time passed since the run began} */
    public Duration now() {
        return Duration.ofNanos(clock.nanoTime());
    }

    /** {@return this schedule's seed (for scenario data that should vary with it)} */
    public long seed() {
        return seed;
    }

    /**
     * {@code system().spawn(name, body)}: the body runs when the explorer chooses its first turn.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among live actors; not null or empty
     * @param body the actor's code
     * @return the new actor's reference
     * @throws dev.frontier.actor.DuplicateActorNameException a live actor already has this name
     */
    public <M> ActorRef<M> spawn(String name, GeneratorActor<M> body) {
        return system.spawn(name, body);
    }

    /**
     * {@code system().spawnHandler(name, handler)}.
     *
     * @param <M> the type of messages the actor accepts
     * @param name the actor's name, unique among live actors; not null or empty
     * @param handler called with each message
     * @return the new actor's reference
     * @throws dev.frontier.actor.DuplicateActorNameException a live actor already has this name
     */
    public <M> ActorRef<M> spawnHandler(String name, MessageHandler<M> handler) {
        return system.spawnHandler(name, handler);
    }

    /**
     * Sends from outside any actor; delivered when the explorer chooses.
     *
     * @param name the recipient's name; an unknown name makes a dead letter
     * @param message the message; must not be null
     */
    public void send(String name, Object message) {
        system.send(name, message);
    }

    /**
     * A condition that must hold after every step; {@code name} is what a failure reports.
     *
     * @param name the invariant's name, for the report; must not be null
     * @param holds true while the property holds; false or a throw fails the schedule
     * @return this simulation
     */
    public Simulation invariant(String name, BooleanSupplier holds) {
        invariants.add(new Check<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(holds, "holds")));
        return this;
    }

    /**
     * An assertion run once the run is over (nothing enabled, no timer pending); it throws to fail.
     *
     * @param name the check's name, for the report; must not be null
     * @param check throws (an {@code AssertionError} or a {@code RuntimeException}) to fail the schedule
     * @return this simulation
     */
    public Simulation atEnd(String name, Runnable check) {
        endChecks.add(new Check<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check")));
        return this;
    }

    /**
     * By default an actor failing (other than by an injected crash) fails the schedule; not after this.
     *
     * @return this simulation
     */
    public Simulation allowActorFailures() {
        actorFailuresAllowed = true;
        return this;
    }
}
