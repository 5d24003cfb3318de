package dev.frontier.examples.compiler;

/** Python's {@code float}: a {@code double}, printed as Python's {@code repr}. */
public record FloatValue(double value) implements Value {

    @Override
    public String toString() {
        return PythonFloatFormat.repr(value);
    }
}
