package foresto.backtest;

import foresto.config.AppConfig;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.util.Locale;

/**
 * The Phase 2 feature flag (SEMANTICS §7). Default OFF. With it OFF the rebalancing engine is never
 * invoked and any request carrying a rebalancing parameter is rejected with {@code REBALANCING_DISABLED}.
 */
public record FeatureFlags(boolean useRebalancing) {
    public static final FeatureFlags OFF = new FeatureFlags(false);
    public static final FeatureFlags ON = new FeatureFlags(true);
    public static final String HOW_TO_ENABLE = "set USE_REBALANCING=1 (environment) or use_rebalancing=true "
            + "(config file) and restart";

    /** The flag as configured (environment, overridden by the config file). */
    public static FeatureFlags from(AppConfig config) {
        return new FeatureFlags(parse(config.useRebalancing()));
    }

    /** Parses a flag value: 1/true/yes/on (any case) are ON, everything else (and null) OFF. */
    public static boolean parse(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
    }

    /** Throws {@code REBALANCING_DISABLED} when the flag is OFF and the request names a rule. */
    public void requireRebalancingAllowed(String parameterName) {
        if (!useRebalancing) {
            throw new ForestoException(ErrorCode.REBALANCING_DISABLED, "rebalancing is disabled: the request "
                    + "carries '" + parameterName + "' but USE_REBALANCING is off (" + HOW_TO_ENABLE + ")");
        }
    }
}
