package foresto.backtest;

/**
 * Names a person gives (rules, datasets) are shown on one line in lists, logs and CSV headers, so they must be
 * single-line and printable: no control character (newline, tab, escape…), no line or paragraph separator, no
 * invisible format character (bidirectional overrides, zero-width joiners) and no lone surrogate.
 */
public final class Names {
    private Names() {
    }

    /** True when every code point of {@code name} is printable on one line. */
    public static boolean isSingleLinePrintable(String name) {
        return name.codePoints().noneMatch(c -> Character.isISOControl(c) || switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
            default -> false;
        });
    }
}
