package foresto.ui.studies;

import foresto.study.StudyOutput;
import foresto.study.StudyResult;
import foresto.ui.chart.TimeSeriesChart;
import javafx.scene.paint.Color;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the Studies chart draws: the equity weight before any rebalancing at every month end, for buy-and-hold, the
 * monthly calendar and the annual check with a 5 % band, against the 60 % target. Shared by the tab and the command
 * line's PNG.
 */
public final class StudyChart {
    /** The charted columns and their lines' names. */
    static final List<String> COLUMNS = List.of("Never", "M 0%", "A 5%");
    private static final List<String> NAMES = List.of("Never (buy-and-hold)", "M 0% (monthly)",
            "A 5% (annual check, 5 % band)");
    /** Buy-and-hold in the theme's OFF colour, the monthly calendar in its ON colour, the band in the next one's. */
    private static final List<Color> COLOURS = Arrays.asList(TimeSeriesChart.OFF_COLOUR, TimeSeriesChart.ON_COLOUR, null);
    public static final String Y_LABEL = "Equity weight before rebalancing (%)";

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
            lines.add(new TimeSeriesChart.Line(NAMES.get(i), x, r.equityWeights(COLUMNS.get(i)), COLOURS.get(i)));
        }
        return new TimeSeriesChart.Content(lines, -1, List.of(), 0.6, "Target 60 %");
    }

    /** The chart's title for a result: the study and its base day. */
    public static String title(StudyResult r) {
        return "Equity weight, Never vs M 0% vs A 5% \u2014 Vanguard 2010 study, base day "
                + StudyOutput.baseDayWord(r.baseDay()).toUpperCase(Locale.ROOT);
    }

    /** A chart ready for a result: percent axis, its title and lines. */
    public static TimeSeriesChart chart() {
        TimeSeriesChart c = new TimeSeriesChart(Y_LABEL);
        c.setUnits(TimeSeriesChart.Units.PERCENT);
        c.setPlaceholder("Run the study to see the equity weight over time.");
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
