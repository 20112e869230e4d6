package foresto.ui.studies;

import foresto.i18n.Messages;
import foresto.engine.BaseDayPolicy;
import foresto.study.StudyResult;
import foresto.ui.chart.TimeSeriesChart;
import javafx.scene.paint.Color;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the Studies chart draws: the equity weight before any rebalancing at every month end, for buy-and-hold, the
 * monthly calendar and the annual check with a 5 % band, against the 60 % target. Shared by the tab and the command
 * line's PNG.
 */
public final class StudyChart {
    /** The charted columns and their lines' names. */
    static final List<String> COLUMNS = List.of("Never", "M 0%", "A 5%");
    private static final List<String> NAME_KEYS = List.of("studies.line.never", "studies.line.monthly", "studies.line.annual");
    /** Buy-and-hold in the theme's OFF colour, the monthly calendar in its ON colour, the band in the next one's. */
    private static final List<Color> COLOURS = Arrays.asList(TimeSeriesChart.OFF_COLOUR, TimeSeriesChart.ON_COLOUR, null);
    /** The value axis' label, in the analyst's language. */
    public static String yLabel() {
        return Messages.tr("studies.yLabel");
    }

    private StudyChart() {
    }

    public static TimeSeriesChart.Content content(StudyResult r) {
        LocalDate[] dates = r.dates();
        double[] x = new double[dates.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = dates[k].toEpochDay();
        }
        List<TimeSeriesChart.Line> lines = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            lines.add(new TimeSeriesChart.Line(Messages.tr(NAME_KEYS.get(i)), x, r.equityWeights(COLUMNS.get(i)), COLOURS.get(i)));
        }
        return new TimeSeriesChart.Content(lines, -1, List.of(), 0.6, Messages.tr("studies.target"));
    }

    /** The chart's title for a result: the study and its base day. */
    public static String title(StudyResult r) {
        return Messages.tr("studies.chartTitle", baseDayWord(r.baseDay()));
    }

    /** The base day as the tab and the chart name it: LAST or FIRST (in English). */
    public static String baseDayWord(BaseDayPolicy day) {
        return Messages.tr(day == BaseDayPolicy.LAST_TRADING_DAY ? "studies.baseDay.last" : "studies.baseDay.first");
    }

    /** A chart ready for a result: percent axis, its title and lines. */
    public static TimeSeriesChart chart() {
        TimeSeriesChart c = new TimeSeriesChart(yLabel());
        c.setUnits(TimeSeriesChart.Units.PERCENT);
        c.setPlaceholder(Messages.tr("studies.chartPlaceholder"));
        return c;
    }

    public static void show(TimeSeriesChart c, StudyResult r) {
        if (r == null) {
            c.setData(TimeSeriesChart.Content.EMPTY);
            c.titleProperty().set("");
            return;
        }
        c.titleProperty().set(title(r));
        c.setData(content(r));
    }
}
