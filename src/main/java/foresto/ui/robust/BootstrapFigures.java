package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
import foresto.engine.Metrics;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.BootstrapSummary.Quantiles;
import foresto.text.PlainNumber;
import foresto.ui.common.FrequencyText;

import java.time.LocalDate;
import java.util.List;

/**
 * A bootstrap study as the tab shows it (SEMANTICS §12.4): P(A beats B) in words (a share of resampled histories,
 * not a significance level), the percentiles of the CAGR and max-drawdown differences, and each path's CAGR
 * difference for the histogram.
 *
 * @param versusOff       whether B is OFF (buy-and-hold)
 * @param cagrDifferences path j's CAGR_A − CAGR_B: the engine's CAGR (§5) of each path's final values, which depends
 *                        only on the final value and the window's first and last date
 */
public record BootstrapFigures(BootstrapStudy.Result result, String nameA, String nameB, boolean versusOff,
                               double initialValue, String heading, double[] cagrDifferences) {
    /** The quantiles table's CSV columns. */
    public static final List<String> CSV_COLUMNS = List.of("figure", "p5", "p25", "median", "p75", "p95");

    /** The figures of {@code result}, run from {@code initialValue}. */
    public static BootstrapFigures of(BootstrapStudy.Result result, String nameA, String nameB, boolean versusOff,
                                      double initialValue, String heading) {
        LocalDate[] d = result.dates();
        LocalDate[] ends = {d[0], d[d.length - 1]};
        double[] diff = new double[result.paths()];
        for (int j = 0; j < diff.length; j++) {
            diff[j] = cagr(ends, result.finalA()[j], initialValue) - cagr(ends, result.finalB()[j], initialValue);
        }
        return new BootstrapFigures(result, nameA, nameB, versusOff, initialValue, heading, diff);
    }

    private static double cagr(LocalDate[] ends, double finalValue, double initialValue) {
        return Metrics.of(ends, new double[] {initialValue, finalValue}, initialValue, List.of()).cagr();
    }

    /** "A (monthly) ended above B (OFF) in 71.30 % ± 1.40 % of 1,000 resampled histories": shares as every percent. */
    public String sentence() {
        return tr("robust.bootstrap.sentence", nameA, nameB, Texts.percent(result.pBeats()), Texts.percent(result.pBeatsSe()),
                Texts.count(result.paths()));
    }

    /** What the share is and is not, and how the histories were drawn. */
    public String note() {
        return tr("robust.bootstrap.note", Texts.count(result.dates().length - 1), PlainNumber.of(result.block()),
                Long.toUnsignedString(result.seed()), FrequencyText.of(result.periodsPerYear()));
    }

    /** "Median CAGR difference +0.12 %p (p5 −0.40 %p, p95 +0.61 %p); median max-drawdown difference −1.20 %p." */
    public String differencesText() {
        Quantiles c = result.cagrDiff();
        Quantiles m = result.maxDrawdownDiff();
        return tr("robust.bootstrap.differences", Texts.points(c.median()), Texts.points(c.p5()), Texts.points(c.p95()),
                Texts.points(m.median()), Texts.points(m.p5()), Texts.points(m.p95()));
    }

    /** The quantiles table's rows: the CAGR difference and the max-drawdown difference, in percentage points. */
    public List<List<String>> tableRows() {
        return List.of(row(tr("robust.bootstrap.cagrDiff"), result.cagrDiff(), true),
                row(tr("robust.bootstrap.maxDrawdownDiff"), result.maxDrawdownDiff(), true));
    }

    /** The quantiles table's figures in its order (p5, p25, median, p75, p95 of each row), as fractions. */
    public List<double[]> tableValues() {
        return List.of(values(result.cagrDiff()), values(result.maxDrawdownDiff()));
    }

    private static double[] values(Quantiles q) {
        return new double[] {q.p5(), q.p25(), q.median(), q.p75(), q.p95()};
    }

    /** The same rows as CSV: the fractions in full. */
    public List<List<String>> csvRows() {
        return List.of(row("cagr_diff", result.cagrDiff(), false), row("max_drawdown_diff", result.maxDrawdownDiff(), false));
    }

    private static List<String> row(String name, Quantiles q, boolean shown) {
        double[] v = {q.p5(), q.p25(), q.median(), q.p75(), q.p95()};
        String[] out = new String[6];
        out[0] = name;
        for (int i = 0; i < v.length; i++) {
            out[i + 1] = shown ? Texts.points(v[i]) : PlainNumber.of(v[i]);
        }
        return List.of(out);
    }
}
