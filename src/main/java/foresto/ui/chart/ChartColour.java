package foresto.ui.chart;

import javafx.scene.paint.Color;

/**
 * Every colour the charts draw with: its looked-up colour in the app's style sheet (declared on {@code .root} in
 * {@code foresto/ui/app.css}, where a theme overrides it) and its default, used where no style sheet says otherwise.
 * The defaults are the values in app.css.
 */
public enum ChartColour {
    /** Behind everything a chart draws. */
    BACKGROUND("-chart-background", Color.WHITE),
    /** Titles and legend names. */
    TEXT("-chart-text", Color.web("#24292f")),
    /** Tick labels, the value axis's name, the bar chart's zero line. */
    AXIS_TEXT("-chart-axis-text", Color.web("#57606a")),
    GRID("-chart-grid", Color.web("#d0d7de")),
    /** The plot's frame. */
    FRAME("-chart-frame", Color.web("#8c959f")),
    /** The event lane under the plot. */
    LANE("-chart-lane", Color.web("#f6f8fa")),
    /** Rebalancing events (lane ticks, points on the line, legend key). */
    EVENT("-chart-event", Color.web("#bf8700")),
    /** The selected event. */
    SELECTED("-chart-selected", Color.web("#cf222e")),
    /** The reference line (the drift chart's threshold). */
    REFERENCE("-chart-reference", Color.web("#cf222e")),
    /** The day cursor's dashed line. */
    CURSOR("-chart-cursor", Color.web("#24292f", 0.7)),
    /** The series palette, in order: ON, OFF, then further lines. */
    ON("-chart-on", Color.web("#0969da")),
    OFF("-chart-off", Color.web("#8c959f")),
    SERIES_3("-chart-series-3", Color.web("#1a7f37")),
    SERIES_4("-chart-series-4", Color.web("#8250df")),
    SERIES_5("-chart-series-5", Color.web("#bf3989")),
    SERIES_6("-chart-series-6", Color.web("#bc4c00")),
    SERIES_7("-chart-series-7", Color.web("#0550ae")),
    SERIES_8("-chart-series-8", Color.web("#116329")),
    /** The heatmap's cell equal to OFF (the middle of its scale). */
    HEATMAP_NEUTRAL("-chart-heatmap-neutral", Color.WHITE),
    /** The heatmap's cell furthest better than OFF. */
    HEATMAP_BETTER("-chart-heatmap-better", Color.rgb(55, 175, 55)),
    /** The heatmap's cell furthest worse than OFF. */
    HEATMAP_WORSE("-chart-heatmap-worse", Color.rgb(225, 65, 65)),
    /** The outline of the heatmap's best cell. */
    HEATMAP_BEST("-chart-heatmap-best", Color.BLACK),
    /** The heatmap's title and labels. */
    HEATMAP_TEXT("-chart-heatmap-text", Color.rgb(30, 30, 30));

    private final String property;
    private final Color fallback;

    ChartColour(String property, Color fallback) {
        this.property = property;
        this.fallback = fallback;
    }

    /** Its name in the style sheet, e.g. {@code -chart-on}. */
    public String property() {
        return property;
    }

    /** Its value when no style sheet sets it. */
    public Color fallback() {
        return fallback;
    }
}
