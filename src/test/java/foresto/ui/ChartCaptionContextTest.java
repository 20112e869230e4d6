package foresto.ui;

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
import foresto.model.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved picture's caption names a rule given inline (a sweep cell's) in words, as its legend does. */
class ChartCaptionContextTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void anInlineRulesCaptionReadsInWordsInBothLanguages() {
        BacktestService service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true), Clock.systemUTC());
        RebalancingRule rule = new RebalancingRule.Drift(Double.NaN, BaseDayPolicy.FIRST_TRADING_DAY, 0.002,
                BandKind.RELATIVE, 0.2, CheckFrequency.DAILY, 0);
        BacktestRequest req = new BacktestRequest(service.portfolios().get(0).portfolioId(), service.datasets().get(0).datasetId(),
                LocalDate.of(2012, 1, 3), LocalDate.of(2012, 12, 31), 10_000.0, MissingDataPolicy.SKIP, null, rule);
        RunRecord run = service.findRun(service.run(req).runId());
        assertThat(run.request().ruleName()).isEqualTo("inline drift-rel:0.2");
        Messages.use(Locale.ENGLISH);
        assertThat(ChartCaption.context(run)).contains(", rule Drift ≥ 20 % of target, cost 0.20 %, data ")
                .doesNotContain("inline").doesNotContain("drift-rel");
        Messages.use(Locale.KOREAN);
        assertThat(ChartCaption.context(run)).contains(", 규칙 드리프트 ≥ 목표 비중의 20 %, 비용 0.20 %, 데이터 ")
                .doesNotContain("inline");
    }
}
