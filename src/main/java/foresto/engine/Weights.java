package foresto.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Target weights by asset class: each ≥ 0, summing to 1 within {@link #SUM_TOLERANCE}.
 * Classes with weight 0 are not held: they are dropped, so "held" always means "weight &gt; 0".
 */
public final class Weights {
    public static final double SUM_TOLERANCE = 1e-9;

    private final double[] byOrdinal;
    private final int[] held;

    private Weights(double[] byOrdinal) {
        this.byOrdinal = byOrdinal;
        this.held = heldIndices(byOrdinal);
    }

    public static Weights of(Map<AssetClass, Double> weights) {
        double[] w = new double[AssetClass.COUNT];
        for (Map.Entry<AssetClass, Double> e : weights.entrySet()) {
            Double v = e.getValue();
            if (v == null || !Double.isFinite(v) || v < 0) {
                throw new EngineException(EngineException.Kind.INVALID_WEIGHTS,
                        "weight of " + e.getKey() + " must be a finite number ≥ 0, got " + v);
            }
            w[e.getKey().ordinal()] = v;
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new EngineException(EngineException.Kind.INVALID_WEIGHTS,
                    "weights must sum to 1 (±1e-9), they sum to " + sum);
        }
        return new Weights(w);
    }

    /** Parses codes to weights, e.g. from a JSON object or a CLI list; unknown codes are rejected. */
    public static Weights ofCodes(Map<String, ? extends Number> weights) {
        Map<AssetClass, Double> m = new EnumMap<>(AssetClass.class);
        for (Map.Entry<String, ? extends Number> e : weights.entrySet()) {
            AssetClass c = AssetClass.parse(e.getKey());
            if (m.containsKey(c)) {
                throw new EngineException(EngineException.Kind.INVALID_WEIGHTS, "asset class " + c + " given twice");
            }
            m.put(c, e.getValue() == null ? null : e.getValue().doubleValue());
        }
        return of(m);
    }

    private static int[] heldIndices(double[] w) {
        return IntStream.range(0, w.length).filter(i -> w[i] > 0).toArray();
    }

    public double get(AssetClass c) {
        return byOrdinal[c.ordinal()];
    }

    /** Weights indexed by {@link AssetClass#ordinal()}, a copy. */
    public double[] toArray() {
        return byOrdinal.clone();
    }

    /** Ordinals of the held classes, in standard order, a copy. */
    public int[] heldOrdinals() {
        return held.clone();
    }

    public boolean holds(AssetClass c) {
        return byOrdinal[c.ordinal()] > 0;
    }

    /** Held classes to weights, keys sorted by code (the JSON form). */
    public SortedMap<String, Double> byCode() {
        SortedMap<String, Double> m = new TreeMap<>();
        for (int i : held) {
            m.put(AssetClass.of(i).name(), byOrdinal[i]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other && Arrays.equals(byOrdinal, other.byOrdinal);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byOrdinal);
    }

    @Override
    public String toString() {
        return byCode().toString();
    }
}
