package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.i18n.Messages;
import foresto.model.DatasetRecord;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored run's rule reads in words where people read it (History, status line), never as "inline drift:0.04". */
class RunRuleWordsTest {
    private final BacktestService service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true),
            Clock.systemUTC());

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private RunRecord run(Long ruleId, RebalancingRule inline) {
        long portfolio = service.portfolios().get(0).portfolioId();
        DatasetRecord data = service.datasets().get(0);
        BacktestRequest req = new BacktestRequest(portfolio, data.datasetId(), LocalDate.of(2012, 1, 3), LocalDate.of(2013, 12, 31),
                10_000.0, MissingDataPolicy.SKIP, ruleId, inline);
        return service.findRun(service.run(req).runId());
    }

    @Test
    void anInlineRuleReadsInWordsWithItsCostAndAStoredRuleByItsName() {
        RebalancingRule absolute = new RebalancingRule.Drift(0.04, BaseDayPolicy.FIRST_TRADING_DAY, 0.002,
                BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0);
        RunRecord inline = run(null, absolute);
        assertThat(inline.request().ruleName()).isEqualTo("inline drift:0.04"); // stored as the spec, for scripts
        assertThat(RunHistory.ruleText(inline)).isEqualTo("Drift ≥ 4 %p, cost 0.20 %");
        Messages.use(Locale.KOREAN);
        assertThat(RunHistory.ruleText(inline)).isEqualTo("드리프트 ≥ 4 %p, 비용 0.20 %");
        Messages.use(Locale.ENGLISH);

        RebalancingRule relative = new RebalancingRule.Drift(Double.NaN, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
                BandKind.RELATIVE, 0.2, CheckFrequency.DAILY, 0);
        assertThat(RunHistory.ruleText(run(null, relative))).isEqualTo("Drift ≥ 20 % of target, cost 0.10 %");

        RuleRecord stored = service.usableRules().get(0);
        assertThat(RunHistory.ruleText(run(stored.ruleId(), null))).isEqualTo(stored.ruleName());
        assertThat(RunHistory.ruleText(run(null, null))).isEqualTo("OFF");
    }
}
