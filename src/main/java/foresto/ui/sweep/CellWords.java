package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.engine.RebalancingRule;
import foresto.text.PlainNumber;

import java.math.BigDecimal;

/**
 * A swept cell's rule and cost rate in the analyst's words and language, as the heatmap's rows, heading and hover
 * text and the comparison chart's legend write them: "Drift ≥ 4 %p" (the band the row sweeps, with the rules
 * editor's words for its condition), "Periodic, quarterly"; the cost rate as the heatmap's cost axis writes it.
 * The Cells table and the CSV keep the spec ("drift:0.04"), which scripts read.
 */
final class CellWords {
    private CellWords() {
    }

    /** The cell's rule (its band or calendar) in words. */
    static String rule(SweepRunner.Row row) {
        RebalancingRule r = InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo());
        return r.match(p -> tr("sweep.words.periodic", tr("rule.every." + p.frequency().name())),
                d -> tr("sweep.words.drift", tr("rule.condition." + d.band().name(), percent(d.threshold()),
                        percent(d.rho()))));
    }

    /** "Drift ≥ 4 %p at cost 0.20 %": the comparison chart's name of a cell. */
    static String cell(SweepRunner.Row row) {
        return tr("sweep.words.cell", rule(row), Heatmap.costLabel(row.costRate()));
    }

    /** A fraction as an exact percentage, as the rules editor writes a band: 0.04 → "4", 0.125 → "12.5"; NaN → "". */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : PlainNumber.of(new BigDecimal(Double.toString(fraction)).movePointRight(2));
    }
}
