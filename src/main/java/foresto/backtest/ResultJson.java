package foresto.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.PathResult;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;

import java.util.List;

/** The JSON form of a path (summary, events, optionally the path) shared by the CLI and the HTTP API. */
public final class ResultJson {
    private ResultJson() {
    }

    /** Metrics keys plus {@code events} and, when asked, {@code path} ([{date, value}]). */
    public static ObjectNode path(PathResult p, boolean withPath) {
        ObjectMapper m = Json.mapper();
        ObjectNode o = m.valueToTree(p.metrics());
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
     * Adds Sharpe and Sortino (risk-free rate 0, stated in the JSON) to each side and the calendar-year returns
     * ON and OFF, which compound to each side's total return.
     */
    public static void addPathStats(ObjectNode summary, java.time.LocalDate[] dates, double[] off, double[] on, double riskFree) {
        summary.put("risk_free_rate", riskFree);
        putStats((ObjectNode) summary.get("off"), off, riskFree);
        if (on != null && summary.has("on")) {
            putStats((ObjectNode) summary.get("on"), on, riskFree);
        }
        var offYears = foresto.engine.PathStats.annualReturns(dates, off);
        var onYears = on == null ? null : foresto.engine.PathStats.annualReturns(dates, on);
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

    private static void putStats(ObjectNode side, double[] values, double riskFree) {
        double sharpe = foresto.engine.PathStats.sharpe(values, riskFree);
        double sortino = foresto.engine.PathStats.sortino(values, riskFree);
        if (Double.isNaN(sharpe)) {
            side.putNull("sharpe");
        } else {
            side.put("sharpe", sharpe);
        }
        if (Double.isNaN(sortino)) {
            side.putNull("sortino");
        } else {
            side.put("sortino", sortino);
        }
    }

    /** The response shape shared with the HTTP API. */
    public static ObjectNode backtest(BacktestResult r) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("run_id", r.runId());
        out.put("request_hash", r.requestHash());
        out.put("reused", r.reused());
        out.set("request", Json.mapper().valueToTree(r.request()));
        out.set("off", Json.mapper().valueToTree(r.summary().off()));
        if (r.summary().on() != null) {
            out.set("on", Json.mapper().valueToTree(r.summary().on()));
        }
        out.put("event_count", r.eventCount());
        return out;
    }
}
