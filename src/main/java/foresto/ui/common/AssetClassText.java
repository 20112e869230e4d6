package foresto.ui.common;

import foresto.i18n.Messages;

import java.util.Locale;

/**
 * An asset class as the analyst reads it: its name from the bundles (key {@code assetClass.} + the code, "주식",
 * "Equity"), the code itself where the bundles have none. Files, the command line and JSON keep the code.
 */
public final class AssetClassText {
    /** The bundles' prefix of a class's name. */
    static final String PREFIX = "assetClass.";

    private AssetClassText() {
    }

    /** The name of the class with {@code code} (an enum constant or its name); "" for null. */
    public static String of(Object code) {
        if (code == null) {
            return "";
        }
        String c = code instanceof Enum<?> e ? e.name() : code.toString();
        String key = PREFIX + c.toUpperCase(Locale.ROOT);
        return c.isEmpty() ? "" : Messages.has(key) ? Messages.tr(key) : c;
    }
}
