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

    /** Throws INVALID_REQUEST unless 0 &lt; v ≤ {@link #MAX_INITIAL_VALUE}. */
    public static void requireInitialValue(double v) {
        if (!(v > 0 && v <= MAX_INITIAL_VALUE)) {
            throw new EngineException(EngineException.Kind.INVALID_REQUEST,
                    "initial_value must be > 0 and ≤ 1e15, got " + v);
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
