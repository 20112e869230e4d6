package foresto.ui.sweep;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.i18n.Messages;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A heatmap cell's hover text gives money as the Cells table does: grouped, two decimals, in both languages. */
@ExtendWith(ApplicationExtension.class)
class HeatmapTooltipTest {
    private final Locale was = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.use(was);
    }

    private static SweepRunner.Result sweep() {
        BacktestService service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true),
                Clock.systemUTC());
        List<UiError> errors = new ArrayList<>();
        MainViewModel main = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        main.load();
        main.startDateProperty().set(LocalDate.of(2012, 1, 3));
        main.initialValueProperty().set("100000");
        SweepViewModel sweep = new SweepViewModel(service, main, TaskExecutor.sameThread(), Runnable::run, errors::add);
        sweep.familyProperty().set(SweepViewModel.Family.ABSOLUTE_BAND);
        sweep.fromProperty().set("0.02");
        sweep.toProperty().set("0.06");
        sweep.stepProperty().set("0.04");
        sweep.costRatesProperty().set("0,0.002");
        sweep.run();
        assertThat(errors).isEmpty();
        return sweep.resultProperty().get();
    }

    @Test
    void moneyInTheHoverTextIsGroupedWithTwoDecimalsInEnglishAndKorean() {
        SweepRunner.Result r = sweep();
        SweepRunner.Row cell = r.at(0, 1);
        double finalValue = cell.metrics().finalValue();
        double off = r.off().finalValue();
        assertThat(finalValue).isGreaterThan(1000);
        String finalText = String.format(Locale.ROOT, "%,.2f", finalValue);
        String offText = String.format(Locale.ROOT, "%,.2f", off);
        String costText = String.format(Locale.ROOT, "%,.2f", cell.metrics().totalCost());
        String dragText = String.format(Locale.ROOT, "%,.2f", cell.costDrag());
        assertThat(finalText).contains(",");
        Heatmap h = new Heatmap();
        h.show(r, Metric.FINAL_VALUE, "");

        Messages.use(Locale.ENGLISH);
        assertThat(h.describe(0, 1)).contains("final value " + finalText + " (OFF " + offText + ")")
                .contains(", cost " + costText).contains("cost drag " + dragText);
        Messages.use(Locale.KOREAN);
        assertThat(h.describe(0, 1)).contains("최종 가치 " + finalText + " (OFF " + offText + ")")
                .contains("거래비용 " + costText).contains("비용 부담 " + dragText);
        // as the Cells table writes them
        assertThat(SweepView.text(Metric.FINAL_VALUE, finalValue)).isEqualTo(finalText);
    }

    @Test
    void theHoverTextWritesTheCellsCostRateAsAPercentageLikeTheAxis() {
        SweepRunner.Result r = sweep();
        Heatmap h = new Heatmap();
        h.show(r, Metric.FINAL_VALUE, "");
        Messages.use(Locale.ENGLISH);
        assertThat(h.describe(0, 1)).contains(" at cost 0.20 %\n").doesNotContain("0.002");
        assertThat(h.describe(0, 0)).contains(" at cost 0.00 %\n");
        Messages.use(Locale.KOREAN);
        assertThat(h.describe(0, 1)).contains(", 비용률 0.20 %\n").doesNotContain("0.002");
    }

    @Test
    void theHoverTextWritesTurnoverPerYearAsTheOtherPerYearFigures() {
        SweepRunner.Result r = sweep();
        Heatmap h = new Heatmap();
        h.show(r, Metric.FINAL_VALUE, "");
        String turnover = SweepView.text(Metric.TURNOVER_PER_YEAR, r.at(0, 1).turnoverPerYear());
        assertThat(turnover).endsWith(" %");
        Messages.use(Locale.ENGLISH);
        assertThat(h.describe(0, 1)).contains(", turnover " + turnover + " a year, ").doesNotContain("/year");
        Messages.use(Locale.KOREAN);
        assertThat(h.describe(0, 1)).contains("회전율 연 " + turnover + ",").doesNotContain("/year");
    }
}
