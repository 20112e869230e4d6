package foresto.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.BacktestRequest;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.StudyKind;
import foresto.backtest.StudyRequest;
import foresto.engine.EngineException;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of POST /api/v1/backtest/robustness strictly: the scenario and rule A exactly as the scenario route
 * takes them ({@link ScenarioRequestParser}), plus {@code kind} and the kind's own parameters in the command line's
 * words; a parameter of another kind is refused by name. Every study runs a rule, so with the flag OFF the whole
 * route is REBALANCING_DISABLED.
 */
final class RobustnessRequestParser {
    /** The study's fields per kind (besides the scenario's and {@code kind}). */
    static final Map<StudyKind, Set<String>> KIND_FIELDS = Map.of(
            StudyKind.TIMING, Set.of("phases", "offsets"),
            StudyKind.WINDOWS, Set.of("length_months", "step_months"),
            StudyKind.BOOTSTRAP, Set.of("versus", "versus_rule_id", "paths", "block", "seed", "per_path"));
    private static final BigInteger MAX_SEED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private RobustnessRequestParser() {
    }

    /** A parsed request and whether a bootstrap's every path is to be listed. */
    record Parsed(StudyRequest request, boolean perPath) {
    }

    static Parsed parse(String body, FeatureFlags flags) {
        flags.requireRebalancingAllowed("kind"); // a study always runs a rule
        JsonNode root = ScenarioRequestParser.strictTree(body);
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        ObjectNode rest = root.deepCopy();
        StudyKind kind = kind(rest.remove("kind"));
        ObjectNode own = Json.mapper().createObjectNode();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            boolean ofAKind = KIND_FIELDS.values().stream().anyMatch(s -> s.contains(f));
            if (ofAKind) {
                if (!KIND_FIELDS.get(kind).contains(f)) {
                    throw invalid(f, "is not a parameter of a " + kind.key() + " study (its parameters: "
                            + String.join(", ", KIND_FIELDS.get(kind).stream().sorted().toList()) + ")");
                }
                own.set(f, rest.remove(f));
            }
        }
        BacktestRequest scenario = ScenarioRequestParser.parse(Json.write(rest), flags);
        StudyRequest req = switch (kind) {
            case TIMING -> StudyRequest.timing(scenario, set(own, "phases"), set(own, "offsets"));
            case WINDOWS -> {
                if (!own.hasNonNull("length_months")) {
                    throw invalid("length_months", "is required for a windows study (the window length in months)");
                }
                yield StudyRequest.windows(scenario, integer(own, "length_months"), integer(own, "step_months"));
            }
            case BOOTSTRAP -> StudyRequest.bootstrap(scenario, versusRuleId(own), versus(own, root),
                    integer(own, "paths"), number(own, "block"), seed(own));
        };
        JsonNode perPath = own.get("per_path");
        if (perPath != null && !perPath.isNull() && !perPath.isBoolean()) {
            throw invalid("per_path", "must be true or false");
        }
        return new Parsed(req, perPath != null && perPath.asBoolean(false));
    }

    private static StudyKind kind(JsonNode n) {
        if (n == null || n.isNull()) {
            throw invalid("kind", "is required: \"timing\", \"windows\" or \"bootstrap\"");
        }
        if (n.isTextual()) {
            for (StudyKind k : StudyKind.values()) {
                if (k.key().equals(n.asText())) {
                    return k;
                }
            }
        }
        throw invalid("kind", "must be \"timing\", \"windows\" or \"bootstrap\", got "
                + ScenarioRequestParser.printable(n.toString()));
    }

    /** A list of whole numbers, e.g. [0, 1, 2]; null when absent. */
    private static int[] set(JsonNode own, String field) {
        JsonNode n = own.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw invalid(field, "must be a non-empty list of whole numbers, e.g. [0, 1, 2]");
        }
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = whole(n.get(i), field);
        }
        return out;
    }

    private static Integer integer(JsonNode own, String field) {
        JsonNode n = own.get(field);
        return n == null || n.isNull() ? null : whole(n, field);
    }

    private static int whole(JsonNode n, String field) {
        if (!n.isNumber() || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
            throw invalid(field, "must be a whole number (or a list of them)");
        }
        return n.intValue();
    }

    private static Double number(JsonNode own, String field) {
        JsonNode n = own.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw invalid(field, "must be a number");
        }
        return n.doubleValue();
    }

    /** An unsigned 64-bit integer, as a JSON number or a decimal string (0 … 18446744073709551615). */
    private static Long seed(JsonNode own) {
        JsonNode n = own.get("seed");
        if (n == null || n.isNull()) {
            return null;
        }
        BigInteger v = null;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else if (n.isTextual() && n.asText().matches("[0-9]{1,20}")) {
            v = new BigInteger(n.asText());
        }
        if (v == null || v.signum() < 0 || v.compareTo(MAX_SEED) > 0) {
            throw invalid("seed", "must be an unsigned 64-bit integer (0 … 18446744073709551615)");
        }
        return v.longValue(); // the same 64 bits
    }

    private static Long versusRuleId(JsonNode own) {
        JsonNode n = own.get("versus_rule_id");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
            throw invalid("versus_rule_id", "must be a positive integer");
        }
        return n.asLong();
    }

    /** Rule B given inline, with rule A's shape fields and cost rate (as the command line's --versus); null for off. */
    private static RebalancingRule versus(JsonNode own, JsonNode root) {
        JsonNode n = own.get("versus");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().chars().anyMatch(Character::isISOControl)) {
            throw invalid("versus", "must be \"off\" or a rule spec such as \"quarterly\"");
        }
        if (own.hasNonNull("versus_rule_id")) {
            throw invalid("versus", "and versus_rule_id name rule B twice; give one");
        }
        String spec = n.asText().trim();
        if (spec.toLowerCase(Locale.ROOT).equals("off")) {
            return null;
        }
        try {
            return InlineRule.of(spec, text(root, "base_day"), num(root, "cost_rate"), text(root, "check"),
                    num(root, "rebalance_to"), root.hasNonNull("phase") ? whole(root.get("phase"), "phase") : null,
                    root.hasNonNull("day_offset") ? whole(root.get("day_offset"), "day_offset") : null);
        } catch (ForestoException | EngineException e) {
            throw new ForestoException(ErrorCode.INVALID_RULE, "versus: " + e.getMessage());
        }
    }

    // rule A's fields were checked by the scenario parser already: these only read them again
    private static String text(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).asText() : null;
    }

    private static Double num(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).doubleValue() : null;
    }

    private static ForestoException invalid(String field, String message) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, field + " " + message);
    }
}
