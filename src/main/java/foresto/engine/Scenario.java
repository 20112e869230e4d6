package foresto.engine;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate, apart from the market data and the rule: targets, the inclusive run window,
 * the initial value and the missing-data policy.
 */
public record Scenario(Weights targets, LocalDate start, LocalDate end, double initialValue,
                       MissingDataPolicy missingDataPolicy) {
    public Scenario {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(missingDataPolicy, "missingDataPolicy");
        if (start.isAfter(end)) {
            throw new ForestoException(ErrorCode.WINDOW_OUTSIDE_DATA,
                    "start date " + start + " is after end date " + end);
        }
        if (!(Double.isFinite(initialValue) && initialValue > 0)) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST,
                    "initial_value must be a finite number > 0, got " + initialValue);
        }
    }
}
