package foresto.backtest;

import foresto.csv.CsvWriter;
import foresto.engine.AssetClass;
import foresto.engine.CashFlow;
import foresto.engine.Metrics;
import foresto.model.RunFlows;
import foresto.model.RunSummary;
import foresto.model.SideFlows;
import foresto.model.StoredPaths;
import foresto.text.PlainNumber;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's daily values and its ON vs OFF summary as CSV for a spreadsheet or a script: stable English keys as
 * headers, every number a plain decimal at full precision (the shortest text that reads back as the same double),
 * an empty cell where there is no value (no ON path, a metric a stored run predates). Written through
 * {@link CsvWriter}.
 */
public final class RunCsv {
    /** The summary's extra row: the annual risk-free rate Sharpe and Sortino were computed with. */
    public static final String RISK_FREE_KEY = "risk_free_rate";

    private RunCsv() {
    }

    /**
     * The daily values' header: {@code date, on_value, off_value}, then per held class (in the paths' order) its
     * close weight before trading on ON and on OFF, {@code on_weight_EQUITY, off_weight_EQUITY, …}.
     */
    public static List<String> dailyHeader(StoredPaths paths) {
        List<String> header = new ArrayList<>(List.of("date", "on_value", "off_value"));
        for (int ordinal : paths.heldOrdinals()) {
            String code = AssetClass.of(ordinal).name();
            header.add("on_weight_" + code);
            header.add("off_weight_" + code);
        }
        return header;
    }

    /**
     * As {@link #dailyHeader(StoredPaths)}, and for a run with a cash-flow schedule ({@code flows} not null) two
     * more columns at the end, {@code on_flow, off_flow}: the signed amount each path booked at a close (&gt; 0 paid
     * in, &lt; 0 taken out; the paths differ for a withdrawal rate or after a depletion), 0 on the other closes. A run
     * without flows keeps exactly the columns above, for the scripts that read them.
     */
    public static List<String> dailyHeader(StoredPaths paths, RunFlows flows) {
        List<String> header = dailyHeader(paths);
        if (flows != null) {
            header.add("on_flow");
            header.add("off_flow");
        }
        return header;
    }

    /** The rows of {@link #dailyHeader(StoredPaths, RunFlows)}: the flow columns' cells empty on an OFF-only run's ON side. */
    public static List<List<String>> dailyRows(StoredPaths paths, RunFlows flows) {
        List<List<String>> rows = dailyRows(paths);
        if (flows == null) {
            return rows;
        }
        Map<LocalDate, Double> on = flows.on() == null ? null : byDate(flows.on());
        Map<LocalDate, Double> off = byDate(flows.off());
        for (int k = 0; k < rows.size(); k++) {
            LocalDate d = paths.dates()[k];
            List<String> row = rows.get(k);
            row.add(on == null ? "" : number(on.getOrDefault(d, 0.0)));
            row.add(number(off.getOrDefault(d, 0.0)));
        }
        return rows;
    }

    /** A side's flows by date (two flows of one date, which the engine never books, would add up). */
    private static Map<LocalDate, Double> byDate(SideFlows side) {
        Map<LocalDate, Double> m = new HashMap<>();
        for (CashFlow f : side.flows()) {
            m.merge(f.date(), f.amount(), Double::sum);
        }
        return m;
    }

    /** One row per close of the run; a run without ON leaves its ON cells empty (the columns stay the same). */
    public static List<List<String>> dailyRows(StoredPaths paths) {
        int n = paths.dates().length;
        int held = paths.heldOrdinals().length;
        List<List<String>> rows = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            List<String> row = new ArrayList<>(3 + 2 * held);
            row.add(paths.dates()[k].toString());
            row.add(paths.hasOn() ? number(paths.on()[k]) : "");
            row.add(number(paths.off()[k]));
            for (int j = 0; j < held; j++) {
                row.add(paths.hasOn() ? number(paths.onWeights()[j][k]) : "");
                row.add(number(paths.offWeights()[j][k]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Writes the daily values; returns the number of rows (closes). */
    public static int writeDaily(Path file, StoredPaths paths) throws IOException {
        return writeDaily(file, paths, null);
    }

    /** Writes the daily values with the flow columns of a run with flows ({@code flows} null: none); returns the rows. */
    public static int writeDaily(Path file, StoredPaths paths, RunFlows flows) throws IOException {
        List<List<String>> rows = dailyRows(paths, flows);
        CsvWriter.write(file, dailyHeader(paths, flows), rows);
        return rows.size();
    }

    /** The summary's header: OFF before ON, as the Summary on screen shows them; the difference is ON − OFF. */
    public static List<String> summaryHeader() {
        return List.of("metric", "off", "on", "difference");
    }

    /**
     * One row per metric of the Summary grid ({@link Metric#summary()}, in its order, keyed by {@link Metric#key()}):
     * OFF, ON and ON − OFF as raw values (fractions as fractions, money in the portfolio's currency); every metric
     * has its row, empty where it has no value. Then the risk-free rate ({@value #RISK_FREE_KEY}) Sharpe and Sortino
     * used, in both the ON and OFF cells.
     *
     * @param riskFree the annual risk-free rate as a fraction
     */
    public static List<List<String>> summaryRows(RunSummary summary, StoredPaths paths, double riskFree) {
        Metrics off = summary.off();
        Metrics on = summary.on();
        double years = Metrics.years(paths.dates()[0], paths.dates()[paths.dates().length - 1]);
        double f = summary.frequency().value();
        Metric.Side offSide = new Metric.Side(off, paths.off(), years, riskFree, f);
        Metric.Side onSide = on == null ? null : new Metric.Side(on, paths.hasOn() ? paths.on() : null, years, riskFree, f);
        List<List<String>> rows = new ArrayList<>();
        for (Metric m : Metric.summary()) {
            boolean shown = !m.needsOnAndYears() || (onSide != null && years > 0);
            double offValue = shown ? m.of(offSide) : Double.NaN;
            double onValue = shown && onSide != null ? m.of(onSide) : Double.NaN;
            rows.add(List.of(m.key(), number(offValue), number(onValue), number(onValue - offValue)));
        }
        rows.add(List.of(RISK_FREE_KEY, number(riskFree), number(riskFree), ""));
        return rows;
    }

    /** Writes the summary; returns the number of rows. */
    public static int writeSummary(Path file, RunSummary summary, StoredPaths paths, double riskFree) throws IOException {
        List<List<String>> rows = summaryRows(summary, paths, riskFree);
        CsvWriter.write(file, summaryHeader(), rows);
        return rows.size();
    }

    /** A plain decimal, or an empty cell for a value that is not a number. */
    static String number(double v) {
        return Double.isFinite(v) ? PlainNumber.of(v) : "";
    }
}
