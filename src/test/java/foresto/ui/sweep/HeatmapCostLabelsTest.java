package foresto.ui.sweep;

import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.backtest.SweepSpec;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Scenario;
import foresto.engine.Weights;
import foresto.i18n.Messages;
import foresto.sample.SyntheticMarket;
import javafx.geometry.Rectangle2D;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The heatmap's cost-rate axis writes each rate as a percentage, and every column's when the labels fit. */
@ExtendWith(ApplicationExtension.class)
class HeatmapCostLabelsTest {
    private static final MarketData DATA = SyntheticMarket.generate(LocalDate.of(2018, 1, 2), LocalDate.of(2019, 12, 31), 11);
    private static final Scenario SCENARIO = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4)),
            DATA.firstDate(), DATA.lastDate(), 100, MissingDataPolicy.SKIP);
    private final Heatmap map = new Heatmap();
    private final Locale before = Messages.locale();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(map), 900, 400));
        stage.show();
    }

    @AfterEach
    void restore() {
        Messages.use(before);
    }

    private void show(FxRobot robot, double width) {
        show(robot, width, List.of(0.0, 0.002, 0.005, 0.01));
    }

    private void show(FxRobot robot, double width, List<Double> costRates) {
        SweepRunner.Result r = SweepRunner.run(DATA, SCENARIO,
                SweepRunner.rules(SweepSpec.rules("quarterly,drift:0.05"), null, null, null),
                costRates, n -> { }, () -> false);
        robot.interact(() -> {
            map.show(r, Metric.FINAL_VALUE, "test");
            map.setPrefSize(width, 360);
            map.resize(width, 360);
            map.layout();
        });
        robot.interact(map::layout);
        assertThat(map.getWidth()).isEqualTo(width);
    }

    @Test
    void underTheColourScaleAKeyNamesTheBestCellsFrameInBothLanguages(FxRobot robot) {
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            Messages.use(language);
            show(robot, 600);
            assertThat(map.bestKey()).isEqualTo(language == Locale.ENGLISH ? "best cell" : "최고 셀");
            Rectangle2D key = map.bestKeyBounds();
            // right of the cells, under the colour scale, within the chart
            assertThat(key.getMinX()).isGreaterThanOrEqualTo(600 - Heatmap.RIGHT);
            assertThat(key.getMaxX()).isLessThanOrEqualTo(600);
            assertThat(key.getMinY()).isGreaterThan(map.getHeight() - Heatmap.BOTTOM);
            assertThat(key.getMaxY()).isLessThanOrEqualTo(map.getHeight());
            assertThat(key.getWidth()).as("frame and text").isGreaterThan(30);
        }
    }

    @Test
    void eachCostRateIsAPercentageUnderItsColumn(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        show(robot, 900);
        assertThat(map.costLabels()).containsExactly("0.00 %", "0.20 %", "0.50 %", "1.00 %");
    }

    @Test
    void aNarrowMapLabelsEverySecondColumnRatherThanOverlappingLabels(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        // 4 columns in about 130 px: 32 px each, narrower than a label
        show(robot, Heatmap.LEFT + Heatmap.RIGHT + 130);
        assertThat(map.costLabels()).containsExactly("0.00 %", "0.50 %");
    }

    @Test
    void theHeadingWritesTheBestCellsCostRateAsAPercentageLikeTheAxis(FxRobot robot) {
        // the lowest cost rate ends highest, so the best final value is in the 0.2 % column
        Messages.use(Locale.ENGLISH);
        show(robot, 900, List.of(0.002, 0.005));
        assertThat(map.shownHeading()).startsWith("test — ").contains(" at cost 0.20 %").doesNotContain("0.002");
        Messages.use(Locale.KOREAN);
        show(robot, 900, List.of(0.002, 0.005));
        assertThat(map.shownHeading()).contains("비용률 0.20 %").doesNotContain("0.002");
    }

    @Test
    void theBreakEvenCostRateInTheHoverTextIsAPercentageAsInTheCellsTable(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        show(robot, 900);
        int checked = 0;
        for (int i = 0; i < map.result().rules().size(); i++) {
            Double rate = map.result().at(i, 0).breakEvenCostRate();
            if (rate != null) {
                String expected = String.format(Locale.ROOT, "%.3f %%", rate * 100);
                assertThat(map.describe(i, 0)).endsWith("break-even cost rate " + expected);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void aRobustCellsCagrDifferenceIsInPercentagePointsInBothLanguages(FxRobot robot) {
        SweepRunner.Result r = SweepRunner.run(DATA, SCENARIO,
                SweepRunner.rules(SweepSpec.rules("quarterly"), null, null, null),
                List.of(0.002), new SweepRunner.Bootstrap(20, null, 3), (done, total) -> { }, () -> false);
        SweepRunner.Robust b = r.at(0, 0).robust();
        String median = String.format(Locale.ROOT, "%+.2f %%p", b.cagrDiffMedian() * 100);
        String p5 = String.format(Locale.ROOT, "%+.2f %%p", b.cagrDiffP5() * 100);
        String p95 = String.format(Locale.ROOT, "%+.2f %%p", b.cagrDiffP95() * 100);
        robot.interact(() -> map.show(r, Metric.FINAL_VALUE, "test"));
        Messages.use(Locale.ENGLISH);
        assertThat(map.describe(0, 0)).endsWith("\nCAGR − OFF: median " + median + ", 5–95 % " + p5 + " … " + p95);
        Messages.use(Locale.KOREAN);
        assertThat(map.describe(0, 0)).endsWith("\n연평균 수익률 − OFF: 중앙값 " + median + ", 5–95 % " + p5 + " … " + p95);
    }

    @Test
    void theHeadingWritesOffsFinalValueAsTheSummaryDoesWithTwoDecimalsAndGrouping(FxRobot robot) {
        Scenario large = new Scenario(SCENARIO.targets(), DATA.firstDate(), DATA.lastDate(), 343_308.5, MissingDataPolicy.SKIP);
        SweepRunner.Result r = SweepRunner.run(DATA, large,
                SweepRunner.rules(SweepSpec.rules("quarterly,drift:0.05"), null, null, null), List.of(0.0, 0.002), n -> { }, () -> false);
        double off = r.off().finalValue();
        String money = String.format(Locale.ROOT, "%,.2f", off);
        assertThat(money).contains(",");
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            Messages.use(language);
            robot.interact(() -> {
                map.show(r, Metric.FINAL_VALUE, "test");
                map.setPrefSize(860, 360);
                map.resize(860, 360);
                map.layout();
            });
            robot.interact(map::layout);
            assertThat(map.shownHeading()).as(language.toString()).contains("OFF " + money)
                    .doesNotContain("OFF " + String.format(Locale.ROOT, "%,.0f", off) + ":");
        }
    }
}
