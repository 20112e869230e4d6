package foresto.ui.robust;

import foresto.engine.PeriodsPerYear;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.BootstrapSummary.Quantiles;
import foresto.i18n.Messages;
import foresto.ui.chart.ChartColour;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hovering the Robustness charts reads out the date and the values there: the bootstrap fan chart names A's and B's
 * median and p5/p25/p75/p95 on the hovered day; the premium chart its premium as a percentage.
 */
@ExtendWith(ApplicationExtension.class)
class FanReadoutTest {
    private final PathChart chart = new PathChart();
    private final Locale before = Messages.locale();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(chart), 700, 360));
        stage.show();
    }

    @AfterEach
    void restore() {
        Messages.use(before);
    }

    /** Three days; A's percentiles on day i are 1000 + 100·i + 10·k (k = 0 … 4), B's 500 + the same. */
    private static BootstrapFigures figures() {
        LocalDate[] dates = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4)};
        double[][] a = new double[5][3];
        double[][] b = new double[5][3];
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < 3; i++) {
                a[k][i] = 1000 + 100 * i + 10 * k;
                b[k][i] = 500 + 100 * i + 10 * k;
            }
        }
        Quantiles q = new Quantiles(0, 0, 0, 0, 0);
        BootstrapStudy.Result r = new BootstrapStudy.Result(PeriodsPerYear.DAILY, 2, 5, 7L, dates,
                new double[] {1, 1}, new double[] {1, 1}, 0.5, 0.01, q, q, a, b);
        return new BootstrapFigures(r, "monthly", "OFF", true, 1000, "", new double[] {0, 0});
    }

    private void show(FxRobot robot, PathChart.Content c) {
        robot.interact(() -> {
            chart.setContent(c);
            chart.resize(700, 360);
            chart.layout();
        });
    }

    @Test
    void hoveringTheFanChartNamesTheDateAndEachSidesPercentiles(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        show(robot, RobustnessCharts.fan(figures()));
        assertThat(chart.readoutText()).as("nothing hovered yet").isEmpty();
        // the middle of the plot is the middle day
        double[] mid = {chart.getWidth() / 2, chart.getHeight() / 2};
        robot.interact(() -> chart.hover(mid[0], mid[1]));
        String text = chart.readoutText();
        assertThat(text.split("\n")).containsExactly(
                "2024-01-03",
                "A median (monthly): 1,120.00",
                "A p5 1,100.00 · p25 1,110.00 · p75 1,130.00 · p95 1,140.00",
                "B median (OFF): 620.00",
                "B p5 600.00 · p25 610.00 · p75 630.00 · p95 640.00");
        // the plot's right edge is the last day; outside the plot nothing is read out
        robot.interact(() -> chart.hover(chart.getWidth() - 15, mid[1]));
        assertThat(chart.readoutText()).startsWith("2024-01-04\nA median (monthly): 1,220.00");
        robot.interact(() -> chart.hover(2, mid[1]));
        assertThat(chart.readoutText()).isEmpty();
    }

    @Test
    void theFanReadoutIsInKoreanOnTheKoreanScreen(FxRobot robot) {
        Messages.use(Locale.KOREAN);
        List<String> lines = RobustnessCharts.fanReadout(figures(), 0);
        assertThat(lines).containsExactly("A 중앙값 (monthly): 1,020.00",
                "A p5 1,000.00 · p25 1,010.00 · p75 1,030.00 · p95 1,040.00",
                "B 중앙값 (OFF): 520.00", "B p5 500.00 · p25 510.00 · p75 530.00 · p95 540.00");
    }

    @Test
    void aChartWithoutItsOwnReadoutReadsOutItsNamedFullStrengthLines(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        double[] x = {LocalDate.of(2020, 1, 1).toEpochDay(), LocalDate.of(2020, 2, 1).toEpochDay()};
        PathChart.Content c = new PathChart.Content(x, List.of(), List.of(
                new PathChart.Series("a crowd", new double[] {9, 9}, ChartColour.ON, 0.45, 1, false),
                new PathChart.Series("Premium", new double[] {0.0125, -0.003}, ChartColour.ON, 1, 1, true)),
                0, "zero", true, "CAGR");
        show(robot, c);
        robot.interact(() -> chart.hover(chart.getWidth() - 20, chart.getHeight() / 2));
        assertThat(chart.readoutText()).isEqualTo("2020-02-01\nPremium: -0.30 %");
    }

    @Test
    void thePremiumReadoutWritesPercentagePointsInBothLanguages() {
        double[] premiums = {0.0125, -0.003};
        Messages.use(Locale.ENGLISH);
        assertThat(RobustnessCharts.premiumReadout(premiums, 0)).containsExactly("Premium (CAGR ON − OFF): +1.25 %p");
        assertThat(RobustnessCharts.premiumReadout(premiums, 1)).containsExactly("Premium (CAGR ON − OFF): -0.30 %p");
        Messages.use(Locale.KOREAN);
        assertThat(RobustnessCharts.premiumReadout(premiums, 1)).containsExactly("초과수익 (연평균 수익률 ON − OFF): -0.30 %p");
    }
}
