package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.SweepRunner;
import foresto.backtest.SweepSpec;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.ui.common.PlainFailure;
import foresto.ui.sweep.SweepViewModel.Family;

import java.util.List;

/**
 * The Sweep tab's form as typed: a rule family with its range and ρ, the cost rates, the check calendar and how
 * far to trade back, and the number of bootstrap paths (empty: a plain sweep). Read as text; parsed into rules and
 * cost rates with the sweep's own checks, so a mistake carries the code and message the CLI would give; before that
 * each typed field is read on its own, so a mistake names its field and what the field takes, in plain words.
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

    /** The most resampled histories a robust sweep takes. */
    static final int MAX_PATHS = 100_000;

    /**
     * Reads each typed field on its own and refuses the first one that cannot be used with a {@link PlainFailure}
     * naming the field (by its label on the form), what was typed and what the field takes. The band's range, ρ and
     * the trade-back are read only for a band family.
     */
    void checkFields() {
        if (family != Family.CALENDARS) {
            // the range's values are θ of an absolute or hybrid band, ρ of a relative one
            boolean rhos = family == Family.RELATIVE_BAND;
            String accepts = rhos ? "sweep.accepts.rho" : "sweep.accepts.theta";
            double a = number(from, tr("robust.from"), accepts);
            double b = number(to, tr("robust.to"), accepts);
            double s = number(step, tr("sweep.step"), "sweep.accepts.step");
            if (!band(a, rhos)) {
                throw refused(tr("robust.from"), from, accepts);
            }
            if (!band(b, rhos)) {
                throw refused(tr("robust.to"), to, accepts);
            }
            if (b < a) {
                throw refused(tr("robust.to"), to, "sweep.accepts.toAfterFrom");
            }
            if (!(s > 0)) {
                throw refused(tr("sweep.step"), step, "sweep.accepts.step");
            }
            if (family == Family.HYBRID_BAND && !band(number(rho, RHO, "sweep.accepts.rho"), true)) {
                throw refused(RHO, rho, "sweep.accepts.rho");
            }
            double g = number(rebalanceTo, tr("sweep.tradeBackTo"), "sweep.accepts.tradeBack");
            if (!(g >= 0 && g < 1)) {
                throw refused(tr("sweep.tradeBackTo"), rebalanceTo, "sweep.accepts.tradeBack");
            }
        }
        try {
            SweepSpec.costRates(costRates == null ? "" : costRates);
        } catch (ForestoException e) {
            throw refused(tr("sweep.costRates"), costRates, "sweep.accepts.costs");
        }
        String j = bootstrapPaths == null ? "" : bootstrapPaths.trim().replace(",", "");
        if (!j.isEmpty() && !(j.matches("[0-9]{1,7}") && Integer.parseInt(j) >= 1 && Integer.parseInt(j) <= MAX_PATHS)) {
            throw refused(tr("sweep.bootstrapPaths"), bootstrapPaths, "sweep.accepts.paths");
        }
    }

    /** ρ's label on the form (a symbol, the same in both languages). */
    static final String RHO = "ρ";

    /** Whether {@code v} is a band: θ in (0, 1), ρ in (0, 1]. */
    private static boolean band(double v, boolean rho) {
        return v > 0 && (rho ? v <= 1 : v < 1);
    }

    /** The typed field as a number, or a refusal naming it. */
    private static double number(String typed, String label, String accepts) {
        try {
            double v = Double.parseDouble(typed == null ? "" : typed.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(label, typed, accepts);
    }

    /** "The field “from” cannot be read as typed: “abc”. It takes …", with the field and the text for the details line. */
    private static PlainFailure refused(String label, String typed, String accepts) {
        String shown = typed == null ? "" : typed.trim();
        return new PlainFailure(ErrorCode.INVALID_REQUEST, "sweep field '" + label + "': cannot use '" + shown + "'",
                tr("sweep.badField", label, shown, tr(accepts)));
    }

    private static Double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "trade back to must be a number, got '" + s + "'");
        }
    }
}
