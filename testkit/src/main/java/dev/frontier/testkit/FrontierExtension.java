package dev.frontier.testkit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a test (or {@code @BeforeEach}) method may take a {@link TestKit} (a
 * deterministic system on virtual time, shut down after the test) and an {@link Explorer} (named
 * after the test; if the method carries {@link Replay}, it replays that schedule instead of
 * exploring). The kit is made on the thread that runs the test, which becomes its scheduler thread.
 *
 * <pre>{@code
 * @ExtendWith(FrontierExtension.class)
 * class MyActorTest {
 *     @Test
 *     void timesOut(TestKit kit) { ... }
 * }
 * }</pre>
 */
public final class FrontierExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FrontierExtension.class);

    /** Made by JUnit, for {@code @ExtendWith(FrontierExtension.class)}. */
    public FrontierExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> t = p.getParameter().getType();
        return t == TestKit.class || t == Explorer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        if (p.getParameter().getType() == TestKit.class) {
            return c.getStore(NS).computeIfAbsent(TestKit.class, k -> TestKit.create(), TestKit.class);
        }
        String name = c.getRequiredTestClass().getSimpleName() + "." + c.getTestMethod().map(Method::getName).orElse("test");
        Explorer e = Explorer.named(name);
        c.getTestMethod().map(m -> m.getAnnotation(Replay.class)).ifPresent(r -> e.replayFrom(Path.of(r.value())));
        return e;
    }

    @Override
    public void afterEach(ExtensionContext c) {
        TestKit kit = c.getStore(NS).remove(TestKit.class, TestKit.class);
        if (kit != null) {
            kit.close();
        }
    }
}
