package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.ui.common.RuleText;

/**
 * A swept cell's rule and cost rate in the analyst's words and language, as the heatmap's rows, heading and hover
 * text and the comparison chart's legend write them: "Drift ≥ 4 %p" (the band the row sweeps, with the rules
 * editor's words for its condition), "Periodic, quarterly"; the cost rate as the heatmap's cost axis writes it.
 * The Cells table writes the rule so too, with its spec ("drift:0.04") on hover; the CSV keeps the spec, which
 * scripts read.
 */
final class CellWords {
    private CellWords() {
    }

    /** The cell's rule (its band or calendar) in words. */
    static String rule(SweepRunner.Row row) {
        return RuleText.brief(InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo()));
    }

    /** "Drift ≥ 4 %p at cost 0.20 %": the comparison chart's name of a cell. */
    static String cell(SweepRunner.Row row) {
        return tr("sweep.words.cell", rule(row), Heatmap.costLabel(row.costRate()));
    }
}
