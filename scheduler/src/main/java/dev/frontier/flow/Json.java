package dev.frontier.flow;

/** A minimal JSON writer for the exports: strings escaped so that the output is also safe inside HTML. */
final class Json {

    private Json() {
    }

    /** {@code s} as a JSON string literal; {@code <}, {@code >} and {@code &} escaped so it can sit in a script block. */
    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Microseconds with nanosecond precision, as Chrome's trace format wants them. */
    static String micros(long nanos) {
        long whole = nanos / 1000;
        long frac = Math.abs(nanos % 1000);
        String sign = nanos < 0 && whole == 0 ? "-" : "";
        return sign + whole + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }
}
