package dev.frontier.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inline up to a depth, then trampolined on the same thread. */
class InlineExecutorTest {

    final InlineExecutor inline = InlineExecutor.INSTANCE;
    final List<String> log = new ArrayList<>();

    @Test
    void runsTheCommandAtOnceOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        inline.execute(() -> log.add(Thread.currentThread() == caller ? "here" : "elsewhere"));
        assertEquals(List.of("here"), log);
    }

    /** Executes a command that executes the next one, {@code levels} deep; logs entry and exit. */
    void nest(int level, int levels) {
        if (level > levels) {
            return;
        }
        inline.execute(() -> {
            log.add("enter " + level);
            nest(level + 1, levels);
            log.add("exit " + level);
        });
    }

    @Test
    void nestsUpToMaxDepthThenDefersUntilTheOutermostCommandReturns() {
        int max = InlineExecutor.MAX_DEPTH;
        nest(1, max + 2);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            expected.add("enter " + i);
        }
        for (int i = max; i >= 1; i--) {
            expected.add("exit " + i);
        }
        // level max+1 was deferred; it then runs at depth 1, so its own nested level runs inline
        expected.addAll(List.of("enter " + (max + 1), "enter " + (max + 2), "exit " + (max + 2), "exit " + (max + 1)));
        assertEquals(expected, log);
    }

    @Test
    void deferredCommandsRunInSubmissionOrder() {
        inline.execute(() -> nestThenSubmit(2));
        int max = InlineExecutor.MAX_DEPTH;
        assertEquals(max - 1 + 3, log.size(), "levels 2.." + max + " ran inline, then the three deferred ones");
        assertEquals(List.of("deferred a", "deferred b", "deferred c"), log.subList(max - 1, log.size()));
    }

    private void nestThenSubmit(int depth) {
        if (depth <= InlineExecutor.MAX_DEPTH) {
            inline.execute(() -> {
                log.add("at " + (depth));
                nestThenSubmit(depth + 1);
            });
            return;
        }
        for (String s : List.of("a", "b", "c")) {
            inline.execute(() -> log.add("deferred " + s));
        }
    }

    @Test
    void aFailingDeferredCommandDoesNotStopTheOthers() {
        try (ExpectedLog warned = ExpectedLog.of(InlineExecutor.class)) {
            inline.execute(() -> nestThenFail(2));
            assertEquals("after the failure", log.get(log.size() - 1));
            assertEquals(1, warned.messages().size(), "the failure is reported once: " + warned.messages());
            assertTrue(warned.messages().get(0).startsWith("deferred command "), warned.messages().get(0));
        }
    }

    private void nestThenFail(int depth) {
        if (depth <= InlineExecutor.MAX_DEPTH) {
            inline.execute(() -> nestThenFail(depth + 1));
            return;
        }
        inline.execute(() -> {
            throw new IllegalStateException("deferred failure (expected in this test)");
        });
        inline.execute(() -> log.add("after the failure"));
    }

    @Test
    void anInlineCommandsFailureReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> inline.execute(() -> {
            throw new IllegalStateException("inline");
        }));
        assertEquals("inline", e.getMessage());
        inline.execute(() -> log.add("depth restored"));
        assertEquals(List.of("depth restored"), log);
    }
}
