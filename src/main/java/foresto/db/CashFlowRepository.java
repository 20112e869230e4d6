package foresto.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.CashFlow;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.RunFlows;
import foresto.model.SideFlows;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's cash flows (SEMANTICS §13.5): the {@code run_cash_flow} rows (run, side, date: the signed amount and the
 * per-class bought/sold) and the side totals in {@code simulation_run.cash_flow_totals}. Written in the run's own
 * transaction; a run without a schedule has neither.
 */
public final class CashFlowRepository {
    private static final TypeReference<LinkedHashMap<String, Double>> TRADES = new TypeReference<>() {
    };
    private final DataSource ds;

    public CashFlowRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Writes the flows and totals of the run {@code runId}, just inserted on {@code c}. */
    public static void insert(Connection c, long runId, RunFlows flows) throws SQLException {
        ObjectNode totals = Json.mapper().createObjectNode();
        totals.set("off", totals(flows.off()));
        if (flows.on() != null) {
            totals.set("on", totals(flows.on()));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE simulation_run SET cash_flow_totals = ?::jsonb "
                + "WHERE simulation_run_id = ?")) {
            ps.setString(1, Json.write(totals));
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_cash_flow (simulation_run_id, side, flow_date, "
                + "amount, trades) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            addRows(ps, runId, "OFF", flows.off());
            if (flows.on() != null) {
                addRows(ps, runId, "ON", flows.on());
            }
            ps.executeBatch();
        }
    }

    private static void addRows(PreparedStatement ps, long runId, String side, SideFlows s) throws SQLException {
        for (CashFlow f : s.flows()) {
            ps.setLong(1, runId);
            ps.setString(2, side);
            ps.setObject(3, f.date());
            ps.setDouble(4, f.amount());
            ps.setString(5, Json.write(f.trades()));
            ps.addBatch();
        }
    }

    private static ObjectNode totals(SideFlows s) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("contributed", s.contributed());
        o.put("withdrawn", s.withdrawn());
        o.put("net_flow", s.netFlow());
        o.put("depleted_on", s.depletedOn() == null ? null : s.depletedOn().toString());
        o.put("twr_total", s.twrTotal());
        o.put("twr_cagr", s.twrCagr());
        o.put("mwr", s.mwr());
        return o;
    }

    /** The stored run's flows; empty for a run without a schedule or an unknown run. */
    public Optional<RunFlows> find(long runId) {
        return Jdbc.query(ds, "reading the cash flows of run " + runId, c -> {
            JsonNode totals;
            try (PreparedStatement ps = c.prepareStatement("SELECT cash_flow_totals::text FROM simulation_run "
                    + "WHERE simulation_run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        return Optional.empty();
                    }
                    totals = Json.mapper().readTree(rs.getString(1));
                } catch (JsonProcessingException e) {
                    throw unreadable(runId, e);
                }
            }
            Map<String, List<CashFlow>> rows = new LinkedHashMap<>();
            rows.put("OFF", new ArrayList<>());
            rows.put("ON", new ArrayList<>());
            try (PreparedStatement ps = c.prepareStatement("SELECT side, flow_date, amount, trades::text FROM run_cash_flow "
                    + "WHERE simulation_run_id = ? ORDER BY side, flow_date")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getString(1)).add(new CashFlow(rs.getObject(2, LocalDate.class), rs.getDouble(3),
                                Json.mapper().readValue(rs.getString(4), TRADES)));
                    }
                } catch (JsonProcessingException e) {
                    throw unreadable(runId, e);
                }
            }
            SideFlows on = totals.has("on") ? side(totals.get("on"), rows.get("ON")) : null;
            return Optional.of(new RunFlows(side(totals.get("off"), rows.get("OFF")), on));
        });
    }

    private static SideFlows side(JsonNode t, List<CashFlow> flows) {
        JsonNode depleted = t.get("depleted_on");
        JsonNode mwr = t.get("mwr");
        return new SideFlows(flows, t.get("contributed").doubleValue(), t.get("withdrawn").doubleValue(),
                t.get("net_flow").doubleValue(), depleted == null || depleted.isNull() ? null : LocalDate.parse(depleted.asText()),
                t.get("twr_total").doubleValue(), t.get("twr_cagr").doubleValue(),
                mwr == null || mwr.isNull() ? null : mwr.doubleValue());
    }

    private static ForestoException unreadable(long runId, JsonProcessingException e) {
        return new ForestoException(ErrorCode.DATABASE_ERROR, "stored run " + runId + " has unreadable cash flows: "
                + e.getOriginalMessage(), e);
    }

    /** The number of stored flow rows (every run). */
    public int count() {
        return Jdbc.query(ds, "counting cash flows", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM run_cash_flow");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
