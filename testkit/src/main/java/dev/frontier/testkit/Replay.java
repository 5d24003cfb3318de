package dev.frontier.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method with an {@link Explorer} parameter (resolved by {@link FrontierExtension}): the
 * explorer reruns exactly the schedule in this file, deliveries, faults and timers alike, instead of
 * exploring. The file is one the explorer wrote when a property failed; its path is relative to the
 * working directory (a module's directory under Maven).
 *
 * <pre>{@code
 * @Test
 * @Replay("target/frontier-schedules/BankTest.transfers-seed17.schedule")
 * void transfers(Explorer explorer) { explorer.check(BankTest::scenario); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Replay {
    /** {@return the schedule file's path, relative to the working directory or absolute} */
    String value();
}
