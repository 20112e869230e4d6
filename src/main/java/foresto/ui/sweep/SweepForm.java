package foresto.ui.sweep;

import foresto.backtest.SweepRunner;
import foresto.backtest.SweepSpec;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.ui.sweep.SweepViewModel.Family;

import java.util.List;

/**
 * The Sweep tab's form as typed: a rule family with its range and ρ, the cost rates, the check calendar and how
 * far to trade back, and the number of bootstrap paths (empty: a plain sweep). Read as text; parsed into rules and
 * cost rates with the sweep's own checks, so a mistake carries the code and message the CLI would give.
 */
record SweepForm(Family family, String from, String to, String step, String rho, String costRates, String check,
                 String rebalanceTo, String bootstrapPaths) {

    /** A form without bootstrap paths. */
    SweepForm(Family family, String from, String to, String step, String rho, String costRates, String check,
              String rebalanceTo) {
        this(family, from, to, step, rho, costRates, check, rebalanceTo, "");
    }

    /** The rule specs the family and range stand for (ranges in exact decimal steps). */
    List<String> specs() {
        String range = from.trim() + ".." + to.trim() + "/" + step.trim();
        return switch (family) {
            case ABSOLUTE_BAND -> SweepSpec.rules("drift:" + range);
            case RELATIVE_BAND -> SweepSpec.rules("drift-rel:" + range);
            case HYBRID_BAND -> SweepSpec.rules("drift-hybrid:" + range + "/" + rho.trim());
            case CALENDARS -> List.of("monthly", "quarterly", "semiannual", "annual");
        };
    }

    /** The rules to sweep (calendars take no check calendar nor trade-back); a bad form throws. */
    List<RebalancingRule> rules() {
        boolean calendars = family == Family.CALENDARS;
        return SweepRunner.rules(specs(), null, calendars ? null : check, calendars ? null : parse(rebalanceTo));
    }

    /** The cost rates to sweep; a bad list throws. */
    List<Double> costs() {
        return SweepSpec.costRates(costRates);
    }

    /**
     * The robust sweep's parameters (J as typed, the default block and seed, as {@code sweep --bootstrap J}), or null
     * when the field is empty; J is checked (1 … 100,000) when the sweep starts, with the CLI's code and message.
     */
    SweepRunner.Bootstrap bootstrap() {
        String j = bootstrapPaths == null ? "" : bootstrapPaths.trim().replace(",", "");
        if (j.isEmpty()) {
            return null;
        }
        try {
            return new SweepRunner.Bootstrap(Integer.parseInt(j), null, BootstrapStudy.DEFAULT_SEED);
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "bootstrap paths must be a whole number from 1 to "
                    + "100,000 (or empty for none), got '" + bootstrapPaths.trim() + "'");
        }
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "trade back to must be a number, got '" + s + "'");
        }
    }
}
