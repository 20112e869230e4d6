package foresto.backtest;

import foresto.engine.CashFlowSchedule;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Weights;
import foresto.rule.RuleCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * request_hash (SEMANTICS §8): SHA-256, lower-case hex, of the canonical JSON of everything that decides a
 * run's numbers. Only when rebalancing is ON does the document carry the {@code rebalancing} key (rule
 * parameters and cost rate), so OFF requests keep their Phase 1 form; only with a flow schedule does it carry the
 * {@code cash_flows} key (SEMANTICS §13.5), so a request without one hashes as it always did.
 *
 * @param portfolioId null for a DB-free run (the simulate command), where only the weights identify it
 * @param cashFlows   the flow schedule, null for none
 */
public record RequestHash(Long portfolioId, Weights weights, LocalDate start, LocalDate end, double initialValue,
                          String marketDataFingerprint, MissingDataPolicy missingDataPolicy,
                          Optional<RebalancingRule> rule, CashFlowSchedule cashFlows) {

    /** A request without a flow schedule. */
    public RequestHash(Long portfolioId, Weights weights, LocalDate start, LocalDate end, double initialValue,
                       String marketDataFingerprint, MissingDataPolicy missingDataPolicy,
                       Optional<RebalancingRule> rule) {
        this(portfolioId, weights, start, end, initialValue, marketDataFingerprint, missingDataPolicy, rule, null);
    }

    /** How drift is measured: after the close's returns (end of day). Fixed in Phase 2, hashed anyway. */
    public static final String DRIFT_CALC_ORDER = "EOD";

    /**
     * SEMANTICS §11: bumped whenever a change to the contract changes any number a stored run holds, so no run
     * computed under older rules is reused. 2: ZERO drops dates on which no held class traded (2026-12-01). 3: annualised
     * figures use the periods per year f of the data's calendar instead of 252 (§5, 2026-12-07).
     */
    public static final int SEMANTICS_VERSION = 3;

    public Map<String, Object> document() {
        Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("id", portfolioId);
        portfolio.put("weights", weights.byCode());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("portfolio", portfolio);
        doc.put("start_date", start);
        doc.put("end_date", end);
        doc.put("initial_value", initialValue);
        doc.put("market_data", marketDataFingerprint);
        doc.put("missing_data_policy", missingDataPolicy);
        doc.put("drift_calc_order", DRIFT_CALC_ORDER);
        doc.put("semantics_version", SEMANTICS_VERSION);
        rule.ifPresent(r -> doc.put("rebalancing", RuleCodec.hashParameters(r)));
        if (cashFlows != null) {
            doc.put("cash_flows", cashFlows(cashFlows, rule.isPresent()));
        }
        return doc;
    }

    /**
     * A schedule's hashed form: kind (AMOUNT or RATE) with its amount or rate, the calendar (frequency, base day,
     * phase, day offset), growth, the from/until limits (null when open) and, with a rule, ON's flow allocation as
     * the ON path uses it (not given = toward-target, the same numbers).
     */
    static Map<String, Object> cashFlows(CashFlowSchedule s, boolean withRule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.amount() != null ? "AMOUNT" : "RATE");
        m.put(s.amount() != null ? "amount" : "rate", s.amount() != null ? s.amount() : s.rate());
        m.put("frequency", s.frequency());
        m.put("base_day", s.baseDay());
        m.put("phase", s.phase());
        m.put("day_offset", s.dayOffset());
        m.put("growth", s.growth());
        m.put("flows_from", s.from());
        m.put("flows_until", s.until());
        if (withRule) {
            m.put("flow_allocation", s.onAllocation());
        }
        return m;
    }

    public String canonicalJson() {
        return CanonicalJson.write(document());
    }

    public String hex() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
