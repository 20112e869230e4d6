package foresto.ui.common;

import foresto.engine.AssetClass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * {@code codes} in the app's standard class order (Equity, Bonds, Short-term, Gold, Other: the order of the
     * targets, the Portfolios table and the weights at close); a code outside the standard ones comes last, by code.
     */
    public static List<String> inStandardOrder(Collection<String> codes) {
        List<String> out = new ArrayList<>(codes);
        out.sort(Comparator.comparingInt(AssetClassText::rank).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** {@code weights} (class code → weight) in the standard class order, see {@link #inStandardOrder}. */
    public static <V> Map<String, V> inStandardOrder(Map<String, V> weights) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String code : inStandardOrder(weights.keySet())) {
            out.put(code, weights.get(code));
        }
        return out;
    }

    private static int rank(String code) {
        for (AssetClass c : AssetClass.values()) {
            if (c.name().equals(code)) {
                return c.ordinal();
            }
        }
        return AssetClass.COUNT;
    }
}
