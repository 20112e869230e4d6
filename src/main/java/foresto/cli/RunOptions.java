package foresto.cli;

import foresto.backtest.Backend;
import foresto.backtest.BacktestRequest;
import foresto.backtest.FeatureFlags;
import foresto.config.AppConfig;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
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

    /** Checks what needs no database (the flag gate first, so a disabled rule never starts the database). */
    void validate(AppConfig config) {
        if (rule != null || ruleId != null) {
            FeatureFlags.from(config).requireRebalancingAllowed(rule != null ? "--rule" : "--rule-id");
        }
        if (rule != null && ruleId != null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "give --rule NAME or --rule-id ID, not both");
        }
        MissingDataPolicy.parse(missing);
        dates();
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
                MissingDataPolicy.parse(missing), chosenRule);
    }
}
