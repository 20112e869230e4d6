package foresto.ui.chart;

import foresto.ui.chart.TimeSeriesChart.Content;
import foresto.ui.chart.TimeSeriesChart.Range;
import foresto.ui.chart.TimeSeriesChart.Units;
import foresto.ui.common.Fonts;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.function.IntFunction;

/**
 * Draws a {@link TimeSeriesChart} onto its canvas: title, legend with line keys, round value ticks, calendar
 * date ticks (no label cut at an edge), the reference line, the lines downsampled to the visible range, the
 * events (a lane under the plot; on the line too when far enough apart), the selected event and the day cursor.
 * Pure drawing: the control keeps the state and reads back where things went ({@link DrawnChart}).
 * <p>
 * One paint runs in steps, in this order: the scale ({@link ChartScale}: visible range, value range, layout), the
 * title, axes and reference line ({@link ChartAxes}), the lines and the lane's ticks in one image, the events
 * ({@link ChartMarks}), the marks of a line off the scale, the cursor, the selected tick, the legend ({@link ChartOverlays}). Every axis-aligned line
 * is filled with {@link #frame} and {@link #dashes}.
 */
final class ChartPainter {
    /** The event lane's height in pixels, under the plot. */
    static final double LANE = 14;
    /** The data lines' width in pixels. */
    static final double LINE_WIDTH = 1.4;

    /** What to draw: the chart's state at this pulse, the lines' colours and the theme's. */
    record Scene(Content content, Range range, boolean log, Units units, String yLabel, String title, Integer highlighted,
                 Integer day, IntFunction<Color> colours, ChartTheme theme, double[] flowDays, String shortYLabel,
                 boolean dateLabels, int minValueTicks) {
        /** A scene with date labels, no short value-axis title, and value ticks one per 42 px however few. */
        Scene(Content content, Range range, boolean log, Units units, String yLabel, String title, Integer highlighted,
              Integer day, IntFunction<Color> colours, ChartTheme theme, double[] flowDays) {
            this(content, range, log, units, yLabel, title, highlighted, day, colours, theme, flowDays, "", true, 0);
        }
    }

    /**
     * One paint as the steps see it: the canvas ({@code w} × {@code h}), what to draw, its scale, where the results
     * go, and the labels' font.
     */
    record Pass(GraphicsContext g, double w, double h, Scene scene, ChartScale scale, DrawnChart drawn, Font small) {
        Color colour(ChartColour c) {
            return scene.theme().colour(c);
        }
    }

    private ChartPainter() {
    }

    /** Paints the whole chart onto {@code g} ({@code w} × {@code h}) and returns where everything went. */
    static DrawnChart paint(GraphicsContext g, double w, double h, Scene sc) {
        Content content = sc.content();
        DrawnChart d = new DrawnChart();
        d.drawnPoints = new int[content.lines().size()];
        g.setFill(sc.theme().colour(ChartColour.BACKGROUND));
        g.fillRect(0, 0, w, h);
        if (content.lines().isEmpty() || content.lines().get(0).x().length == 0 || w < 60 || h < 60) {
            return d;
        }
        Font small = Fonts.regular(11);
        ChartScale scale = ChartScale.of(sc, w, h, small, d);
        if (scale == null) {
            return d;
        }
        Pass pass = new Pass(g, w, h, sc, scale, d, small);
        ChartAxes axes = new ChartAxes(pass);
        axes.title();
        axes.axes();
        axes.reference();
        ChartMarks marks = new ChartMarks(pass);
        Raster raster = marks.series();
        marks.laneTicks(raster);
        marks.place(raster);
        marks.flowTicks();
        marks.events();
        ChartOverlays overlays = new ChartOverlays(pass);
        overlays.offScale();
        overlays.cursor();
        marks.selectedTick();
        overlays.legend();
        return d;
    }

    /**
     * A one-pixel frame in the current fill whose outer edges are the pixel rows and columns {@code x}..{@code x + w},
     * {@code y}..{@code y + h}. Like every axis-aligned line of the charts it is filled, not stroked: the software
     * pipeline strokes a line with its general shape rasteriser (about 0.3 ms each, on the render thread) and fills a
     * rectangle directly.
     */
    static void frame(GraphicsContext g, double x, double y, double w, double h) {
        g.fillRect(x, y, w + 1, 1);
        g.fillRect(x, y + h, w + 1, 1);
        g.fillRect(x, y + 1, 1, h - 1);
        g.fillRect(x + w, y + 1, 1, h - 1);
    }

    /**
     * A dashed line in the current fill, {@code width} thick, centred on {@code at}: from {@code from} to {@code to}
     * along x when {@code horizontal}, else along y; dashes of {@code dash}, gaps of {@code gap}.
     */
    static void dashes(GraphicsContext g, double from, double to, double at, double width, double dash, double gap,
                       boolean horizontal) {
        for (double p = from; p < to; p += dash + gap) {
            double len = Math.min(dash, to - p);
            if (horizontal) {
                g.fillRect(p, at - width / 2, len, width);
            } else {
                g.fillRect(at - width / 2, p, width, len);
            }
        }
    }
}
