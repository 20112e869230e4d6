package foresto.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InlineRule;
import foresto.backtest.RequestHash;
import foresto.backtest.ResultJson;
import foresto.engine.CashFlowSchedule;
import foresto.engine.MarketData;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Runs the engine on a returns CSV without a database; prints one JSON object. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate OFF (buy-and-hold) and, with --rule, ON paths on a returns CSV, optionally with "
                + "contributions or withdrawals. No database.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    FileScenarioOptions scenarioOptions;

    @Option(names = "--rule", paramLabel = "SPEC", description = "rebalancing rule (needs USE_REBALANCING=1): monthly, "
            + "quarterly, semiannual, annual, drift:θ, drift-rel:ρ or drift-hybrid:θ/ρ")
    String rule;

    @Mixin
    RuleShapeOptions shape;

    @Option(names = "--cost-rate", paramLabel = "RATE", description = "fixed cost rate per unit of turnover (default 0.001)")
    Double costRate;

    @Option(names = "--path", description = "include the daily value paths")
    boolean withPath;

    @Mixin
    CashFlowOptions cashFlows;

    @Override
    public Integer call() {
        FeatureFlags flags = FeatureFlags.from(main.config());
        Optional<RebalancingRule> parsedRule = parseRule(flags);
        CashFlowSchedule schedule = cashFlows.schedule();
        if (schedule != null) {
            schedule.requireRuleFor(parsedRule.isPresent());
        }
        List<String> unused = unusedOptions();
        FileScenarioOptions.Loaded in = scenarioOptions.load();
        MarketData data = in.data();
        Scenario scenario = in.scenario();

        SimulationResult result = ScenarioSimulation.run(data, scenario, parsedRule, schedule, false);
        RequestHash hash = new RequestHash(null, scenario.targets(), scenario.start(), scenario.end(), scenario.initialValue(),
                data.fingerprint(), scenario.missingDataPolicy(), parsedRule, schedule);

        ObjectNode out = Json.mapper().createObjectNode();
        out.put("request_hash", hash.hex());
        ResultJson.putPeriodsPerYear(out, result.off().periodsPerYear());
        ResultJson.putWindow(out, result.off().dates());
        if (!unused.isEmpty()) {
            unused.forEach(out.putArray("unused_options")::add);
        }
        out.set("off", side(result.off()));
        result.on().ifPresent(on -> out.set("on", side(on)));
        spec.commandLine().getOut().println(Json.write(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A path's JSON, with the flow keys when the run has a schedule. */
    private ObjectNode side(PathResult p) {
        ObjectNode o = ResultJson.path(p, withPath);
        if (p.hasCashFlows()) {
            CashFlowOptions.put(o, p.cashFlows());
        }
        return o;
    }

    /**
     * The rule options given without {@code --rule} that an OFF-only run accepts and ignores, so a script can pass the
     * same flags to every run: {@code --base-day} (its word still checked) and {@code --cost-rate}. Listed in the JSON
     * as {@code unused_options}; the other rule options still need {@code --rule}.
     */
    private List<String> unusedOptions() {
        List<String> unused = new ArrayList<>();
        if (rule == null && shape.baseDay != null) {
            InlineRule.baseDay(shape.baseDay());
            unused.add("--base-day");
        }
        if (rule == null && costRate != null) {
            unused.add("--cost-rate");
        }
        return unused;
    }

    private Optional<RebalancingRule> parseRule(FeatureFlags flags) {
        String param = rule != null ? "--rule" : shape.check != null ? "--check"
                : shape.rebalanceTo != null ? "--rebalance-to" : shape.phase != null ? "--phase"
                : shape.dayOffset != null ? "--day-offset" : null;
        if (param == null) {
            return Optional.empty();
        }
        flags.requireRebalancingAllowed(param);
        if (rule == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, param + " needs --rule");
        }
        return Optional.of(InlineRule.of(rule, shape.baseDay(), costRate, shape.check(), shape.rebalanceTo, shape.phase,
                shape.dayOffset));
    }

    static Weights parseWeights(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "--weights takes CODE=WEIGHT pairs, got '" + part + "'");
            }
            String code = kv[0].trim();
            try {
                if (m.put(code, Double.parseDouble(kv[1].trim())) != null) {
                    throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "asset class " + code + " given twice");
                }
            } catch (NumberFormatException e) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weight of " + code + " is not a number: '" + kv[1] + "'");
            }
        }
        return Weights.ofCodes(m);
    }

    static LocalDate parseDate(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, option + " must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }
}
