package foresto.ui.robust;

import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Robustness tab driven by the robot on the 10-year synthetic dataset: each study run from its button, and what
 * the screen shows checked against the engine's study run independently here; a table exported as CSV and a chart
 * as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessTabTest extends RobustnessTabScene {

    @Start
    void start(Stage stage) {
        show(stage, 1400, 900);
    }

    private static String cell(TableView<?> table, int row, int column) {
        @SuppressWarnings("unchecked")
        TableColumn<Object, String> c = (TableColumn<Object, String>) table.getColumns().get(column);
        return c.getCellObservableValue(row).getValue();
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    @Test
    void eachStudyRunsFromItsButtonAndShowsTheEnginesNumbers(FxRobot robot) throws Exception {
        waitUntil(() -> !setup.getRules().isEmpty() && !setup.busyProperty().get());
        robot.interact(() -> setup.ruleProperty().set(setup.getRules().stream()
                .filter(r -> r.ruleName().equals("P2_PERIODIC_QUARTERLY_FTD_10BP")).findFirst().orElseThrow()));
        MarketData data = service.marketData(setup.datasetProperty().get());
        Scenario whole = new Scenario(setup.portfolioProperty().get().weights(), LocalDate.of(2010, 1, 4),
                LocalDate.of(2019, 12, 31), 10_000, setup.missingPolicyProperty().get());
        RebalancingRule quarterly = new RebalancingRule.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY,
                0.001, 0, 0);

        // Timing
        robot.clickOn("#robustTimingRun");
        waitUntil(() -> vm.timingProperty().get() != null && !vm.busyProperty().get());
        TimingStudy.Result timing = TimingStudy.run(data, whole, quarterly, null, null, TimingStudy.Progress.NONE, () -> false);
        TableView<?> variants = robot.lookup("#robustTimingTable").queryAs(TableView.class);
        assertThat(variants.getItems()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(cell(variants, i, 3)).isEqualTo(pct(timing.variants().get(i).metrics().cagr()));
        }
        assertThat(cell(variants, 1, 0)).isEqualTo("Feb, May, Aug, Nov");
        assertThat(cell(variants, 1, 1)).isEqualTo("1st trading day");
        String headline = robot.lookup("#robustTimingHeadline").queryAs(Label.class).getText();
        assertThat(headline).startsWith("Timing luck " + String.format(Locale.ROOT, "%.2f %%p", timing.timingLuck() * 100))
                .contains("spread " + String.format(Locale.ROOT, "%.2f %%p", timing.spread() * 100))
                .contains("(CAGR " + pct(timing.best().metrics().cagr()) + ")");
        assertThat(view.timingChart().content().lines()).hasSize(3 + 1 + 2 + 1); // variants, OFF, best, worst, tranche
        assertThat(view.timingChart().yTicks()).isNotEmpty();
        assertThat(robot.lookup("#robustProgressText").queryAs(Label.class).getText()).isEqualTo("Variants 3 / 3");
        screenshot(robot, "robustness-timing.png");
        Path csv = Files.createTempDirectory("robust").resolve("timing.csv");
        saveTarget = csv;
        robot.clickOn("#robustTimingCsv");
        waitUntil(() -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(4);

        // Start dates
        runStartDates(robot, 36, 3);
        WindowsStudy.Result windows = WindowsStudy.run(data, whole, quarterly, 36, 3, WindowsStudy.Progress.NONE, () -> false);
        TableView<?> rows = robot.lookup("#robustWindowsTable").queryAs(TableView.class);
        assertThat(rows.getItems()).hasSize(windows.windows().size());
        assertThat(cell(rows, 5, 4)).isEqualTo(String.format(Locale.ROOT, "%+.2f %%p", windows.windows().get(5).premium() * 100));
        GridPane summary = robot.lookup("#robustWindowsSummary").queryAs(GridPane.class);
        String summaryText = summary.getChildren().stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "|" + b);
        assertThat(summaryText).contains(windows.windows().size() + " windows of 36 months")
                .contains("only " + windows.summary().nonOverlapping() + " of them could be disjoint")
                .contains("Median|" + String.format(Locale.ROOT, "%+.2f %%p", windows.summary().median() * 100));
        assertThat(view.premiumHistogram().bins()).isNotNull();
        assertThat(view.premiumChart().content().reference()).isZero();
        // the premium chart's readout writes a premium in percentage points, as its axis and the table do
        assertThat(view.premiumChart().readoutAt(5)).isEqualTo(windows.windows().get(5).window().start() + "\nPremium (CAGR ON − OFF): "
                + String.format(Locale.ROOT, "%+.2f %%p", windows.windows().get(5).premium() * 100));
        screenshot(robot, "robustness-start-dates.png");

        // Bootstrap (B = OFF)
        robot.clickOn("Bootstrap");
        robot.interact(() -> {
            vm.pathsProperty().set("30");
            vm.seedProperty().set("5");
        });
        robot.clickOn("#robustBootstrapRun");
        waitUntil(() -> vm.bootstrapProperty().get() != null && !vm.busyProperty().get());
        BootstrapStudy.Result boot = BootstrapStudy.run(data, whole, quarterly, Optional.empty(), 30, null, 5, 1,
                BootstrapStudy.Progress.NONE, () -> false);
        String sentence = robot.lookup("#robustBootstrapSentence").queryAs(Label.class).getText();
        assertThat(sentence).isEqualTo(String.format(Locale.ROOT, "A (P2_PERIODIC_QUARTERLY_FTD_10BP) ended above B (OFF, "
                + "buy-and-hold) in %.2f %% ± %.2f %% of 30 resampled histories.", boot.pBeats() * 100, boot.pBeatsSe() * 100));
        TableView<?> pct = robot.lookup("#robustBootstrapTable").queryAs(TableView.class);
        assertThat(cell(pct, 1, 3)).isEqualTo(String.format(Locale.ROOT, "%+.2f %%p", boot.maxDrawdownDiff().median() * 100));
        assertThat(view.fanChart().content().bands()).hasSize(4);
        assertThat(view.differenceHistogram().bins().counts()).isNotEmpty();
        screenshot(robot, "robustness-bootstrap.png");
        // at 1280 × 800 (the tab's content is ~1000 × 700 of it) the charts keep a readable height: the page scrolls
        // instead of squashing them to a strip
        robot.interact(() -> {
            scene.getWindow().setWidth(1000);
            scene.getWindow().setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.fanChart().getHeight()).as("fan chart height at 1280x800")
                .isGreaterThanOrEqualTo(RobustnessView.CHARTS_MIN_HEIGHT);
        assertThat(view.fanChart().yTicks()).as("a value scale, not one lone label").hasSizeGreaterThanOrEqualTo(3);
        Path png = Files.createTempDirectory("robust").resolve("fan.png");
        saveTarget = png;
        robot.clickOn("#robustFanPng");
        waitUntil(() -> Files.exists(png));
        assertThat(Files.size(png)).isGreaterThan(5_000);
        assertThat(errors).isEmpty();
    }
}
