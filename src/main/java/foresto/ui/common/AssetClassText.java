package foresto.ui.common;



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
        return CodeText.words(PREFIX, code);
    }
}
