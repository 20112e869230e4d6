package foresto.ui.main;

import foresto.backtest.RunView;
import foresto.i18n.Messages;
import foresto.engine.Metrics;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import foresto.ui.chart.TimeSeriesChart;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The drift panel by band kind, on a two-class, two-close run worked out by hand. Targets EQUITY 0.6, BOND 0.4; on the
 * second close OFF holds 0.66 / 0.34 (both 6 points off) and ON 0.62 / 0.38 (both 2 points off).
 * <ul>
 *     <li>ABSOLUTE θ 0.05: OFF 6 points, ON 2 points, against θ = 5 points.</li>
 *     <li>RELATIVE ρ 0.25: bands 0.15 and 0.10; OFF max(0.06 / 0.15, 0.06 / 0.10) = 0.6, ON 0.02 / 0.10 = 0.2,
 *     against 1.</li>
 *     <li>HYBRID θ 0.05, ρ 0.1: bands min(0.05, 0.06) = 0.05 and min(0.05, 0.04) = 0.04; OFF 0.06 / 0.04 = 1.5, ON
 *     0.02 / 0.04 = 0.5, against 1.</li>
 * </ul>
 */
class DriftPanelUnitsTest {
    private static final String HEAD = "{\"drift_calc_order\":\"EOD\",\"end_date\":\"2020-01-03\",\"initial_value\":100,"
            + "\"market_data\":\"abc\",\"missing_data_policy\":\"SKIP\",\"portfolio\":{\"id\":1,\"weights\":"
            + "{\"BOND\":0.4,\"EQUITY\":0.6}},";
    private static final String TAIL = "\"semantics_version\":3,\"start_date\":\"2020-01-02\"}";
    private static final String ABSOLUTE = "\"rebalancing\":{\"base_day_policy\":\"FIRST_TRADING_DAY\",\"cost_rate\":0,"
            + "\"drift_threshold\":0.05,\"frequency\":null,\"rule_type\":\"DRIFT\"},";
    private static final String RELATIVE = "\"rebalancing\":{\"band_rho\":0.25,\"base_day_policy\":\"FIRST_TRADING_DAY\","
            + "\"cost_rate\":0,\"drift_band\":\"RELATIVE\",\"drift_threshold\":null,\"frequency\":null,\"rule_type\":\"DRIFT\"},";
    private static final String HYBRID = "\"rebalancing\":{\"band_rho\":0.1,\"base_day_policy\":\"FIRST_TRADING_DAY\","
            + "\"cost_rate\":0,\"drift_band\":\"HYBRID\",\"drift_threshold\":0.05,\"frequency\":null,\"rule_type\":\"DRIFT\"},";
    private static final String PERIODIC = "\"rebalancing\":{\"base_day_policy\":\"LAST_TRADING_DAY\",\"cost_rate\":0,"
            + "\"drift_threshold\":null,\"frequency\":\"MONTHLY\",\"rule_type\":\"PERIODIC\"},";
    private static final LocalDate[] DATES = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3)};

    private static RunModel model(String rebalancing) {
        double[] off = {100, 101};
        double[] on = {100, 100.5};
        Metrics offMetrics = Metrics.of(DATES, off, 100, List.of());
        Metrics onMetrics = Metrics.of(DATES, on, 100, List.of());
        RunRequestInfo info = new RunRequestInfo(1, "60/40", 2, "hand", DATES[0], DATES[1], 100, "SKIP", null,
                "rule", null);
        RunRecord run = new RunRecord(7, "hash", HEAD + rebalancing + TAIL, info, new RunSummary(offMetrics, onMetrics, 252),
                null, null);
        // held ordinals 0 = EQUITY, 1 = BOND; weights per class, per close
        StoredPaths paths = new StoredPaths(DATES, off, on, new int[] {0, 1},
                new double[][] {{0.6, 0.66}, {0.4, 0.34}}, new double[][] {{0.6, 0.62}, {0.4, 0.38}});
        return RunModel.of(RunView.of(run, paths, List.of()), false);
    }

    private static String detailOfSecondClose(RunModel m) {
        ResultViewModel r = new ResultViewModel();
        r.show(m);
        r.selectDay(1);
        return r.dayDetailProperty().get();
    }

    @Test
    void anAbsoluteBandIsTheLargestGapInPointsAgainstTheta() {
        RunModel m = model(ABSOLUTE);
        assertThat(m.offDrift()[1]).isCloseTo(0.06, within(1e-12));
        assertThat(m.onDrift()[1]).isCloseTo(0.02, within(1e-12));
        DriftScale s = m.driftScale();
        assertThat(s.perClassBands()).isFalse();
        assertThat(s.axisLabel()).isEqualTo("max |current − target| (%p)");
        assertThat(s.units()).isEqualTo(TimeSeriesChart.Units.PERCENT);
        assertThat(s.thresholdLabel()).isEqualTo("θ = 5.00 %p");
        assertThat(detailOfSecondClose(m))
                .isEqualTo("2020-01-03: max drift OFF 6.00 %p, ON 2.00 %p (before trading)");
        TimeSeriesChart.Content drift = RunCharts.prepare(m).drift();
        assertThat(drift.horizontal()).isEqualTo(0.05);
        assertThat(drift.horizontalName()).isEqualTo("θ = 5.00 %p");
        Messages.use(Locale.KOREAN);
        try {
            assertThat(s.thresholdLabel()).as("the same form in Korean").isEqualTo("θ = 5.00 %p");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }

    @Test
    void aRelativeBandIsDriftOverEachClasssBandAgainstOne() {
        RunModel m = model(RELATIVE);
        assertThat(m.offDrift()[1]).isCloseTo(0.6, within(1e-12));
        assertThat(m.onDrift()[1]).isCloseTo(0.2, within(1e-12));
        DriftScale s = m.driftScale();
        assertThat(s.perClassBands()).isTrue();
        assertThat(s.axisLabel()).isEqualTo("drift ÷ band (×)");
        assertThat(s.units()).isEqualTo(TimeSeriesChart.Units.RATIO);
        assertThat(s.thresholdLabel()).isEqualTo("band edge (drift ÷ band = 1)");
        String detail = detailOfSecondClose(m);
        assertThat(detail).isEqualTo("2020-01-03: max drift OFF 0.60× band, ON 0.20× band (before trading)");
        assertThat(detail).doesNotContain("%p");
        TimeSeriesChart.Content drift = RunCharts.prepare(m).drift();
        assertThat(drift.horizontal()).isEqualTo(1.0);
    }

    @Test
    void aHybridBandIsDriftOverTheSmallerOfThetaAndRhoTimesTheTarget() {
        RunModel m = model(HYBRID);
        assertThat(m.offDrift()[1]).isCloseTo(1.5, within(1e-12));
        assertThat(m.onDrift()[1]).isCloseTo(0.5, within(1e-12));
        assertThat(m.driftScale().axisLabel()).isEqualTo("drift ÷ band (×)");
        assertThat(m.driftScale().units()).isEqualTo(TimeSeriesChart.Units.RATIO);
        assertThat(detailOfSecondClose(m))
                .isEqualTo("2020-01-03: max drift OFF 1.50× band, ON 0.50× band (before trading)");
    }

    @Test
    void aCalendarRuleShowsPointsWithoutALine() {
        RunModel m = model(PERIODIC);
        assertThat(m.driftScale().axisLabel()).isEqualTo("max |current − target| (%p)");
        assertThat(m.driftScale().thresholdLabel()).isEmpty();
        assertThat(RunCharts.prepare(m).drift().horizontal()).isNaN();
        assertThat(detailOfSecondClose(m)).endsWith("max drift OFF 6.00 %p, ON 2.00 %p (before trading)");
    }

    @Test
    void theAxisFollowsOnAndTheLineWhileOffIsClipped() {
        RunCharts.Prepared p = RunCharts.prepare(model(RELATIVE));
        assertThat(p.drift().lines()).extracting(TimeSeriesChart.Line::name).containsExactly("ON", "OFF");
        assertThat(p.drift().unscaledLine()).isEqualTo(1);
        assertThat(p.value().unscaledLine()).isEqualTo(-1);
    }

    /** The hover readout of the drift lines is in the drift axis's unit: points under a points axis, × band under a ratio. */
    @Test
    void theReadoutSpeaksTheAxissUnit() {
        double[] days = {18000, 18001};
        TimeSeriesChart.Content c = new TimeSeriesChart.Content(List.of(new TimeSeriesChart.Line("ON", days, new double[]{0.01, 0.0281}),
                new TimeSeriesChart.Line("OFF", days, new double[]{0.02, 0.0623})));
        assertThat(new DriftScale(false, 0.05).valuesAt(c, 18001)).isEqualTo("ON: 2.81 %p\nOFF: 6.23 %p")
                .doesNotContainPattern("%(?!p)");
        assertThat(new DriftScale(true, 1.0).valuesAt(c, 18000)).isEqualTo("ON: 0.01× band\nOFF: 0.02× band");
        assertThat(new DriftScale(false, 0.05).valuesAt(c, 17999)).isEqualTo("ON: —\nOFF: —");
    }
}
