package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.Metric;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.ui.common.Fonts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The heatmap's colour scale: a bar from the highest value of the grid (top) to the lowest (bottom) in the cells'
 * colours, with round-spaced values beside it and, where it lies inside, OFF's value (the scale's white) marked; a
 * grid of one value gets a neutral bar with that value beside it.
 */
final class HeatmapScale {
    /** The room the scale takes right of the cells. */
    static final double WIDTH = 100;
    static final String OFF = "sweep.heatmap.offMark";
    private static final double BAR = 14;
    private static final double LABEL_GAP = 15;

    private final Metric metric;
    private final DoubleFunction<Color> colours;
    private final ChartTheme theme;

    HeatmapScale(Metric metric, DoubleFunction<Color> colours, ChartTheme theme) {
        this.metric = metric;
        this.colours = colours;
        this.theme = theme;
    }

    /**
     * Whether the grid's values {@code lo} … {@code hi} are all one (or none is a number): the scale has no range to
     * colour, so the cells and the bar take the neutral colour and the bar is labelled with that one value.
     */
    static boolean flat(double lo, double hi) {
        return !(hi > lo);
    }

    /**
     * The cells' and the bar's colours: {@code scale} over a range, {@code neutral} for every value when the range is
     * {@link #flat} (a one-cell sweep, or cells all equal: no colour would say more than the value written in them).
     */
    static DoubleFunction<Color> colours(double lo, double hi, Color neutral, DoubleFunction<Color> scale) {
        return flat(lo, hi) ? v -> neutral : scale;
    }

    /**
     * Paints the bar at {@code x} from {@code top} to {@code bottom} for values {@code lo} … {@code hi}, and returns its
     * labels, top to bottom.
     */
    List<String> paint(GraphicsContext g, double x, double top, double bottom, double lo, double hi, double ref) {
        double height = bottom - top;
        if (!(height > 0)) {
            return List.of();
        }
        for (int p = 0; p < (int) Math.ceil(height); p++) {
            double v = hi == lo ? hi : hi - (hi - lo) * (p + 0.5) / height;
            g.setFill(colours.apply(v));
            g.fillRect(x, top + p, BAR, 1);
        }
        g.setFill(theme.colour(ChartColour.FRAME));
        g.fillRect(x, top, BAR, 1);
        g.fillRect(x, bottom, BAR, 1);
        g.fillRect(x, top, 1, height);
        g.fillRect(x + BAR - 1, top, 1, height);

        g.setFont(Fonts.regular(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double refY = !Double.isNaN(ref) && ref >= lo && ref <= hi && hi > lo ? top + (hi - ref) / (hi - lo) * height
                : Double.NaN;
        List<Label> labels = new ArrayList<>();
        if (!Double.isNaN(refY)) {
            labels.add(new Label(refY, metric == Metric.P_BEATS_OFF ? metric.format(ref) : tr(OFF, metric.format(ref))));
        }
        int n = flat(lo, hi) ? 1 : (int) Math.max(2, Math.min(6, height / 40 + 1));
        for (int k = 0; k < n; k++) {
            double y = n == 1 ? top + height / 2 : top + height * k / (n - 1);
            if (!Double.isNaN(refY) && Math.abs(y - refY) < LABEL_GAP) {
                continue; // OFF's mark stands for it
            }
            labels.add(new Label(y, metric.format(n == 1 ? hi : hi - (hi - lo) * k / (n - 1))));
        }
        labels.sort(Comparator.comparingDouble(Label::y));
        List<String> out = new ArrayList<>();
        for (Label l : labels) {
            g.setFill(theme.colour(ChartColour.HEATMAP_TEXT));
            g.fillRect(x + BAR - 1, Math.rint(l.y()), 4, 1);
            g.fillText(l.text(), x + BAR + 6, l.y());
            out.add(l.text());
        }
        return List.copyOf(out);
    }

    private record Label(double y, String text) {
    }
}
