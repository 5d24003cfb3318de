package dev.frontier.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The try-with-resources form: what it does, and what it cannot do. */
class ScopeTest {

    private final List<String> log = new ArrayList<>();

    private GeneratorContextManager<String> wouldSuppress() {
        return GeneratorContextManager.of(y -> {
            log.add("enter");
            try {
                y.yield("value");
                log.add("resumed normally");
            } catch (RuntimeException e) {
                log.add("caught " + e.getMessage());
            } finally {
                log.add("finally");
            }
        });
    }

    @Test
    void theScopeHoldsTheEnteredValueAndClosingResumesTheGenerator() {
        try (Scope<String> scope = wouldSuppress().enter()) {
            log.add("body " + scope.value());
        }
        assertEquals(List.of("enter", "body value", "resumed normally", "finally"), log);
    }

    @Test
    void itCannotSuppressTheManagerSeesANormalExitAndTheExceptionPropagates() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (Scope<String> scope = wouldSuppress().enter()) {
                assertEquals("value", scope.value());
                throw boom;
            }
        });
        assertSame(boom, thrown);
        assertEquals(List.of("enter", "resumed normally", "finally"), log,
                "close() cannot see the body's exception: the generator's catch never runs");
    }

    @Test
    void aFailingCloseAfterAFailingBodyIsAddedToTheBodysExceptionAsJavaDoes() {
        GeneratorContextManager<String> yieldsTwice = GeneratorContextManager.of(y -> {
            y.yield("one");
            y.yield("two");
        });
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (Scope<String> scope = yieldsTwice.enter()) {
                assertEquals("one", scope.value());
                throw boom;
            }
        });
        assertSame(boom, thrown);
        assertEquals("generator didn't stop", thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void closeThrowsTheExitFailureAndASecondCloseDoesNothing() {
        GeneratorContextManager<String> yieldsTwice = GeneratorContextManager.of(y -> {
            y.yield("one");
            y.yield("two");
        });
        Scope<String> scope = yieldsTwice.enter();
        assertEquals("generator didn't stop", assertThrows(GeneratorDidNotStopException.class, scope::close).getMessage());
        scope.close();
    }

    @Test
    void checkedExceptionsFromEnteringAreNotWrapped() {
        IOException io = new IOException("no");
        GeneratorContextManager<String> failing = GeneratorContextManager.of(y -> {
            throw io;
        });
        assertSame(io, assertThrows(Throwable.class, failing::enter));
    }

    @Test
    void aClassBasedManagerWorksInBothForms() {
        class Recording implements ContextManager<String> {
            final List<Throwable> exits = new ArrayList<>();

            @Override
            public String onEnter() {
                return "resource";
            }

            @Override
            public boolean onExit(Throwable failure) {
                exits.add(failure);
                return failure instanceof UnsupportedOperationException;
            }
        }
        Recording cm = new Recording();
        UnsupportedOperationException unsupported = new UnsupportedOperationException();
        try (Scope<String> scope = cm.enter()) {
            assertEquals("resource", scope.value());
        }
        Outcome<Object> out = Contexts.with(cm, v -> {
            throw unsupported;
        });
        assertSame(unsupported, out.suppressedException().orElseThrow());
        assertArrayEquals(new Throwable[] {null, unsupported}, cm.exits.toArray(new Throwable[0]));
    }
}
