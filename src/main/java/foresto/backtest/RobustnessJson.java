package foresto.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.CashFlowResult;
import foresto.engine.Metrics;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.BootstrapSummary.Quantiles;
import foresto.engine.robust.RollingWindows;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.json.Json;
import foresto.model.SideFlows;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON answer of each robustness study (SEMANTICS §12), one shape for every face: the command line prints it,
 * the HTTP API sends it (with its study id) and the study store keeps it. Keys as issue 19 lists them, with
 * {@code frequency} beside {@code periods_per_year} as in every output that shows an annualised figure.
 */
public final class RobustnessJson {
    /** The keys of a timing variant, in order (also the command line's CSV columns). */
    public static final List<String> VARIANT_KEYS = List.of("phase", "day_offset", "final_value", "total_return", "cagr",
            "volatility", "max_drawdown", "event_count", "total_turnover", "total_cost");
    /**
     * The flow keys a run's row gains in a study on a flow schedule (none without one), after its metrics (which are
     * then the time-weighted figures, §13.4): a subset of a {@code simulate} side's keys, without the list of flows.
     */
    public static final List<String> FLOW_KEYS = List.of("contributed", "withdrawn", "net_flow", "depleted_on",
            "twr_cagr", "mwr");
    private static final String[] BAND_KEYS = {"p5", "p25", "p50", "p75", "p95"};

    private RobustnessJson() {
    }

    /** The timing study (§12.2): OFF, every variant, timing luck, spread, best, worst and the tranche. */
    public static ObjectNode timing(TimingStudy.Result r) {
        ObjectNode out = Json.mapper().createObjectNode();
        ResultJson.putPeriodsPerYear(out, r.periodsPerYear());
        out.set("off", ResultJson.metrics(r.off().metrics()));
        if (r.off().hasCashFlows()) {
            putFlows((ObjectNode) out.get("off"), r.off().cashFlows());
        }
        ArrayNode variants = out.putArray("variants");
        for (TimingStudy.Variant v : r.variants()) {
            ObjectNode o = variants.addObject();
            o.put("phase", v.phase());
            o.put("day_offset", v.dayOffset());
            o.setAll(ResultJson.metrics(v.metrics()));
            if (v.cashFlows() != null) {
                putFlows(o, v.cashFlows());
            }
        }
        out.put("timing_luck", r.timingLuck());
        out.put("spread", r.spread());
        out.putObject("best").put("phase", r.best().phase()).put("day_offset", r.best().dayOffset());
        out.putObject("worst").put("phase", r.worst().phase()).put("day_offset", r.worst().dayOffset());
        TimingStudy.Tranche t = r.tranche();
        out.putObject("tranche").put("final_value", t.finalValue()).put("cagr", t.cagr()).put("volatility", t.volatility())
                .put("max_drawdown", t.maxDrawdown()).put("total_cost", t.totalCost()).put("event_count", t.eventCount());
        if (t.flows() != null) {
            ObjectNode o = (ObjectNode) out.get("tranche");
            o.put("contributed", t.flows().contributed());
            o.put("withdrawn", t.flows().withdrawn());
            o.put("net_flow", t.flows().netFlow());
            putDate(o, "depleted_on", t.flows().depletedOn());
        }
        return out;
    }

    /** The start-date study (§12.3): every window's ON and OFF figures and premium, and the summary. */
    public static ObjectNode windows(WindowsStudy.Result result) {
        ObjectNode out = Json.mapper().createObjectNode();
        ResultJson.putPeriodsPerYear(out, result.periodsPerYear());
        ArrayNode windows = out.putArray("windows");
        for (WindowsStudy.WindowResult w : result.windows()) {
            ObjectNode o = windows.addObject();
            o.put("start", w.window().start().toString());
            o.put("end", w.window().end().toString());
            o.set("on", side(w.on()));
            o.set("off", side(w.off()));
            if (result.withFlows()) {
                putWindowFlows((ObjectNode) o.get("on"), w.on(), w.onFlows());
                putWindowFlows((ObjectNode) o.get("off"), w.off(), w.offFlows());
            }
            o.put("premium", w.premium());
        }
        RollingWindows.Summary s = result.summary();
        ObjectNode summary = out.putObject("summary");
        summary.put("count", s.count());
        summary.put("min", s.min());
        summary.put("p5", s.p5());
        summary.put("p25", s.p25());
        summary.put("median", s.median());
        summary.put("p75", s.p75());
        summary.put("p95", s.p95());
        summary.put("max", s.max());
        summary.put("share_positive", s.sharePositive());
        summary.put("non_overlapping", s.nonOverlapping());
        return out;
    }

    /** A run's flow keys ({@link #FLOW_KEYS}); XIRR solved here. */
    public static void putFlows(ObjectNode o, CashFlowResult cf) {
        SideFlows f = SideFlows.of(cf);
        o.put("contributed", f.contributed());
        o.put("withdrawn", f.withdrawn());
        o.put("net_flow", f.netFlow());
        putDate(o, "depleted_on", f.depletedOn());
        o.put("twr_cagr", f.twrCagr());
        if (f.mwr() == null) {
            o.putNull("mwr");
        } else {
            o.put("mwr", f.mwr().doubleValue());
        }
    }

    /**
     * A window's side on a schedule: its flow keys, or for a window in which the schedule has no flow date (run
     * without flows) no money moved: totals 0, never depleted, the time-weighted CAGR the plain CAGR, and no MWR.
     */
    private static void putWindowFlows(ObjectNode o, Metrics m, CashFlowResult cf) {
        if (cf != null) {
            putFlows(o, cf);
            return;
        }
        o.put("contributed", 0.0);
        o.put("withdrawn", 0.0);
        o.put("net_flow", 0.0);
        o.putNull("depleted_on");
        o.put("twr_cagr", m.cagr());
        o.putNull("mwr");
    }

    private static void putDate(ObjectNode o, String key, LocalDate date) {
        if (date == null) {
            o.putNull(key);
        } else {
            o.put(key, date.toString());
        }
    }

    private static ObjectNode side(Metrics m) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("cagr", m.cagr());
        o.put("volatility", m.volatility());
        o.put("max_drawdown", m.maxDrawdown());
        o.put("final_value", m.finalValue());
        return o;
    }

    /**
     * The bootstrap study (§12.4): its parameters, P(A beats B) with its standard error, the percentiles of the
     * CAGR and max-drawdown differences, the fan of A and B, and with {@code perPath} every path's final values.
     */
    public static ObjectNode bootstrap(BootstrapStudy.Result result, boolean perPath) {
        ObjectNode out = Json.mapper().createObjectNode();
        ResultJson.putPeriodsPerYear(out, result.periodsPerYear());
        out.put("paths", result.paths());
        out.put("block", result.block());
        out.put("seed", new BigInteger(Long.toUnsignedString(result.seed())));
        out.put("p_beats", result.pBeats());
        out.put("p_beats_se", result.pBeatsSe());
        out.set("cagr_diff", quantiles(result.cagrDiff()));
        out.set("max_drawdown_diff", quantiles(result.maxDrawdownDiff()));
        if (result.depletions() != null) {
            out.put("a_depleted_share", BootstrapStudy.Depletions.share(result.depletions().a()));
            out.put("b_depleted_share", BootstrapStudy.Depletions.share(result.depletions().b()));
        }
        ObjectNode fan = out.putObject("fan");
        ArrayNode dates = fan.putArray("dates");
        for (LocalDate d : result.dates()) {
            dates.add(d.toString());
        }
        fan.set("a", bands(result.fanA()));
        fan.set("b", bands(result.fanB()));
        if (perPath) {
            ArrayNode rows = out.putArray("per_path");
            for (int j = 0; j < result.paths(); j++) {
                ObjectNode o = rows.addObject();
                o.put("path", j);
                o.put("a_final", result.finalA()[j]);
                o.put("b_final", result.finalB()[j]);
                if (result.depletions() != null) {
                    putDate(o, "a_depleted_on", result.depletions().a()[j]);
                    putDate(o, "b_depleted_on", result.depletions().b()[j]);
                }
            }
        }
        return out;
    }

    private static ObjectNode quantiles(Quantiles q) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("p5", q.p5());
        o.put("p25", q.p25());
        o.put("median", q.median());
        o.put("p75", q.p75());
        o.put("p95", q.p95());
        return o;
    }

    private static ObjectNode bands(double[][] bands) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (int i = 0; i < BAND_KEYS.length; i++) {
            ArrayNode a = o.putArray(BAND_KEYS[i]);
            for (double v : bands[i]) {
                a.add(v);
            }
        }
        return o;
    }
}
