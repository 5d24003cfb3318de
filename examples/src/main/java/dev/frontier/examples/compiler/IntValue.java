package dev.frontier.examples.compiler;

import java.math.BigInteger;
import java.util.Objects;

/** Python's {@code int}: exact, never overflows. */
public record IntValue(BigInteger value) implements Value {

    public IntValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
