package foresto.ui.sweep;

import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A swept cell's rule reads in the rules editor's words, in the screen's language, not as its spec ("drift:0.04"),
 * and its cost rate as the heatmap's cost axis writes it: the heatmap's rows and the comparison chart's legend.
 */
@ExtendWith(ApplicationExtension.class)
class CellWordsTest {
    private final Locale was = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.use(was);
    }

    private static SweepRunner.Row row(String spec, double cost, String check, Double rebalanceTo) {
        return new SweepRunner.Row(spec, cost, check, rebalanceTo, new Metrics(1, 0, 0, 0, 0, 0, 0, 0), 0, 0, 0, null, null);
    }

    @Test
    void eachBandKindAndCalendarInWordsInBothLanguages() {
        Messages.use(Locale.ENGLISH);
        assertThat(CellWords.rule(row("drift:0.04", 0, "daily", 0.0))).isEqualTo("Drift ≥ 4 %p");
        assertThat(CellWords.rule(row("drift-rel:0.25", 0, "daily", 0.0))).isEqualTo("Drift ≥ 25 % of target");
        assertThat(CellWords.rule(row("drift-hybrid:0.05/0.25", 0, "daily", 0.0))).isEqualTo("Drift ≥ min(5 %p, 25 % of target)");
        assertThat(CellWords.rule(row("quarterly", 0.001, null, null))).isEqualTo("Periodic, quarterly");
        Messages.use(Locale.KOREAN);
        assertThat(CellWords.rule(row("drift:0.04", 0, "daily", 0.0))).isEqualTo("드리프트 ≥ 4 %p");
        assertThat(CellWords.rule(row("drift-rel:0.25", 0, "daily", 0.0))).isEqualTo("드리프트 ≥ 목표 비중의 25 %");
        assertThat(CellWords.rule(row("quarterly", 0.001, null, null))).isEqualTo("정기, 분기마다");
    }

    @Test
    void theComparisonNamesACellByItsRuleInWordsAndItsCostRateAsAPercentage() {
        Messages.use(Locale.ENGLISH);
        assertThat(CellWords.cell(row("drift:0.04", 0.002, "daily", 0.0))).isEqualTo("Drift ≥ 4 %p at cost 0.20 %");
        assertThat(CellWords.cell(row("drift:0.04", 0, "daily", 0.0))).isEqualTo("Drift ≥ 4 %p at cost 0.00 %");
        Messages.use(Locale.KOREAN);
        assertThat(CellWords.cell(row("drift:0.04", 0.002, "daily", 0.0))).isEqualTo("드리프트 ≥ 4 %p, 비용률 0.20 %");
    }

    @Test
    void everyPercentageOfTheHoverTextHasTwoDecimalsAsInTheCellsTable() {
        SweepRunner.Row cell = new SweepRunner.Row("drift:0.04", 0.002, "daily", 0.0,
                new Metrics(92413.45, 1.9, 0.04531, 0.08544, 0.21236, 1234, 1.93, 147.78), 0.0772, 0.003241, 259.69, null, null);
        SweepRunner.Result r = new SweepRunner.Result(new Metrics(1, 0, 0, 0, 0, 0, 0, 0), List.of("drift:0.04"), List.of(0.002),
                List.of(cell), PeriodsPerYear.DAILY, new LocalDate[0], null);
        Heatmap h = new Heatmap();
        h.show(r, Metric.FINAL_VALUE, "");
        Messages.use(Locale.ENGLISH);
        assertThat(h.ruleWords()).containsExactly("Drift ≥ 4 %p");
        assertThat(h.describe(0, 0).split("\n")).startsWith("Drift ≥ 4 %p at cost 0.20 %", "final value 92,413.45 (OFF 1.00)",
                "CAGR 4.53 %, volatility 8.54 %, max drawdown 21.24 %", "1,234 events, turnover 7.72 % a year, cost 147.78",
                "tracking error 0.32 %, cost drag 259.69");
        Messages.use(Locale.KOREAN);
        assertThat(h.describe(0, 0).split("\n")).startsWith("드리프트 ≥ 4 %p, 비용률 0.20 %", "최종 가치 92,413.45 (OFF 1.00)",
                "연평균 수익률 4.53 %, 변동성 8.54 %, 최대 낙폭 21.24 %", "이벤트 1,234건, 회전율 연 7.72 %, 거래비용 147.78",
                "추적오차 0.32 %, 비용 부담 259.69");
    }
}
