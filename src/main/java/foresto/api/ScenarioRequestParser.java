package foresto.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestRequest;
import foresto.backtest.CashFlowInput;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.rule.RuleCodec.Column;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the body of POST /api/v1/backtest/scenario strictly: JSON object, known fields only, right types,
 * every problem named by its field. With the flag OFF any rebalancing parameter is REBALANCING_DISABLED.
 */
final class ScenarioRequestParser {
    static final Set<String> FIELDS = Set.of("portfolio_id", "start_date", "end_date", "initial_value",
            "missing_data_policy", "dataset_id", "rebalancing_rule_id", "rule", "base_day", "cost_rate", "check",
            "rebalance_to", "phase", "day_offset", "cash_flows");
    /**
     * The fields of {@code cash_flows} (SEMANTICS §13.1, §13.5): {@code amount} (signed: &gt; 0 a contribution, &lt; 0 a
     * withdrawal) or {@code rate}, the calendar, growth, the limits and ON's {@code flow_allocation}.
     */
    static final Set<String> CASH_FLOW_FIELDS = Set.of("amount", "rate", "frequency", "base_day", "phase", "day_offset",
            "growth", "flows_from", "flows_until", "flow_allocation");
    /** The command line's words for a flow input (as {@link CashFlowInput} names them) → the field of cash_flows. */
    private static final Map<String, String> CASH_FLOW_NAMES = Map.ofEntries(Map.entry("contribution", "amount"),
            Map.entry("withdrawal", "amount"), Map.entry("withdrawal-rate", "rate"),
            Map.entry("flow-frequency", "frequency"), Map.entry("flow-base-day", "base_day"),
            Map.entry("flow-phase", "phase"), Map.entry("flow-day-offset", "day_offset"),
            Map.entry("flow-growth", "growth"), Map.entry("flows-from", "flows_from"),
            Map.entry("flows-until", "flows_until"), Map.entry("flow-allocation", "flow_allocation"));
    /**
     * An inline rule, in the command line's words (SEMANTICS §10, §12.1): rule spec, base day, cost, check calendar,
     * g, and the calendar's phase and day offset.
     */
    static final Set<String> INLINE_RULE_FIELDS = Set.of("rule", "base_day", "cost_rate", "check", "rebalance_to",
            "phase", "day_offset");
    /**
     * The table's column names (those an inline rule does not share): rebalancing parameters for the flag gate,
     * answered with the right field names.
     */
    static final Set<String> COLUMN_RULE_FIELDS = columnRuleFields();

    private ScenarioRequestParser() {
    }

    private static Set<String> columnRuleFields() {
        Set<String> fields = new HashSet<>(Set.of("rule_type", "base_day_policy", "rebalancing_rule"));
        for (Column c : Column.values()) {
            if (!INLINE_RULE_FIELDS.contains(c.column())) {
                fields.add(c.column());
            }
        }
        return Set.copyOf(fields);
    }

    static BacktestRequest parse(String body, FeatureFlags flags) {
        JsonNode root = strictTree(body);
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        for (String f : COLUMN_RULE_FIELDS) {
            if (root.has(f)) {
                flags.requireRebalancingAllowed(f);
                throw invalid(f, "is a column of stored rules; give an inline rule as \"rule\" (e.g. \"drift-hybrid:0.05/0.25\"), "
                        + "\"base_day\", \"cost_rate\", \"check\", \"rebalance_to\", \"phase\", \"day_offset\", or name a stored "
                        + "rule with rebalancing_rule_id");
            }
        }
        for (String f : INLINE_RULE_FIELDS) {
            if (root.has(f)) {
                flags.requireRebalancingAllowed(f);
            }
        }
        if (root.hasNonNull("rebalancing_rule_id")) {
            flags.requireRebalancingAllowed("rebalancing_rule_id");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw invalid(printable(f), "is not a known field (known: " + String.join(", ", new TreeSet<>(FIELDS)) + ")");
            }
        }
        long portfolioId = requiredId(root, "portfolio_id");
        LocalDate start = date(root, "start_date");
        LocalDate end = date(root, "end_date");
        JsonNode iv = required(root, "initial_value");
        if (!iv.isNumber()) {
            throw invalid("initial_value", "must be a number");
        }
        JsonNode policy = required(root, "missing_data_policy");
        if (!policy.isTextual()) {
            throw invalid("missing_data_policy", "must be \"SKIP\" or \"ZERO\"");
        }
        MissingDataPolicy p = switch (policy.asText()) {
            case "SKIP" -> MissingDataPolicy.SKIP;
            case "ZERO" -> MissingDataPolicy.ZERO;
            default -> throw invalid("missing_data_policy", "must be \"SKIP\" or \"ZERO\", got \""
                    + printable(policy.asText()) + "\"");
        };
        return new BacktestRequest(portfolioId, optionalId(root, "dataset_id"), start, end, iv.doubleValue(), p,
                optionalId(root, "rebalancing_rule_id"), inlineRule(root), cashFlows(root));
    }

    /**
     * The flow schedule of {@code cash_flows}, or null when absent (or null); every check the command line makes, each
     * problem named by its field ({@code cash_flows.rate}, …).
     */
    static CashFlowSchedule cashFlows(JsonNode root) {
        JsonNode cf = root.get("cash_flows");
        if (cf == null || cf.isNull()) {
            return null;
        }
        if (!cf.isObject()) {
            throw invalid("cash_flows", "must be an object");
        }
        for (Iterator<String> it = cf.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!CASH_FLOW_FIELDS.contains(f)) {
                throw invalid("cash_flows." + printable(f), "is not a known field (known: "
                        + String.join(", ", new TreeSet<>(CASH_FLOW_FIELDS)) + ")");
            }
        }
        Double amount = optionalNumber(cf, "cash_flows.", "amount");
        Double rate = optionalNumber(cf, "cash_flows.", "rate");
        if (amount != null && rate != null) {
            throw invalid("cash_flows", "takes an amount or a rate, not both");
        }
        if (amount != null && amount == 0) {
            throw invalid("cash_flows.amount", "must be non-zero (> 0 a contribution, < 0 a withdrawal)");
        }
        CashFlowInput in = new CashFlowInput(amount != null && amount > 0 ? amount : null,
                amount != null && amount < 0 ? -amount : null, rate, optionalText(cf, "cash_flows.", "frequency"),
                optionalText(cf, "cash_flows.", "base_day"), optionalInteger(cf, "cash_flows.", "phase"),
                optionalInteger(cf, "cash_flows.", "day_offset"), optionalNumber(cf, "cash_flows.", "growth"),
                optionalText(cf, "cash_flows.", "flows_from"), optionalText(cf, "cash_flows.", "flows_until"),
                optionalText(cf, "cash_flows.", "flow_allocation"));
        if (in.contribution() == null && in.withdrawal() == null && rate == null) {
            throw invalid("cash_flows", "needs an amount or a rate");
        }
        try {
            return in.schedule(key -> "cash_flows." + CASH_FLOW_NAMES.get(key));
        } catch (EngineException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "cash_flows: " + e.getMessage());
        }
    }

    private static RebalancingRule inlineRule(JsonNode root) {
        if (!root.has("rule")) {
            for (String f : INLINE_RULE_FIELDS) {
                if (root.has(f)) {
                    throw invalid(f, "needs \"rule\" (e.g. \"monthly\" or \"drift:0.05\")");
                }
            }
            return null;
        }
        try {
            Integer phase = optionalInteger(root, "phase");
            Integer dayOffset = optionalInteger(root, "day_offset");
            return InlineRule.of(text(root, "rule"), optionalText(root, "base_day"), optionalNumber(root, "cost_rate"),
                    optionalText(root, "check"), optionalNumber(root, "rebalance_to"), phase, dayOffset);
        } catch (ForestoException | EngineException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "rule: " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String field) {
        return text(root, "", field);
    }

    /** {@code field} of {@code root}, named {@code prefix + field} in a message. */
    private static String text(JsonNode root, String prefix, String field) {
        JsonNode n = required(root, prefix, field);
        if (!n.isTextual() || n.asText().chars().anyMatch(Character::isISOControl)) {
            throw invalid(prefix + field, "must be a string without control characters");
        }
        return n.asText();
    }

    private static String optionalText(JsonNode root, String field) {
        return optionalText(root, "", field);
    }

    private static String optionalText(JsonNode root, String prefix, String field) {
        return root.hasNonNull(field) ? text(root, prefix, field) : null;
    }

    private static Integer optionalInteger(JsonNode root, String field) {
        return optionalInteger(root, "", field);
    }

    /** A whole number (2, or 2.0 — not 2.5), in int range; null when absent. */
    private static Integer optionalInteger(JsonNode root, String prefix, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
            throw invalid(prefix + field, "must be a whole number");
        }
        return n.intValue();
    }

    private static Double optionalNumber(JsonNode root, String field) {
        return optionalNumber(root, "", field);
    }

    private static Double optionalNumber(JsonNode root, String prefix, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw invalid(prefix + field, "must be a number");
        }
        return n.doubleValue();
    }

    /**
     * Exactly one JSON value and nothing after it, no key twice. Messages name a position, never a
     * library's internals.
     */
    static JsonNode strictTree(String body) {
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode root = Json.mapper().readTree(p);
            if (root != null && p.nextToken() != null) {
                throw invalid("body", "must be exactly one JSON object; more text follows it at " + where(p.currentLocation()));
            }
            return root;
        } catch (StreamReadException e) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Duplicate field")) {
                throw invalid("body", "has a key twice (" + printable(m.replaceAll("^Duplicate field '(.*)'$", "$1"))
                        + ") at " + where(e.getLocation()));
            }
            throw invalid("body", "is not valid JSON at " + where(e.getLocation()));
        } catch (IOException e) {
            throw invalid("body", "is not valid JSON");
        }
    }

    private static String where(JsonLocation l) {
        return l == null ? "an unknown position" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** A value for an error message: control and format characters shown as escapes, at most 60 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= 60 ? b + "…" : b.toString();
    }

    /** A run id in a path: ASCII digits only (no other scripts' digits, no sign), positive. */
    static long runId(String s) {
        if (s.matches("[0-9]{1,18}") && Long.parseLong(s) > 0) {
            return Long.parseLong(s);
        }
        throw new ForestoException(ErrorCode.INVALID_REQUEST, "run_id must be a positive integer of ASCII digits, got '"
                + printable(s) + "'");
    }

    private static JsonNode required(JsonNode root, String field) {
        return required(root, "", field);
    }

    private static JsonNode required(JsonNode root, String prefix, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw invalid(prefix + field, "is required");
        }
        return n;
    }

    private static long requiredId(JsonNode root, String field) {
        JsonNode n = required(root, field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
            throw invalid(field, "must be a positive integer");
        }
        return n.asLong();
    }

    private static Long optionalId(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : requiredId(root, field);
    }

    private static LocalDate date(JsonNode root, String field) {
        JsonNode n = required(root, field);
        if (!n.isTextual()) {
            throw invalid(field, "must be a date string YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date YYYY-MM-DD, got \"" + printable(n.asText()) + "\"");
        }
    }

    private static ForestoException invalid(String field, String message) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, field + " " + message);
    }
}
