package foresto.text;

import java.math.BigDecimal;

/**
 * The one plain-decimal form of a number, as rules, requests and labels show it: the shortest decimal that reads
 * back as the same double, without exponent or trailing zeros (0.05, not 5.0E-2 or 0.0500; 1000, not 1E+3).
 */
public final class PlainNumber {
    private PlainNumber() {
    }

    /** {@code v} in plain decimal digits: Java's shortest round-trip text of the double, exponent expanded. */
    public static String of(double v) {
        return of(new BigDecimal(Double.toString(v)));
    }

    /** {@code v} in plain decimal digits, trailing zeros dropped; null stays null. */
    public static String of(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
