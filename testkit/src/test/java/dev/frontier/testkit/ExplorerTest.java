package dev.frontier.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.SupervisorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer on small protocols. The triangle: {@code a} sends {@code x} to {@code c}, then
 * {@code y} to {@code b}, which forwards {@code z} to {@code c}. The plain deque scheduler always
 * delivers {@code x} first (it was queued first); Frontier promises only per-pair order, so
 * {@code z} may arrive first, and a {@code c} that assumes otherwise has an ordering bug.
 */
@ExtendWith(FrontierExtension.class)
@Timeout(60)
class ExplorerTest {

    @TempDir
    Path dir;

    /** What c saw, per run. */
    static final class Log {
        final List<String> got = new ArrayList<>();
    }

    static Consumer<Simulation> triangle(boolean assumeCausalOrder) {
        return sim -> {
            Log log = new Log();
            sim.<String>spawnHandler("c", (ctx, m) -> log.got.add(m));
            sim.<String>spawnHandler("b", (ctx, m) -> ctx.send("c", "z"));
            sim.<String>spawnHandler("a", (ctx, m) -> {
                ctx.send("c", "x");
                ctx.send("b", "y");
            });
            sim.send("a", "go");
            if (assumeCausalOrder) {
                sim.atEnd("c gets x before z", () -> assertEquals(List.of("x", "z"), log.got));
            } else {
                sim.atEnd("c gets both", () -> assertEquals(Set.of("x", "z"), new HashSet<>(log.got)));
            }
        };
    }

    Explorer explorer(String name) {
        return Explorer.named(name).scheduleDir(dir).seed(1);
    }

    @Test
    void plainFifoNeverShowsTheTriangleBug(TestKit kit) {
        Log log = new Log();
        kit.<String>spawnHandler("c", (ctx, m) -> log.got.add(m));
        kit.<String>spawnHandler("b", (ctx, m) -> ctx.send("c", "z"));
        kit.<String>spawnHandler("a", (ctx, m) -> {
            ctx.send("c", "x");
            ctx.send("b", "y");
        });
        kit.send("a", "go");
        kit.runUntilIdle();
        assertEquals(List.of("x", "z"), log.got);
        assertTrue(explorer("fifo").strategy(Strategy.fifo()).schedules(1).run(triangle(true)).passed());
    }

    @Test
    void randomExplorationFindsItReportsTheSeedAndWritesTheSchedule() throws Exception {
        ExplorationResult r = explorer("triangle").schedules(200).run(triangle(true));
        assertFalse(r.passed());
        ExplorationResult.Failure f = r.failure().orElseThrow();
        assertEquals("end check 'c gets x before z' failed", f.property());
        assertTrue(Files.exists(f.file()), f.file().toString());
        assertTrue(Files.readString(f.file()).contains("seed: " + f.seed()));
        String report = r.report();
        assertTrue(report.contains("seed " + f.seed()) && report.contains("@Replay(\""), report);
        assertTrue(report.contains("b -> c: z"), report);
        AssertionError e = assertThrows(AssertionError.class, r::assertPassed);
        assertEquals(report, e.getMessage());

        // the seed alone explores the same failing schedule again
        ExplorationResult again = explorer("again").seed(f.seed()).schedules(1).run(triangle(true));
        assertEquals(f.schedule().deliveries(), again.failure().orElseThrow().schedule().deliveries());
    }

    @Test
    void replayFromTheFileRerunsExactlyThatSchedule() {
        ExplorationResult.Failure f = explorer("replay").schedules(200).run(triangle(true)).failure().orElseThrow();
        ExplorationResult replayed = explorer("replay").replay(f.file(), triangle(true));
        assertEquals(f.property(), replayed.failure().orElseThrow().property());
        assertEquals(f.schedule().deliveries(), replayed.failure().orElseThrow().schedule().deliveries());
        ExplorationResult shrunk = explorer("replay").replay(f.shrunkFile() != null ? f.shrunkFile() : f.file(),
                triangle(true));
        assertEquals(f.shrunk().deliveries(), shrunk.failure().orElseThrow().schedule().deliveries());
    }

    /** A schedule replayed against different code does not silently run something else. */
    @Test
    void aStrictReplayReportsDivergence() {
        ExplorationResult.Failure f = explorer("diverge").schedules(200).run(triangle(true)).failure().orElseThrow();
        Consumer<Simulation> other = sim -> {
            sim.<String>spawnHandler("d", (ctx, m) -> { });
            sim.send("d", "hello");
        };
        ExplorationResult r = explorer("diverge").replay(f.file(), other);
        assertTrue(r.failure().orElseThrow().cause().getMessage().contains("replay diverged at step 1"),
                r.report());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Explorer e = explorer("same").strategy(Strategy.random());
        Set<List<String>> distinct = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Schedule one = e.runSchedule(seed, triangle(false));
            Schedule two = e.runSchedule(seed, triangle(false));
            assertEquals(one.deliveries(), two.deliveries(), "seed " + seed);
            assertEquals(one.deliveries(), e.rerun(one, triangle(false)).deliveries());
            distinct.add(one.deliveries());
        }
        assertTrue(distinct.size() > 1, "different seeds explore different orders: " + distinct);
    }

    @Test
    void aCorrectProtocolPassesTheSameExploration() {
        ExplorationResult r = explorer("ok").schedules(300).check(triangle(false));
        assertEquals(300, r.schedulesRun());
    }

    @Test
    void pctFindsTheTriangleBugToo() {
        ExplorationResult r = explorer("pct").strategy(Strategy.pct(2)).schedules(100).run(triangle(true));
        ExplorationResult.Failure f = r.failure().orElseThrow(() -> new AssertionError(r.report()));
        ExplorationResult again = explorer("pct-again").strategy(Strategy.pct(2)).seed(f.seed()).schedules(1)
                .run(triangle(true));
        assertEquals(f.schedule().deliveries(), again.failure().orElseThrow().schedule().deliveries(),
                "a PCT schedule depends on its own seed only");
    }

    /** An invariant is checked after every step, so the run stops where it first breaks. */
    @Test
    void anInvariantStopsTheRunAtTheStepThatBreaksIt() {
        ExplorationResult r = explorer("inv").schedules(200).run(sim -> {
            Log log = new Log();
            sim.<String>spawnHandler("c", (ctx, m) -> log.got.add(m));
            sim.<String>spawnHandler("b", (ctx, m) -> ctx.send("c", "z"));
            sim.<String>spawnHandler("a", (ctx, m) -> {
                ctx.send("c", "x");
                ctx.send("b", "y");
            });
            sim.send("a", "go");
            sim.invariant("z never before x", () -> !log.got.equals(List.of("z")));
        });
        ExplorationResult.Failure f = r.failure().orElseThrow();
        assertTrue(f.property().startsWith("invariant 'z never before x' violated after step"), f.property());
        List<String> d = f.shrunk().deliveries();
        assertEquals("b -> c: z", d.get(d.size() - 1), "the run ends with the delivery that broke it: " + d);
        assertFalse(d.contains("a -> c: x"), d.toString());
    }

    /** Shrinking leaves out what does not matter: with noise actors, the trace keeps the triangle. */
    @Test
    void shrinkingDropsUnrelatedTraffic() {
        ExplorationResult r = explorer("shrink").schedules(500).run(sim -> {
            Log log = new Log();
            for (int i = 0; i < 4; i++) {
                int me = i;
                sim.<Integer>spawnHandler("noise" + i, (ctx, n) -> {
                    if (n > 0) {
                        ctx.send("noise" + ((me + 1) % 4), n - 1);
                    }
                });
                sim.send("noise" + i, 3);
            }
            sim.<String>spawnHandler("c", (ctx, m) -> log.got.add(m));
            sim.<String>spawnHandler("b", (ctx, m) -> ctx.send("c", "z"));
            sim.<String>spawnHandler("a", (ctx, m) -> {
                ctx.send("c", "x");
                ctx.send("b", "y");
            });
            sim.send("a", "go");
            sim.invariant("z never before x", () -> !log.got.equals(List.of("z")));
        });
        ExplorationResult.Failure f = r.failure().orElseThrow();
        assertTrue(f.shrunk().size() < f.schedule().size(), r.report());
        assertEquals(List.of("outside -> a: go", "a -> b: y", "b -> c: z"), f.shrunk().deliveries(), r.report());
        assertNotNull(f.shrunkFile());
    }

    @Test
    void faultsAreReplayedAndShrunkToTheOnesThatMatter() {
        Consumer<Simulation> scenario = sim -> {
            Log log = new Log();
            sim.<String>spawnHandler("sink", (ctx, m) -> log.got.add(m));
            for (int i = 0; i < 5; i++) {
                sim.send("sink", "m" + i);
            }
            sim.atEnd("all five arrive", () -> assertEquals(5, log.got.size()));
        };
        ExplorationResult r = explorer("faults").faults(Faults.none().withDrop(0.5)).schedules(10).run(scenario);
        ExplorationResult.Failure f = r.failure().orElseThrow();
        assertTrue(f.schedule().steps().stream().filter(s -> s.fault().equals("drop")).count() >= 1);
        assertEquals(1, f.shrunk().steps().stream().filter(s -> s.fault().equals("drop")).count(), r.report());
        assertTrue(r.report().contains("[dropped]"), r.report());
        ExplorationResult replayed = explorer("faults").replay(f.file(), scenario);
        assertEquals(f.schedule().deliveries(), replayed.failure().orElseThrow().schedule().deliveries());
    }

    @Test
    void duplicatesAndDelaysAreExploredToo() {
        Consumer<Simulation> scenario = sim -> {
            Log log = new Log();
            sim.<String>spawn("waiter", (ActorContext<String> ctx) -> {
                log.got.add(ctx.receive(Duration.ofSeconds(1)).orElse("timeout"));
                while (true) {
                    log.got.add(ctx.receive());
                }
            });
            sim.send("waiter", "reply");
            sim.atEnd("the reply comes once, in time", () -> assertEquals(List.of("reply"), log.got));
        };
        Set<String> seen = new HashSet<>();
        for (Faults f : List.of(Faults.none().withDuplicate(1), Faults.none().withDelay(1, Duration.ofSeconds(5)))) {
            ExplorationResult r = explorer("dup-delay").faults(f.withMaxPerRun(1)).schedules(5).run(scenario);
            seen.add(r.failure().orElseThrow().cause().getMessage());
        }
        assertTrue(seen.contains("expected: <[reply]> but was: <[reply, reply]>"), seen.toString());
        assertTrue(seen.contains("expected: <[reply]> but was: <[timeout, reply]>"), seen.toString());
    }

    @Test
    void anInjectedCrashIsNotAFailureButItsConsequencesAre() {
        Consumer<Simulation> scenario = sim -> {
            var worker = sim.<String>spawnHandler("worker", (ctx, m) -> { });
            sim.send("worker", "job");
            sim.atEnd("the worker survives", () -> assertTrue(worker.isAlive()));
        };
        ExplorationResult r = explorer("crash").faults(Faults.none().withCrash(1)).schedules(1).run(scenario);
        ExplorationResult.Failure f = r.failure().orElseThrow();
        assertEquals("end check 'the worker survives' failed", f.property());
        assertTrue(r.report().contains("outside -> worker: job   [receiver crashed]"), r.report());
    }

    /** With supervision, an injected crash is where a restart is tested: the supervisor restarts the child. */
    @Test
    void anInjectedCrashOfASupervisedChildLeadsToItsRestart() {
        GeneratorActor<String> worker = ctx -> {
            while (true) {
                ctx.receive();
            }
        };
        Consumer<Simulation> supervised = sim -> {
            sim.system().spawnSupervisor("sup", SupervisorSpec.oneForOne().child(ChildSpec.of("worker", worker)));
            sim.send("worker", "job");
            sim.atEnd("a worker is alive", () -> assertTrue(sim.system().lookup("worker").orElseThrow().isAlive()));
            sim.atEnd("it failed once", () -> assertEquals(1, sim.system().failureCount()));
        };
        Faults crash = Faults.none().withCrash(1).onlyTo("worker").withMaxPerRun(1);
        explorer("restart").faults(crash).schedules(20).check(supervised);

        Consumer<Simulation> unsupervised = sim -> {
            sim.spawn("worker", worker);
            sim.send("worker", "job");
            sim.atEnd("a worker is alive", () -> assertTrue(sim.system().lookup("worker").isPresent()));
        };
        assertFalse(explorer("no-restart").faults(crash).schedules(1).run(unsupervised).passed());
    }

    /** An exception escaping an actor fails the schedule, unless the scenario allows it. */
    @Test
    void anActorFailureFailsTheSchedule() {
        Consumer<Simulation> scenario = sim -> sim.<String>spawnHandler("fragile", (ctx, m) -> {
            throw new IllegalStateException("bug");
        });
        ExplorationResult r = explorer("actor-failure").schedules(1).run(scenario.andThen(sim -> sim.send("fragile", "x")));
        assertTrue(r.failure().orElseThrow().property().startsWith("actor 'fragile' failed handling x"), r.report());
        assertTrue(explorer("allowed").schedules(1)
                .run(scenario.andThen(sim -> sim.allowActorFailures().send("fragile", "x"))).passed());
    }

    /** Timers due together fire in an order the strategy chooses; both orders are explored. */
    @Test
    void theOrderOfDueTimersIsExplored() {
        Set<List<String>> orders = new HashSet<>();
        Explorer e = explorer("timers");
        for (long seed = 0; seed < 20; seed++) {
            Schedule s = e.runSchedule(seed, sim -> {
                sim.<String>spawnHandler("sink", (ctx, m) -> { });
                sim.system().sendAfter(Duration.ofSeconds(1), "sink", "t1");
                sim.system().sendAfter(Duration.ofSeconds(1), "sink", "t2");
            });
            orders.add(s.steps().stream().filter(st -> st.key().startsWith("timer")).map(Schedule.Step::key).toList());
        }
        assertEquals(Set.of(List.of("timer#0", "timer#1"), List.of("timer#1", "timer#0")), orders);
    }

    @Test
    void workFromAnotherThreadFailsTheRunClearly() {
        ExplorationResult r = explorer("threads").schedules(1).run(sim -> {
            sim.<String>spawnHandler("sink", (ctx, m) -> { });
            Thread t = new Thread(() -> sim.send("sink", "from elsewhere"));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(r.failure().orElseThrow().cause().getMessage().contains("came from another thread"), r.report());
    }

    /** With @Replay, the injected explorer reruns the committed schedule instead of exploring. */
    @Test
    @Replay("src/test/resources/schedules/triangle.schedule")
    void theReplayAnnotationRerunsAScheduleFile(Explorer explorer) {
        ExplorationResult r = explorer.run(triangle(true));
        assertEquals(1, r.schedulesRun());
        assertEquals(List.of("outside -> a: go", "a -> b: y", "b -> c: z", "a -> c: x"),
                r.failure().orElseThrow().schedule().deliveries());
        assertNotEquals("replay", explorer.name());
    }
}
