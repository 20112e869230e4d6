package foresto.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.CashFlow;
import foresto.engine.Metrics;
import foresto.engine.PathResult;
import foresto.engine.PathStats;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.model.RunFlows;
import foresto.model.RunSummary;
import foresto.model.SideFlows;

import java.time.LocalDate;
import java.util.List;

/** The JSON form of a path (summary, events, optionally the path) shared by the CLI and the HTTP API. */
public final class ResultJson {
    private ResultJson() {
    }

    /**
     * The stored metrics ({@link Metric#stored()}) under their keys, in {@link Metrics}' order; a metric a stored
     * run predates (NaN) is null.
     */
    public static ObjectNode metrics(Metrics metrics) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (Metric m : Metric.stored()) {
            put(o, m, m.of(metrics));
        }
        return o;
    }

    private static void put(ObjectNode o, Metric m, double v) {
        if (Double.isNaN(v)) {
            o.putNull(m.key());
        } else if (m.unit() == Metric.Unit.COUNT) {
            o.put(m.key(), (int) v);
        } else {
            o.put(m.key(), v);
        }
    }

    /** Metrics keys plus {@code events} and, when asked, {@code path} ([{date, value}]). */
    public static ObjectNode path(PathResult p, boolean withPath) {
        ObjectNode o = metrics(p.metrics());
        o.set("events", events(p.events()));
        if (withPath) {
            ArrayNode path = o.putArray("path");
            for (int k = 0; k < p.values().length; k++) {
                path.addObject().put("date", p.dates()[k].toString()).put("value", p.values()[k]);
            }
        }
        return o;
    }

    public static ArrayNode events(List<RebalancingEvent> events) {
        return Json.mapper().valueToTree(events);
    }

    /**
     * Adds the path statistics ({@link Metric#isPathStatistic()}: Sharpe and Sortino with the risk-free rate, stated
     * in the JSON, annualised with {@code f}) to each side and the calendar-year returns ON and OFF, which compound to each side's total return.
     */
    public static void addPathStats(ObjectNode summary, LocalDate[] dates, double[] off, double[] on, double riskFree,
                                    PeriodsPerYear f) {
        summary.put("risk_free_rate", riskFree);
        putStats((ObjectNode) summary.get("off"), off, riskFree, f);
        if (on != null && summary.has("on")) {
            putStats((ObjectNode) summary.get("on"), on, riskFree, f);
        }
        var offYears = PathStats.annualReturns(dates, off);
        var onYears = on == null ? null : PathStats.annualReturns(dates, on);
        ArrayNode years = summary.putArray("annual_returns");
        for (int i = 0; i < offYears.size(); i++) {
            ObjectNode y = years.addObject();
            y.put("year", offYears.get(i).year());
            if (onYears != null) {
                y.put("on", onYears.get(i).value());
            } else {
                y.putNull("on");
            }
            y.put("off", offYears.get(i).value());
        }
    }

    private static void putStats(ObjectNode side, double[] values, double riskFree, PeriodsPerYear f) {
        Metric.Side path = new Metric.Side(null, values, Double.NaN, riskFree, f.value());
        for (Metric m : Metric.values()) {
            if (m.isPathStatistic()) {
                put(side, m, m.of(path));
            }
        }
    }

    /**
     * {@code periods_per_year} and {@code frequency} (SEMANTICS §5); a run stored before f was recorded was computed
     * with f = 252 and says so ({@code "periods_per_year_stored": false}).
     */
    public static void putPeriodsPerYear(ObjectNode out, RunSummary summary) {
        putPeriodsPerYear(out, summary.frequency());
        if (!summary.recordsFrequency()) {
            out.put("periods_per_year_stored", false);
        }
    }

    /** {@code periods_per_year} (f) and {@code frequency} ("daily", "monthly", …). */
    public static void putPeriodsPerYear(ObjectNode out, PeriodsPerYear f) {
        out.put("periods_per_year", f.value());
        out.put("frequency", f.frequency());
    }

    /**
     * The window a run actually used, from its path's dates (the calendar in use, ascending): {@code purchase_date}
     * (the first date, bought at its close), {@code first_return_date} (the next date: the first return applied; null
     * for a one-date run) and {@code last_date}. The purchase date is the first date on or after the requested start,
     * so it differs from it when the start is not a trading day.
     */
    public static void putWindow(ObjectNode out, LocalDate[] dates) {
        out.put("purchase_date", dates[0].toString());
        if (dates.length > 1) {
            out.put("first_return_date", dates[1].toString());
        } else {
            out.putNull("first_return_date");
        }
        out.put("last_date", dates[dates.length - 1].toString());
    }

    /**
     * The response shape shared with the HTTP API; {@code dates} are the run's path dates (a stored run's
     * stored paths' dates, not recomputed), for its window ({@link #putWindow}).
     */
    public static ObjectNode backtest(BacktestResult r, LocalDate[] dates) {
        return backtest(r, dates, null);
    }

    /**
     * As {@link #backtest(BacktestResult, LocalDate[])}, with each side's flow keys ({@link #putCashFlows}) when the
     * run has a flow schedule ({@code flows} not null).
     */
    public static ObjectNode backtest(BacktestResult r, LocalDate[] dates, RunFlows flows) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("run_id", r.runId());
        out.put("request_hash", r.requestHash());
        out.put("reused", r.reused());
        putPeriodsPerYear(out, r.summary());
        putWindow(out, dates);
        out.set("request", Json.mapper().valueToTree(r.request()));
        out.set("off", metrics(r.summary().off()));
        if (r.summary().on() != null) {
            out.set("on", metrics(r.summary().on()));
        }
        if (flows != null) {
            putCashFlows((ObjectNode) out.get("off"), flows.off());
            if (flows.on() != null && out.has("on")) {
                putCashFlows((ObjectNode) out.get("on"), flows.on());
            }
        }
        out.put("event_count", r.eventCount());
        return out;
    }

    /**
     * A side's flow keys (SEMANTICS §13.4, §13.5), the same on every face: {@code contributed}, {@code withdrawn},
     * {@code net_flow}, {@code depleted_on} (null if never), {@code twr_total}, {@code twr_cagr}, {@code mwr} (null
     * without a root) and {@code flows} ([{date, amount}], amount negative for a withdrawal).
     */
    public static void putCashFlows(ObjectNode side, SideFlows cf) {
        side.put("contributed", cf.contributed());
        side.put("withdrawn", cf.withdrawn());
        side.put("net_flow", cf.netFlow());
        if (cf.depletedOn() == null) {
            side.putNull("depleted_on");
        } else {
            side.put("depleted_on", cf.depletedOn().toString());
        }
        side.put("twr_total", cf.twrTotal());
        side.put("twr_cagr", cf.twrCagr());
        if (cf.mwr() != null) {
            side.put("mwr", cf.mwr().doubleValue());
        } else {
            side.putNull("mwr");
        }
        ArrayNode flows = side.putArray("flows");
        for (CashFlow f : cf.flows()) {
            flows.addObject().put("date", f.date().toString()).put("amount", f.amount());
        }
    }
}
