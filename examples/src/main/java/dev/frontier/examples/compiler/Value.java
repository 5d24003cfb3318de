package dev.frontier.examples.compiler;

import java.math.BigInteger;

/**
 * A number as Python has them: an exact, unbounded {@link IntValue int} or a
 * {@link FloatValue float} (a {@code double}). {@code toString()} prints it as Python does:
 * {@code 9}, {@code 2.5}, {@code 2.0}, {@code 1e+16}.
 */
public sealed interface Value permits IntValue, FloatValue {

    static Value of(long value) {
        return new IntValue(BigInteger.valueOf(value));
    }

    static Value of(double value) {
        return new FloatValue(value);
    }

    /** A literal's value: with a decimal point it is a float, else an int. */
    static Value parse(String literal) {
        if (literal.indexOf('.') >= 0) {
            return new FloatValue(Double.parseDouble(literal));
        }
        if (literal.length() <= 18) {
            return new IntValue(BigInteger.valueOf(Long.parseLong(literal)));
        }
        return new IntValue(new BigInteger(literal));
    }
}
