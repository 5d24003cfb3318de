package dev.frontier.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.DeadLetter;
import dev.frontier.actor.Exit;
import dev.frontier.actor.ExitReason;
import dev.frontier.actor.LinkedActorFailedException;
import dev.frontier.actor.RestartIntensityExceededException;
import dev.frontier.actor.RestartType;
import dev.frontier.actor.SupervisionEvent;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.actor.Terminated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's rules in every mode that can supervise: watch, link (with and without trapping exits),
 * supervisors (restarts with queued messages, references across restarts, intensity, nesting,
 * strategies, restart types, shutdown order), typed protocols (wrong message type, typed ask,
 * replying to no sender) and selective receive with a timeout. Timing (backoff, timeouts) is in
 * {@link SupervisionTimingTest}, under a manual clock.
 */
abstract class SupervisionContract extends ActorSystemContract {

    static final Duration LONG = Duration.ofHours(1);
    static final Duration ASK = Duration.ofSeconds(20);

    /** Things in the order they happened, and futures that complete when a condition on them holds. Any thread. */
    static final class Recorder<T> implements Consumer<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Predicate<List<T>>> conditions = new ArrayList<>();
        private final List<CompletableFuture<List<T>>> waiters = new ArrayList<>();

        @Override
        public synchronized void accept(T t) {
            items.add(t);
            for (int i = conditions.size() - 1; i >= 0; i--) {
                if (conditions.get(i).test(items)) {
                    conditions.remove(i);
                    waiters.remove(i).complete(List.copyOf(items));
                }
            }
        }

        void add(T t) {
            accept(t);
        }

        synchronized List<T> list() {
            return List.copyOf(items);
        }

        synchronized void clear() {
            items.clear();
        }

        /** Completes (with everything so far) once {@code condition} holds. */
        synchronized CompletableFuture<List<T>> when(Predicate<List<T>> condition) {
            CompletableFuture<List<T>> f = new CompletableFuture<>();
            if (condition.test(items)) {
                f.complete(List.copyOf(items));
            } else {
                conditions.add(condition);
                waiters.add(f);
            }
            return f;
        }

        /** The items {@code p} accepts, in order. */
        synchronized List<T> filter(Predicate<? super T> p) {
            return items.stream().filter(p).toList();
        }
    }

    /** What the actors of a test did, in order. */
    final Recorder<String> log = new Recorder<>();
    /** What the supervisors of a test did, in order. */
    final Recorder<SupervisionEvent> events = new Recorder<>();

    List<String> stops() {
        return log.filter(l -> l.startsWith("stop"));
    }

    <E extends SupervisionEvent> List<String> childrenIn(Class<E> kind) {
        return events.filter(kind::isInstance).stream().map(SupervisionEvent::child).toList();
    }

    /** A supervisor spec whose events go to {@link #events}, with a generous intensity unless a test sets one. */
    SupervisorSpec spec(SupervisorSpec s) {
        return s.withIntensity(10, LONG).withListener(events::add);
    }

    /** A child that logs "start NAME", "NAME got MSG" and "stop NAME" (in finally), and throws on "boom". */
    ChildSpec<String> worker(String name) {
        return ChildSpec.of(name, String.class, ctx -> {
            log.add("start " + name);
            try {
                while (true) {
                    String m = ctx.receive();
                    if (m.equals("boom")) {
                        throw new IllegalStateException(name + " blew up");
                    }
                    log.add(name + " got " + m);
                }
            } finally {
                log.add("stop " + name);
            }
        });
    }

    /** The live actor named {@code name} once everything sent so far has been handled. */
    <M> ActorRef<M> actor(String name) throws Exception {
        for (int i = 0; i < 100; i++) {
            settle();
            Optional<ActorRef<M>> ref = system().lookup(name);
            if (ref.isPresent()) {
                return ref.get();
            }
        }
        throw new AssertionError("no actor named '" + name + "'");
    }

    /** Completes when an event matching {@code p} has been seen. */
    CompletableFuture<?> event(Predicate<SupervisionEvent> p) {
        return events.when(list -> list.stream().anyMatch(p));
    }

    static Predicate<SupervisionEvent> restarted(String child, int incarnation) {
        return e -> e instanceof SupervisionEvent.ChildRestarted r && r.child().equals(child) && r.incarnation() == incarnation;
    }

    Throwable failureOf(ActorRef<?> ref) throws Exception {
        try {
            awaitFailure(ref.termination());
            throw new AssertionError(ref + " ended without a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    // ------------------------------------------------------------------ watch

    @Test
    void aWatcherGetsOneTerminatedWhenTheActorEnds() throws Exception {
        ActorRef<String> watched = system().spawn("watched", ctx -> {
            ctx.receive();
        });
        CompletableFuture<List<Object>> got = new CompletableFuture<>();
        system().<Object>spawn("watcher", ctx -> {
            ctx.watch(watched);
            ctx.watch(watched); // twice is once
            ctx.send(watched, "go");
            List<Object> seen = new ArrayList<>();
            seen.add(ctx.receive());
            ctx.send(ctx.self(), "marker"); // a second Terminated would have been sent with the first, before this
            seen.add(ctx.receive());
            got.complete(seen);
        });
        assertEquals(List.of(new Terminated(watched, ExitReason.RETURNED), "marker"), await(got));
    }

    @Test
    void watchingAnActorThatHasAlreadyEndedDeliversTerminatedAtOnce() throws Exception {
        ActorRef<String> gone = system().spawn("gone", ctx -> {
            ctx.receive();
        });
        gone.send("end");
        await(gone.termination());
        CompletableFuture<Object> got = new CompletableFuture<>();
        system().<Object>spawn("late-watcher", ctx -> {
            ctx.watch(gone);
            got.complete(ctx.receive());
        });
        assertEquals(new Terminated(gone, ExitReason.RETURNED), await(got));
    }

    @Test
    void terminatedSaysFailedOrStoppedAndTheNameIsFreeBeforeItArrives() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ActorRef<String> fragile = system().spawn("fragile", ctx -> {
            ctx.receive();
            throw boom;
        });
        ActorRef<String> stoppable = system().spawn("stoppable", ctx -> {
            while (true) {
                ctx.receive();
            }
        });
        CompletableFuture<List<String>> got = new CompletableFuture<>();
        system().<Object>spawn("mourner", ctx -> {
            ctx.watch(fragile);
            ctx.watch(stoppable);
            ctx.send(fragile, "die");
            List<String> seen = new ArrayList<>();
            Terminated t = ctx.receive(Terminated.class);
            // the name is free already: a successor takes it at once
            ActorRef<String> successor = ctx.system().spawn("fragile", c -> {
                c.receive();
            });
            seen.add(t.actor().name() + " " + t.reason().kind() + " " + (t.reason().failure() == boom)
                    + ", successor " + (successor != fragile && successor.isAlive()));
            ctx.system().stop("stoppable");
            seen.add(ctx.receive(Terminated.class).toString());
            got.complete(seen);
        });
        assertEquals(List.of("fragile FAILED true, successor true", "Terminated(stoppable, stopped)"), await(got));
    }

    @Test
    void unwatchMeansNoTerminated() throws Exception {
        ActorRef<String> watched = system().spawn("watched", ctx -> {
            ctx.receive();
        });
        ActorRef<String> other = system().spawn("other", ctx -> {
            ctx.receive();
        });
        CompletableFuture<Object> got = new CompletableFuture<>();
        system().<Object>spawn("fickle", ctx -> {
            ctx.watch(watched);
            ctx.watch(other);
            ctx.unwatch(watched);
            ctx.send(watched, "end");
            ctx.send(other, "end");
            got.complete(ctx.receive());
        });
        assertEquals(new Terminated(other, ExitReason.RETURNED), await(got), "only the one still watched");
    }

    @Test
    void aTypedActorMustWatchWithItsOwnMessage() throws Exception {
        ActorRef<String> watched = system().spawn("watched", ctx -> {
            ctx.receive();
        });
        CompletableFuture<List<String>> got = new CompletableFuture<>();
        system().spawn("typed-watcher", String.class, ctx -> {
            List<String> seen = new ArrayList<>();
            try {
                ctx.watch(watched);
            } catch (IllegalStateException e) {
                seen.add(e.getMessage());
            }
            ctx.watchWith(watched, "watched is gone");
            ctx.send(watched, "end");
            seen.add(ctx.receive());
            got.complete(seen);
        });
        assertEquals(List.of("actor 'typed-watcher' accepts only java.lang.String, so it cannot watch: it would receive "
                + "Terminated messages; use watchWith(actor, message) to receive one of its own", "watched is gone"), await(got));
    }

    // ------------------------------------------------------------------ link

    @Test
    void aLinkedActorFailsWithItsPartnerUnlessItTrapsExits() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ActorRef<String> partner = system().spawn("partner", ctx -> {
            ctx.receive();
            throw boom;
        });
        CompletableFuture<Void> linked = new CompletableFuture<>();
        ActorRef<String> victim = system().spawn("victim", ctx -> {
            ctx.link(partner);
            linked.complete(null);
            try {
                while (true) {
                    ctx.receive();
                }
            } finally {
                log.add("victim's finally ran");
            }
        });
        await(linked);
        partner.send("fail");
        Throwable why = failureOf(victim);
        assertInstanceOf(LinkedActorFailedException.class, why);
        assertEquals("actor 'victim' is linked to actor 'partner', which failed: java.lang.IllegalStateException: boom",
                why.getMessage());
        assertEquals("partner", ((LinkedActorFailedException) why).partner());
        assertSame(boom, why.getCause());
        assertEquals(List.of("victim's finally ran"), log.list());
        assertTrue(system().lookup("victim").isEmpty());
        assertEquals(List.of("partner", "victim"), failures.stream().map(f -> f.actor()).toList());
    }

    @Test
    void anActorThatTrapsExitsGetsTheExitAsAMessage() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ActorRef<String> failing = system().spawn("failing", ctx -> {
            ctx.receive();
            throw boom;
        });
        ActorRef<String> returning = system().spawn("returning", ctx -> {
            ctx.receive();
        });
        CompletableFuture<List<Object>> got = new CompletableFuture<>();
        ActorRef<Object> trapper = system().spawn("trapper", ctx -> {
            ctx.trapExits(true);
            ctx.link(failing);
            ctx.link(returning);
            ctx.send(failing, "fail");
            List<Object> seen = new ArrayList<>();
            seen.add(ctx.receive());
            ctx.send(returning, "return");
            seen.add(ctx.receive());
            got.complete(seen);
            ctx.receive();
        });
        List<Object> seen = await(got);
        assertEquals(List.of(new Exit(failing, ExitReason.failed(boom)), new Exit(returning, ExitReason.RETURNED)), seen);
        assertTrue(trapper.isAlive());
    }

    @Test
    void aPartnerThatReturnsOrIsStoppedDoesNotTakeANonTrappingActorDown() throws Exception {
        ActorRef<String> quitter = system().spawn("quitter", ctx -> {
            ctx.receive();
        });
        ActorRef<String> stopped = system().spawn("stopped", ctx -> {
            while (true) {
                ctx.receive();
            }
        });
        CompletableFuture<List<Object>> got = new CompletableFuture<>();
        ActorRef<Object> survivor = system().spawn("survivor", ctx -> {
            ctx.link(quitter);
            ctx.link(stopped);
            ctx.watch(quitter);
            ctx.watch(stopped);
            ctx.send(quitter, "bye");
            List<Object> seen = new ArrayList<>();
            seen.add(ctx.receive());
            ctx.system().stop("stopped");
            seen.add(ctx.receive());
            got.complete(seen);
            while (true) {
                ctx.receive();
            }
        });
        assertEquals(List.of(new Terminated(quitter, ExitReason.RETURNED), new Terminated(stopped, ExitReason.STOPPED)),
                await(got));
        settle();
        assertTrue(survivor.isAlive());
        assertTrue(failures.isEmpty(), "only a failure travels along a link");
    }

    // ------------------------------------------------------------------ supervisors

    @Test
    void aRestartKeepsTheQueuedMessagesTheRefAndTheWatchersButNotTheLocals() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        system().spawnSupervisor("sup", spec(SupervisorSpec.oneForOne())
                .child(ChildSpec.of("counter", String.class, ctx -> {
                    int n = 0; // a local: starts over at a restart
                    while (true) {
                        String m = ctx.receive();
                        n++;
                        if (m.equals("boom")) {
                            throw new IllegalStateException("boom at " + n);
                        }
                        log.add(m + " #" + n);
                        if (m.equals("last")) {
                            done.complete(null);
                        }
                    }
                })));
        ActorRef<String> counter = actor("counter");
        CompletableFuture<Object> watcherSaw = new CompletableFuture<>();
        system().<Object>spawn("watcher", ctx -> {
            ctx.watch(counter);
            watcherSaw.complete(ctx.receive());
        });
        settle();
        counter.send("a");
        counter.send("b");
        counter.send("boom");
        counter.send("c");
        counter.send("last");
        await(done);
        await(event(restarted("counter", 2))); // the supervisor says so after the child is on its way
        assertEquals(List.of("a #1", "b #2", "c #1", "last #2"), log.list(), "queued messages survive, locals start over");
        assertSame(counter, system().lookup("counter").orElseThrow(), "the same reference reaches the new incarnation");
        assertTrue(counter.isAlive());
        assertEquals(1, failures.size());
        assertEquals("boom", failures.get(0).message(), "the message in hand is reported, not delivered again");
        assertEquals("boom at 3", failures.get(0).cause().getMessage());
        assertFalse(watcherSaw.isDone(), "a restart is not an end: watchers hear nothing");
        assertEquals(List.of(new SupervisionEvent.ChildExited("sup", "counter", ExitReason.failed(failures.get(0).cause())),
                new SupervisionEvent.ChildRestarted("sup", "counter", 2, Duration.ZERO)), events.list());
        system().stop("sup");
        assertEquals(new Terminated(counter, ExitReason.STOPPED), await(watcherSaw), "stopping the supervisor ends it for good");
    }

    @Test
    void aRestartedHandlerChildGetsANewHandlerObject() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        system().spawnSupervisor("sup", spec(SupervisorSpec.oneForOne())
                .child(ChildSpec.handler("tally", String.class, () -> new dev.frontier.actor.MessageHandler<String>() {
                    int seen; // a field: starts over with the new handler

                    @Override
                    public void handle(dev.frontier.actor.ActorContext<String> ctx, String m) {
                        seen++;
                        if (m.equals("boom")) {
                            throw new IllegalStateException("boom");
                        }
                        log.add(m + " #" + seen);
                        if (m.equals("last")) {
                            done.complete(null);
                        }
                    }
                })));
        ActorRef<String> tally = actor("tally");
        for (String m : List.of("a", "boom", "b", "last")) {
            tally.send(m);
        }
        await(done);
        assertEquals(List.of("a #1", "b #1", "last #2"), log.list());
    }

    @Test
    void pastItsIntensityASupervisorStopsItsChildrenLatestFirstAndFails() throws Exception {
        ActorRef<Void> sup = system().spawnSupervisor("sup", SupervisorSpec.oneForOne().withIntensity(1, LONG)
                .withListener(events::add)
                .children(worker("a"), worker("b"), worker("c")));
        ActorRef<String> c = actor("c");
        c.send("boom");
        await(event(restarted("c", 2)));
        c.send("boom");
        Throwable why = failureOf(sup);
        assertInstanceOf(RestartIntensityExceededException.class, why);
        assertEquals("supervisor 'sup' gave up: child 'c' needed a restart beyond its intensity of 1 restart in 3600000 ms; "
                + "last failure: java.lang.IllegalStateException: c blew up", why.getMessage());
        assertEquals("c blew up", why.getCause().getMessage());
        assertEquals(List.of("stop c", "stop c", "stop b", "stop a"), stops(), "c failed twice; then b and a, latest first");
        for (String name : List.of("a", "b", "c", "sup")) {
            assertTrue(system().lookup(name).isEmpty(), name + " ended");
        }
        assertFalse(c.isAlive());
        assertSame(why.getCause(), failureOf(c), "the child that was not restarted ended with its failure");
        assertEquals(List.of("c"), childrenIn(SupervisionEvent.GaveUp.class));
    }

    @Test
    void aSupervisorThatGivesUpIsRestartedByItsOwnSupervisorAndTreesNest() throws Exception {
        system().spawnSupervisor("root", spec(SupervisorSpec.oneForOne()).withIntensity(1, LONG)
                .child(ChildSpec.supervisor("inner", SupervisorSpec.oneForOne().withIntensity(0, LONG)
                        .withListener(events::add)
                        .child(worker("leaf")))));
        ActorRef<Void> root = actor("root");
        ActorRef<String> leaf = actor("leaf");
        leaf.send("boom"); // inner may restart nothing: it gives up, root restarts it, it starts a new leaf
        await(event(restarted("inner", 2)));
        ActorRef<String> leaf2 = actor("leaf");
        assertNotSame(leaf, leaf2, "a restarted supervisor starts its children anew");
        assertFalse(leaf.isAlive());
        leaf2.send("hello");
        leaf2.send("boom"); // inner gives up again: a second restart of inner within the hour is one too many for root
        Throwable why = failureOf(root);
        assertInstanceOf(RestartIntensityExceededException.class, why);
        assertEquals("inner", ((RestartIntensityExceededException) why).child());
        assertInstanceOf(RestartIntensityExceededException.class, why.getCause(), "inner's own giving up");
        assertEquals("leaf", ((RestartIntensityExceededException) why.getCause()).child());
        assertEquals(List.of("start leaf", "stop leaf", "start leaf", "leaf got hello", "stop leaf"), log.list());
        assertTrue(system().actorNames().isEmpty(), "the whole tree ended: " + system().actorNames());
    }

    @Test
    void restForOneRestartsTheFailedChildAndTheOnesStartedAfterIt() throws Exception {
        system().spawnSupervisor("sup", spec(SupervisorSpec.restForOne())
                .children(worker("a"), worker("b"), worker("c"), worker("d")));
        ActorRef<String> b = actor("b");
        settle();
        log.clear();
        b.send("boom");
        await(event(restarted("d", 2)));
        assertEquals(List.of("stop b", "stop d", "stop c"), stops(), "b failed; then the ones after it, latest first");
        assertEquals(List.of("b", "c", "d"), childrenIn(SupervisionEvent.ChildRestarted.class),
                "restarted in start order; a untouched");
        CompletableFuture<?> pinged = log.when(l -> l.stream().filter(x -> x.endsWith("got ping")).count() == 4);
        for (String name : List.of("a", "b", "c", "d")) {
            ActorRef<String> ref = actor(name);
            ref.send("ping");
        }
        await(pinged);
        assertFalse(log.list().contains("start a"), "a was not restarted");
    }

    @Test
    void oneForAllRestartsEveryChildAndATemporaryOneNotAtAll() throws Exception {
        system().spawnSupervisor("sup", spec(SupervisorSpec.oneForAll())
                .children(worker("a"), worker("b").withRestart(RestartType.TEMPORARY), worker("c")));
        ActorRef<String> c = actor("c");
        ActorRef<String> b = actor("b");
        settle();
        log.clear();
        ActorRef<String> a = actor("a");
        a.send("boom");
        await(event(restarted("c", 2)));
        assertEquals(List.of("stop a", "stop c", "stop b"), stops());
        assertEquals(List.of("a", "c"), childrenIn(SupervisionEvent.ChildRestarted.class));
        await(b.termination());
        assertFalse(b.isAlive(), "a temporary child is not restarted, not even for a sibling");
        assertTrue(c.isAlive());
    }

    @Test
    void restartTypesDecideWhetherAnEndIsRestarted() throws Exception {
        ChildSpec<String> permanent = ChildSpec.of("permanent", String.class, ctx -> {
            log.add("permanent starts");
            ctx.receive();
        });
        ChildSpec<String> transientOne = ChildSpec.of("transient", String.class, ctx -> {
            if (ctx.receive().equals("boom")) {
                throw new IllegalStateException("boom");
            }
        }).withRestart(RestartType.TRANSIENT);
        ChildSpec<String> temporary = worker("temporary").withRestart(RestartType.TEMPORARY);
        system().spawnSupervisor("sup", spec(SupervisorSpec.oneForOne()).children(permanent, transientOne, temporary));
        ActorRef<String> p = actor("permanent");
        ActorRef<String> tr = actor("transient");
        ActorRef<String> te = actor("temporary");
        p.send("return"); // a permanent child whose body returns is restarted
        await(event(restarted("permanent", 2)));
        tr.send("boom"); // a transient child that fails is restarted ...
        await(event(restarted("transient", 2)));
        tr.send("return"); // ... one that returns is not
        assertNull(await(tr.termination()));
        te.send("boom"); // a temporary child is never restarted
        assertEquals("temporary blew up", failureOf(te).getMessage());
        assertFalse(te.isAlive());
        assertTrue(p.isAlive());
        await(log.when(l -> l.stream().filter(x -> x.equals("permanent starts")).count() == 2)); // restarted, not ended
    }

    @Test
    void stoppingASupervisorStopsItsChildrenLatestFirstAndTheirFinallyBlocksRun() throws Exception {
        ActorRef<Void> sup = system().spawnSupervisor("sup", spec(SupervisorSpec.oneForOne())
                .children(worker("a"), worker("b"), worker("c")));
        actor("c");
        settle();
        assertTrue(system().stop("sup"));
        await(sup.termination());
        assertEquals(List.of("stop c", "stop b", "stop a"), stops());
        assertEquals(List.of("c", "b", "a"), childrenIn(SupervisionEvent.ChildStopped.class));
        assertTrue(system().actorNames().isEmpty());
    }

    @Test
    void shutdownStopsASupervisionTreeTopDownChildrenLatestFirst() throws Exception {
        system().spawnSupervisor("sup", spec(SupervisorSpec.oneForOne())
                .children(worker("a"), ChildSpec.supervisor("mid", SupervisorSpec.oneForOne().child(worker("m1"))),
                        worker("c")));
        actor("m1");
        actor("c");
        settle();
        system().shutdown();
        assertEquals(List.of("stop c", "stop m1", "stop a"), stops());
        assertTrue(system().actorNames().isEmpty());
    }

    // ------------------------------------------------------------------ typed protocols

    sealed interface AccountMsg {
    }

    record Deposit(int amount) implements AccountMsg {
    }

    record GetBalance(ActorRef<Integer> replyTo) implements AccountMsg {
    }

    ActorRef<AccountMsg> account() {
        return system().spawn("account", AccountMsg.class, ctx -> {
            int balance = 0;
            while (true) {
                switch (ctx.receive()) {
                    case Deposit d -> balance += d.amount();
                    case GetBalance g -> ctx.send(g.replyTo(), balance);
                }
            }
        });
    }

    @Test
    void aMessageOfTheWrongTypeIsADeadLetterAndNeverReachesTheActor() throws Exception {
        ActorRef<AccountMsg> account = account();
        system().send("account", "hello"); // compiles: the name-based send is untyped
        system().send("account", new Deposit(5));
        assertEquals(5, (int) await(account.ask(GetBalance::new, ASK)));
        assertTrue(failures.isEmpty(), "the account never saw the String");
        assertEquals(List.of(new DeadLetter("account", "outside", "hello")), system().deadLetters().recent());
        assertTrue(account.isAlive());
    }

    @Test
    void aTypedAskGetsATypedReply() throws Exception {
        ActorRef<AccountMsg> account = account();
        account.send(new Deposit(40));
        CompletableFuture<Integer> balance = account.ask(GetBalance::new, ASK);
        account.send(new Deposit(2));
        CompletableFuture<Integer> again = system().ask(account, replyTo -> new GetBalance(replyTo), ASK);
        assertEquals(40, (int) await(balance));
        assertEquals(42, (int) await(again));
    }

    @Test
    void askingAnActorThatHasEndedFailsAtOnce() throws Exception {
        ActorRef<AccountMsg> account = account();
        system().stop("account");
        await(account.termination());
        ExecutionException e = assertThrows(ExecutionException.class, () -> awaitFailure(account.ask(GetBalance::new, ASK)));
        assertEquals("cannot ask actor 'account': it has ended", e.getCause().getMessage());
    }

    @Test
    void selectiveReceiveWithATimeoutTakesAMatchingMessageAndKeepsTheRest() throws Exception {
        CompletableFuture<List<Object>> got = new CompletableFuture<>();
        system().<Object>spawn("picky", ctx -> {
            List<Object> seen = new ArrayList<>();
            ctx.receive(); // "go": the others are queued by now
            seen.add(ctx.receive(Integer.class, LONG).orElseThrow());
            seen.add(ctx.receive(m -> "second".equals(m), LONG).orElseThrow());
            seen.add(ctx.receive());
            got.complete(seen);
        });
        system().send("picky", "first");
        system().send("picky", "second");
        system().send("picky", 7);
        system().send("picky", "go");
        // "first" came before "go": the plain receive took it; the kept ones follow in order
        assertEquals(List.of(7, "second", "go"), await(got));
    }
}
