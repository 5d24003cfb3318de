package dev.frontier.examples.compiler;

import java.math.BigInteger;

/**
 * Python 3's arithmetic on {@link Value}s:
 * <ul>
 *   <li>int {@code + - *} int is an exact int (no overflow);</li>
 *   <li>{@code /} is true division and always gives a float ({@code 10/4 == 2.5},
 *       {@code 8/2/2 == 2.0}); int / int is correctly rounded even when the ints are too big for
 *       a double, like CPython's;</li>
 *   <li>with a float on either side the int is converted and the operation is IEEE double
 *       arithmetic (so a float result may be {@code inf});</li>
 *   <li>errors are Python's, as {@link ExpressionException}s at the operator's position:
 *       {@code division by zero}, {@code float division by zero},
 *       {@code int too large to convert to float},
 *       {@code integer division result too large for a float}.</li>
 * </ul>
 */
public final class PythonArithmetic {
    private PythonArithmetic() {
    }

    /** {@code left op right}; {@code position} is the operator's, for errors. */
    public static Value apply(Operator op, Value left, Value right, int position) {
        if (left instanceof IntValue(BigInteger a) && right instanceof IntValue(BigInteger b)) {
            return switch (op) {
                case ADD -> new IntValue(a.add(b));
                case SUBTRACT -> new IntValue(a.subtract(b));
                case MULTIPLY -> new IntValue(a.multiply(b));
                case DIVIDE -> new FloatValue(trueDivide(a, b, position));
            };
        }
        double x = toDouble(left, position);
        double y = toDouble(right, position);
        return new FloatValue(switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> {
                if (y == 0) {
                    throw new ExpressionException("float division by zero", position);
                }
                yield x / y;
            }
        });
    }

    /** {@code -value}. */
    public static Value negate(Value value) {
        return switch (value) {
            case IntValue(BigInteger a) -> new IntValue(a.negate());
            case FloatValue(double d) -> new FloatValue(-d);
        };
    }

    private static double toDouble(Value value, int position) {
        return switch (value) {
            case FloatValue(double d) -> d;
            case IntValue(BigInteger a) -> {
                double d = a.doubleValue();
                if (Double.isInfinite(d)) {
                    throw new ExpressionException("int too large to convert to float", position);
                }
                yield d;
            }
        };
    }

    /** int / int, correctly rounded to the nearest double (ties to even). */
    static double trueDivide(BigInteger a, BigInteger b, int position) {
        if (b.signum() == 0) {
            throw new ExpressionException("division by zero", position);
        }
        if (a.bitLength() <= 53 && b.bitLength() <= 53) {
            return a.doubleValue() / b.doubleValue(); // both exact: one IEEE rounding
        }
        boolean negative = (a.signum() < 0) != (b.signum() < 0); // 0 / -5 is -0.0
        BigInteger n = a.abs();
        BigInteger d = b.abs();
        // Scale so the integer quotient has 55 or 56 bits: 53 for the double, a rounding bit, and
        // room for a sticky bit that records a non-zero remainder.
        int shift = n.bitLength() - d.bitLength() - 55;
        BigInteger[] qr = shift >= 0 ? n.divideAndRemainder(d.shiftLeft(shift)) : n.shiftLeft(-shift).divideAndRemainder(d);
        long q = qr[0].longValueExact();
        if (qr[1].signum() != 0) {
            q |= 1;
        }
        double magnitude = Math.scalb((double) q, shift); // (double) q rounds once; scalb is exact unless the result is subnormal
        if (Double.isInfinite(magnitude)) {
            throw new ExpressionException("integer division result too large for a float", position);
        }
        return negative ? -magnitude : magnitude;
    }
}
