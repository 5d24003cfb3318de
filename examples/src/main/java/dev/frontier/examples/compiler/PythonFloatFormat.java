package dev.frontier.examples.compiler;

import java.math.BigDecimal;

/**
 * Python's {@code repr(float)}: the shortest digits that read back as the same double, in fixed
 * notation with at least one digit after the point ({@code 2.0}, {@code 0.0001},
 * {@code 1000000000000000.0}) unless the decimal exponent is below -4 or above 15, then in
 * exponent notation with a signed, at least two-digit exponent ({@code 1e-05}, {@code 1e+16},
 * {@code 1.5e+300}); {@code inf}, {@code -inf}, {@code nan}, {@code -0.0}.
 *
 * <p>The shortest digits come from {@link Double#toString(double)}, which produces the shortest
 * round-tripping decimal since JDK 19, as Python's {@code repr} does; only the layout differs.
 */
final class PythonFloatFormat {
    private PythonFloatFormat() {
    }

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.digits * 10^point
        int point = digits.length() - shortest.scale();
        return sign + (point <= -4 || point > 16 ? exponent(digits, point) : fixed(digits, point));
    }

    private static String fixed(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    private static String exponent(String digits, int point) {
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = Integer.toString(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }
}
