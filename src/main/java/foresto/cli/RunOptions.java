package foresto.cli;

import foresto.backtest.Backend;
import foresto.backtest.BacktestRequest;
import foresto.backtest.FeatureFlags;
import foresto.config.AppConfig;
import foresto.backtest.InlineRule;
import foresto.engine.CashFlowSchedule;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** The options that describe a stored backtest, shared by {@code run} and {@code report}. */
final class RunOptions {
    @Option(names = "--portfolio", required = true, paramLabel = "NAME_OR_ID")
    String portfolio;
    @Option(names = "--rule", paramLabel = "NAME", description = "rebalancing rule by name (needs USE_REBALANCING=1)")
    String rule;
    @Option(names = "--rule-id", paramLabel = "ID", description = "rebalancing rule by id (needs USE_REBALANCING=1)")
    Long ruleId;
    @Option(names = "--rule-spec", paramLabel = "SPEC", description = "an inline rule instead of a stored one: monthly, "
            + "quarterly, semiannual, annual, drift:θ, drift-rel:ρ, drift-hybrid:θ/ρ (needs USE_REBALANCING=1)")
    String ruleSpec;
    @Option(names = "--cost-rate", paramLabel = "RATE", description = "with --rule-spec: cost rate (default 0.001)")
    Double costRate;
    @Mixin
    RuleShapeOptions shape;
    @Option(names = "--start", paramLabel = "YYYY-MM-DD")
    String start;
    @Option(names = "--end", paramLabel = "YYYY-MM-DD")
    String end;
    @Option(names = "--initial-value", paramLabel = "V", defaultValue = "1")
    double initialValue;
    @Option(names = "--missing", paramLabel = "skip|zero", defaultValue = "skip")
    String missing;
    @Option(names = "--dataset", paramLabel = "NAME_OR_ID", description = "market dataset (default: the sample dataset)")
    String dataset;
    @Mixin
    CashFlowOptions cashFlows;

    /** Checks what needs no database (the flag gate first, so a disabled rule never starts the database). */
    void validate(AppConfig config) {
        String inlineOption = ruleSpec != null ? "--rule-spec" : costRate != null ? "--cost-rate" : shape.firstGiven();
        if (rule != null || ruleId != null || inlineOption != null) {
            FeatureFlags.from(config).requireRebalancingAllowed(rule != null ? "--rule" : ruleId != null ? "--rule-id" : inlineOption);
        }
        if ((rule != null ? 1 : 0) + (ruleId != null ? 1 : 0) + (ruleSpec != null ? 1 : 0) > 1) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "give one of --rule NAME, --rule-id ID or --rule-spec SPEC, not both");
        }
        if (inlineOption != null && ruleSpec == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, inlineOption + " goes with --rule-spec");
        }
        inlineRule();
        MissingDataPolicy.parse(missing);
        dates();
        CashFlowSchedule schedule = cashFlows.schedule();
        if (schedule != null) {
            schedule.requireRuleFor(rule != null || ruleId != null || ruleSpec != null);
        }
    }

    private LocalDate[] dates() {
        return new LocalDate[] {start == null ? null : SimulateCommand.parseDate("--start", start),
                end == null ? null : SimulateCommand.parseDate("--end", end)};
    }

    /** Resolves names to ids against the database. */
    BacktestRequest request(Backend backend) {
        var svc = backend.backtests();
        Long chosenRule = rule == null ? ruleId : Long.valueOf(Lookup.ruleByName(backend.rules().all(), rule));
        Long datasetId = dataset == null ? null : Lookup.dataset(svc, dataset);
        LocalDate[] d = dates();
        return new BacktestRequest(Lookup.portfolio(svc, portfolio), datasetId, d[0], d[1], initialValue,
                MissingDataPolicy.parse(missing), chosenRule, inlineRule(), cashFlows.schedule());
    }

    private RebalancingRule inlineRule() {
        return ruleSpec == null ? null : InlineRule.of(ruleSpec, shape.baseDay(), costRate, shape.check(), shape.rebalanceTo, shape.phase,
                shape.dayOffset);
    }
}
