package foresto.engine;


import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate, apart from the market data and the rule: targets, the inclusive run window,
 * the initial value and the missing-data policy.
 */
public record Scenario(Weights targets, LocalDate start, LocalDate end, double initialValue,
                       MissingDataPolicy missingDataPolicy) {
    /**
     * The largest initial value accepted (a quadrillion): with daily returns bounded by
     * {@link MarketData#MAX_DAILY_RETURN}, paths stay far from overflow on any real horizon.
     */
    public static final double MAX_INITIAL_VALUE = 1e15;

    /**
     * The smallest initial value accepted (a millionth): below it, and above all for subnormal values, positions
     * lose precision and drift figures mean nothing (5e-324 gave 502 events where 22 is right).
     */
    public static final double MIN_INITIAL_VALUE = 1e-6;

    /**
     * Throws unless {@link #MIN_INITIAL_VALUE} ≤ v ≤ {@link #MAX_INITIAL_VALUE}: INVALID_REQUEST for a value that
     * is not a positive number or is too large, VALUE_OUT_OF_RANGE for a positive value too small to compute with.
     */
    public static void requireInitialValue(double v) {
        if (!(v > 0 && v <= MAX_INITIAL_VALUE)) {
            throw new EngineException(EngineException.Kind.INVALID_REQUEST,
                    "initial_value must be in [1e-6, 1e15], got " + v);
        }
        if (v < MIN_INITIAL_VALUE) {
            throw new EngineException(EngineException.Kind.VALUE_OUT_OF_RANGE,
                    "initial_value must be in [1e-6, 1e15], got " + v + " (too small to compute with)");
        }
    }

    public Scenario {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(missingDataPolicy, "missingDataPolicy");
        if (start.isAfter(end)) {
            throw new EngineException(EngineException.Kind.WINDOW_OUTSIDE_DATA,
                    "start date " + start + " is after end date " + end);
        }
        requireInitialValue(initialValue);
    }
}
