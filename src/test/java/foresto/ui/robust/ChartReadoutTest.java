package foresto.ui.robust;

import foresto.engine.BaseDayPolicy;
import foresto.engine.Metrics;
import foresto.engine.PathResult;
import foresto.engine.PeriodsPerYear;
import foresto.engine.robust.TimingStudy;
import foresto.i18n.Messages;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Hovering the Robustness histograms reads out the hovered bar's range in percentage points and its count with its
 * share of all values; the timing chart reads out every variant at the cursor (the best and worst marked), OFF and
 * the tranche, or, with too many variants, the tranche, OFF, the best and the worst, saying so.
 */
@ExtendWith(ApplicationExtension.class)
class ChartReadoutTest {
    private HistogramChart chart;
    private final Locale before = Messages.locale();

    @Start
    void start(Stage stage) {
        chart = new HistogramChart(); // a control made once the toolkit runs
        stage.setScene(new Scene(new Pane(chart), 600, 300));
        stage.show();
    }

    @AfterEach
    void restore() {
        Messages.use(before);
    }

    /** 2 values in [−1 %, −0.5 %), 1 in [−0.5 %, 0), 5 in [0, 0.5 %), 2 in [0.5 %, 1 %]: ten in all. */
    private static final double[] VALUES = {-0.009, -0.006, -0.002, 0.001, 0.001, 0.002, 0.003, 0.004, 0.006, 0.0099};

    @Test
    void hoveringABarReadsOutItsRangeAndCount(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        robot.interact(() -> {
            chart.setContent(new HistogramChart.Content(VALUES, "CAGR A − B (%p)", Double.NaN));
            chart.resize(600, 300);
            chart.layout();
        });
        HistogramChart.Bins bins = chart.bins();
        // the bar holding the five values from 0 up
        int fullest = 0;
        for (int i = 0; i < bins.counts().length; i++) {
            fullest = bins.counts()[i] > bins.counts()[fullest] ? i : fullest;
        }
        double from = bins.origin() + fullest * bins.width();
        assertThat(from).as("a bin starts at zero").isCloseTo(0, offset(1e-12));
        Rectangle2D bar = chart.bars().get(fullest);
        assertThat(chart.readoutText()).as("nothing hovered yet").isEmpty();
        robot.interact(() -> chart.hover(bar.getMinX() + bar.getWidth() / 2, bar.getMaxY() - 2));
        String w = String.format(Locale.ROOT, "%+.2f", bins.width() * 100);
        assertThat(chart.readoutText().split("\n")).containsExactly("Range +0.00 to " + w + " %p",
                "Count " + bins.counts()[fullest] + " (" + bins.counts()[fullest] * 10 + ".0 % of all 10)");
        // below the axis, or left of the plot, nothing is read out
        robot.interact(() -> chart.hover(bar.getMinX() + 1, chart.plot().getMaxY() + 10));
        assertThat(chart.readoutText()).isEmpty();
        robot.interact(() -> chart.hover(2, chart.plot().getMinY() + 10));
        assertThat(chart.readoutText()).isEmpty();
    }

    @Test
    void aBinsReadoutInBothLanguages() {
        HistogramChart.Bins bins = new HistogramChart.Bins(-0.01, 0.005, new int[] {2, 1, 5, 2});
        Messages.use(Locale.ENGLISH);
        assertThat(HistogramChart.binReadout(bins, 0)).containsExactly("Range -1.00 to -0.50 %p", "Count 2 (20.0 % of all 10)");
        assertThat(HistogramChart.binReadout(bins, 2)).containsExactly("Range +0.00 to +0.50 %p", "Count 5 (50.0 % of all 10)");
        Messages.use(Locale.KOREAN);
        assertThat(HistogramChart.binReadout(bins, 1)).containsExactly("구간 -0.50 ~ +0.00 %p", "개수 1 (전체 10개 중 10.0 %)");
        // a narrow bin gets the decimals that tell its two edges apart
        HistogramChart.Bins narrow = new HistogramChart.Bins(0.0001, 0.00002, new int[] {1});
        Messages.use(Locale.ENGLISH);
        assertThat(HistogramChart.binReadout(narrow, 0).get(0)).isEqualTo("Range +0.010 to +0.012 %p");
    }

    /** Variants i = 0 … n−1 of an annual rule; variant i is worth 1000 + i on day 0 and 2000 + i on day 1. */
    private static TimingFigures timing(int n) {
        LocalDate[] dates = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)};
        Metrics m = new Metrics(0, 0, 0, 0, 0, 0, 0, 0);
        List<TimingStudy.Variant> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(new TimingStudy.Variant(i % 12, i / 12, m, new double[] {1000 + i, 2000 + i}));
        }
        PathResult off = new PathResult(dates, new double[] {900, 1900}, List.of(), m, null, null, PeriodsPerYear.DAILY, null);
        TimingStudy.Tranche tranche = new TimingStudy.Tranche(new double[] {1500.5, 2500.25}, 0, 0, 0, 0, 0, 0);
        TimingStudy.Result r = new TimingStudy.Result(PeriodsPerYear.DAILY, dates, off, vs, 0, 0, vs.get(n - 1), vs.get(0), tranche);
        return new TimingFigures(r, "annual", 12, BaseDayPolicy.FIRST_TRADING_DAY, "");
    }

    @Test
    void theTimingReadoutListsEveryVariantIncludingTheMiddleOnes() {
        Messages.use(Locale.ENGLISH);
        assertThat(RobustnessCharts.timingReadout(timing(3), 1)).containsExactly(
                "Worst: January, 1st trading day: 2,000.00",
                "February, 1st trading day: 2,001.00",
                "Best: March, 1st trading day: 2,002.00",
                "OFF: 1,900.00",
                "Tranche (mean of the variants): 2,500.25");
        // the chart hands this readout to its hover
        assertThat(RobustnessCharts.timing(timing(3)).readout().apply(0)).contains("February, 1st trading day: 1,001.00");
    }

    @Test
    void tooManyVariantsReadOutTheTrancheOffBestAndWorstAndSaySo() {
        Messages.use(Locale.ENGLISH);
        List<String> lines = RobustnessCharts.timingReadout(timing(RobustnessCharts.LISTED_VARIANTS + 1), 0);
        assertThat(lines).containsExactly(
                "Tranche (mean of the variants): 1,500.50",
                "OFF: 900.00",
                "Best: January, 2nd trading day: 1,012.00",
                "Worst: January, 1st trading day: 1,000.00",
                "Only the tranche, OFF, best and worst of the 13 variants are listed here");
        Messages.use(Locale.KOREAN);
        assertThat(RobustnessCharts.timingReadout(timing(RobustnessCharts.LISTED_VARIANTS + 1), 0))
                .endsWith("변형 13개 중 분할, OFF, 최고, 최저만 표시합니다");
    }

    @Test
    void aTimingChartTooShortForEveryVariantReadsOutTheSummary(FxRobot robot) {
        Messages.use(Locale.ENGLISH);
        PathChart path = new PathChart();
        robot.interact(() -> {
            ((Pane) chart.getParent()).getChildren().setAll(path);
            path.setContent(RobustnessCharts.timing(timing(8)));
            path.setPrefSize(600, 420);
            path.resize(600, 420);
            path.layout();
        });
        robot.interact(() -> path.hover(300, 200));
        assertThat(path.readoutText().split("\n")).as("tall: every variant").hasSize(1 + 8 + 2)
                .contains("February, 1st trading day: 1,001.00");
        robot.interact(() -> {
            path.setPrefSize(600, 150);
            path.resize(600, 150);
            path.layout();
        });
        assertThat(path.getHeight()).isEqualTo(150);
        robot.interact(() -> path.hover(300, 100));
        assertThat(path.readoutText().split("\n")).as("short: the summary").hasSize(1 + 5)
                .contains("Only the tranche, OFF, best and worst of the 8 variants are listed here");
    }
}
