package foresto.ui.robust;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.Metric;
import foresto.engine.Metrics;
import foresto.engine.PathResult;
import foresto.engine.PeriodsPerYear;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.BootstrapSummary.Quantiles;
import foresto.engine.robust.RollingWindows;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored study's answer (the JSON every face sends, {@code RobustnessJson}) read back into the engine's result
 * records, so an opened study is shown from what was stored, not recomputed. What the answer does not hold stays
 * empty: a timing study's value paths (no dates, no values: the tab says Run draws them) and the window metrics
 * beside CAGR, volatility, max drawdown and final value (NaN; the tab shows none of them).
 */
final class StoredAnswer {
    private static final double[] NONE = new double[0];

    private StoredAnswer() {
    }

    static TimingStudy.Result timing(JsonNode a) {
        List<TimingStudy.Variant> variants = new ArrayList<>();
        for (JsonNode v : a.path("variants")) {
            variants.add(new TimingStudy.Variant(v.path("phase").asInt(), v.path("day_offset").asInt(), metrics(v), NONE));
        }
        PeriodsPerYear f = periodsPerYear(a);
        PathResult off = new PathResult(new LocalDate[0], NONE, List.of(), metrics(a.path("off")), new int[0],
                new double[0][], f, null);
        JsonNode t = a.path("tranche");
        TimingStudy.Tranche tranche = new TimingStudy.Tranche(NONE, number(t.path("final_value")), number(t.path("cagr")),
                number(t.path("volatility")), number(t.path("max_drawdown")), number(t.path("total_cost")),
                t.path("event_count").asInt());
        return new TimingStudy.Result(f, new LocalDate[0], off, variants, number(a.path("timing_luck")),
                number(a.path("spread")), variant(variants, a.path("best")), variant(variants, a.path("worst")), tranche);
    }

    static WindowsStudy.Result windows(JsonNode a, int lengthMonths, int stepMonths) {
        List<WindowsStudy.WindowResult> windows = new ArrayList<>();
        int i = 0;
        for (JsonNode w : a.path("windows")) {
            windows.add(new WindowsStudy.WindowResult(new RollingWindows.Window(i++, LocalDate.parse(w.path("start").asText()),
                    LocalDate.parse(w.path("end").asText())), side(w.path("on")), side(w.path("off")),
                    number(w.path("premium"))));
        }
        JsonNode s = a.path("summary");
        RollingWindows.Summary summary = new RollingWindows.Summary(s.path("count").asInt(), number(s.path("min")),
                number(s.path("p5")), number(s.path("p25")), number(s.path("median")), number(s.path("p75")),
                number(s.path("p95")), number(s.path("max")), number(s.path("share_positive")),
                s.path("non_overlapping").asLong());
        return new WindowsStudy.Result(periodsPerYear(a), lengthMonths, stepMonths, windows, summary);
    }

    static BootstrapStudy.Result bootstrap(JsonNode a) {
        int paths = a.path("paths").asInt();
        double[] finalA = new double[paths];
        double[] finalB = new double[paths];
        for (JsonNode p : a.path("per_path")) {
            int j = p.path("path").asInt();
            finalA[j] = number(p.path("a_final"));
            finalB[j] = number(p.path("b_final"));
        }
        JsonNode fan = a.path("fan");
        List<LocalDate> dates = new ArrayList<>();
        for (JsonNode d : fan.path("dates")) {
            dates.add(LocalDate.parse(d.asText()));
        }
        long seed = Long.parseUnsignedLong(a.path("seed").asText());
        return new BootstrapStudy.Result(periodsPerYear(a), paths, number(a.path("block")), seed,
                dates.toArray(LocalDate[]::new), finalA, finalB, number(a.path("p_beats")), number(a.path("p_beats_se")),
                quantiles(a.path("cagr_diff")), quantiles(a.path("max_drawdown_diff")), bands(fan.path("a")),
                bands(fan.path("b")));
    }

    private static PeriodsPerYear periodsPerYear(JsonNode a) {
        return new PeriodsPerYear(a.path("periods_per_year").asInt(), a.path("frequency").asText());
    }

    /** A variant's or OFF's metrics under their JSON keys (null, a metric that had no value, reads as NaN). */
    private static Metrics metrics(JsonNode o) {
        return new Metrics(number(o, Metric.FINAL_VALUE), number(o, Metric.TOTAL_RETURN), number(o, Metric.CAGR),
                number(o, Metric.VOLATILITY), number(o, Metric.MAX_DRAWDOWN), o.path(Metric.EVENT_COUNT.key()).asInt(),
                number(o, Metric.TOTAL_TURNOVER), number(o, Metric.TOTAL_COST));
    }

    /** A window's side: the four figures the answer keeps, the others NaN (none is shown). */
    private static Metrics side(JsonNode o) {
        return new Metrics(number(o, Metric.FINAL_VALUE), Double.NaN, number(o, Metric.CAGR), number(o, Metric.VOLATILITY),
                number(o, Metric.MAX_DRAWDOWN), 0, Double.NaN, Double.NaN);
    }

    private static double number(JsonNode o, Metric m) {
        return number(o.path(m.key()));
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static TimingStudy.Variant variant(List<TimingStudy.Variant> variants, JsonNode which) {
        int phase = which.path("phase").asInt();
        int offset = which.path("day_offset").asInt();
        return variants.stream().filter(v -> v.phase() == phase && v.dayOffset() == offset).findFirst()
                .orElse(variants.isEmpty() ? null : variants.get(0));
    }

    private static Quantiles quantiles(JsonNode q) {
        return new Quantiles(number(q.path("p5")), number(q.path("p25")), number(q.path("median")), number(q.path("p75")),
                number(q.path("p95")));
    }

    private static double[][] bands(JsonNode b) {
        String[] keys = {"p5", "p25", "p50", "p75", "p95"};
        double[][] out = new double[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            JsonNode values = b.path(keys[i]);
            out[i] = new double[values.size()];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = number(values.get(k));
            }
        }
        return out;
    }
}
