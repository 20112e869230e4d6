package foresto.backtest;

import foresto.text.PlainNumber;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form the request hash is taken over (SEMANTICS §8): keys sorted, no insignificant
 * whitespace, ISO dates, and one form per number (the shortest decimal that round-trips the double, no
 * exponent, no trailing zeros: 1, 0.001, 100000). Values: maps, strings, numbers, booleans, dates, null.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String write(Map<String, ?> document) {
        StringBuilder sb = new StringBuilder();
        value(sb, document);
        return sb.toString();
    }

    /** The canonical number form. */
    public static String number(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        if (d == 0) {
            return "0";
        }
        return PlainNumber.of(d);
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, e.getKey().toString());
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Number n) {
            sb.append(number(n));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof LocalDate d) {
            string(sb, d.toString());
        } else if (v instanceof String || v instanceof Enum<?>) {
            string(sb, v.toString());
        } else {
            throw new IllegalArgumentException("no canonical form for " + v.getClass());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
