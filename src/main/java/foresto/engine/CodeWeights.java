package foresto.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from asset-class code to a number, iterating in code order (the JSON key order).
 * Cheap to build on the engine's hot path: two small arrays, no tree.
 */
public final class CodeWeights extends AbstractMap<String, Double> {
    /** Ordinals of the asset classes sorted by code: BOND, EQUITY, GOLD, OTHER, SHORT_TERM. */
    private static final int[] BY_CODE = Arrays.stream(AssetClass.values())
            .sorted(Comparator.comparing(Enum::name)).mapToInt(Enum::ordinal).toArray();

    private static final String[] NAMES = Arrays.stream(AssetClass.values()).map(Enum::name).toArray(String[]::new);

    private final String[] codes;
    private final double[] values;

    private CodeWeights(String[] codes, double[] values) {
        this.codes = codes;
        this.values = values;
    }

    /** From values aligned with {@code heldOrdinals} (standard order). */
    static CodeWeights ofHeld(int[] heldOrdinals, double[] values) {
        int[] slot = new int[AssetClass.COUNT]; // ordinal -> 1 + index in heldOrdinals
        for (int j = 0; j < heldOrdinals.length; j++) {
            slot[heldOrdinals[j]] = j + 1;
        }
        String[] c = new String[heldOrdinals.length];
        double[] v = new double[heldOrdinals.length];
        int i = 0;
        for (int ordinal : BY_CODE) {
            if (slot[ordinal] > 0) {
                c[i] = NAMES[ordinal];
                v[i++] = values[slot[ordinal] - 1];
            }
        }
        return new CodeWeights(c, v);
    }

    /** A copy of any code map, validating the codes and sorting them. */
    public static CodeWeights copyOf(Map<String, ? extends Number> m) {
        if (m instanceof CodeWeights cw) {
            return cw;
        }
        int[] held = new int[m.size()];
        double[] v = new double[m.size()];
        int j = 0;
        for (AssetClass c : AssetClass.values()) {
            Number n = m.get(c.name());
            if (n != null) {
                held[j] = c.ordinal();
                v[j++] = n.doubleValue();
            }
        }
        if (j != m.size()) {
            for (String k : m.keySet()) {
                AssetClass.parse(k); // throws UNKNOWN_ASSET_CLASS for the stray key
            }
        }
        return ofHeld(held, v);
    }

    @Override
    public Double get(Object key) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < codes.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (i >= codes.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> e = new SimpleImmutableEntry<>(codes[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return codes.length;
            }
        };
    }
}
