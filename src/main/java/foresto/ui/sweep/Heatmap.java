package foresto.ui.sweep;

import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.text.PlainNumber;
import foresto.ui.chart.CanvasChart;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.ui.common.Fonts;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * The sweep grid as a heatmap: a row per rule, a column per cost rate, coloured by the chosen metric. Where
 * buy-and-hold has a value for the metric (final value, CAGR, volatility, drawdown) the colour is centred on
 * it: green better than OFF, red worse, white equal (the theme's {@link ChartColour#HEATMAP_BETTER},
 * {@link ChartColour#HEATMAP_WORSE}, {@link ChartColour#HEATMAP_NEUTRAL}); otherwise a single-hue scale from best to
 * worst; P(beats OFF) of a robust sweep is centred on 50 % (as likely to end above OFF as below). The best cell is
 * outlined. A {@link CanvasChart}: redrawn only when the data, metric, size or colours change.
 */
public final class Heatmap extends CanvasChart {
    static final double LEFT = 170;
    static final double TOP = 46;
    static final double BOTTOM = 44;
    static final double RIGHT = 20;
    private SweepRunner.Result result;
    private Metric metric = Metric.FINAL_VALUE;
    private String title = "";

    public Heatmap() {
        getStyleClass().add("heatmap");
        setMinSize(300, 200);
        setPrefSize(900, 600);
    }

    public void show(SweepRunner.Result r, Metric m, String heading) {
        this.result = r;
        this.metric = m;
        this.title = heading;
        invalidate();
    }

    public SweepRunner.Result result() {
        return result;
    }

    public Metric metric() {
        return metric;
    }

    /** The cell under a point of this node as {rule, cost} indices, or null. */
    public int[] cellAt(double x, double y) {
        if (result == null) {
            return null;
        }
        int r = result.rules().size();
        int c = result.costRates().size();
        double w = (getWidth() - LEFT - RIGHT) / c;
        double h = (getHeight() - TOP - BOTTOM) / r;
        int j = (int) Math.floor((x - LEFT) / w);
        int i = (int) Math.floor((y - TOP) / h);
        return i >= 0 && i < r && j >= 0 && j < c && x >= LEFT && y >= TOP ? new int[] {i, j} : null;
    }

    /** The best cell for the metric as {rule, cost}. */
    public int[] best() {
        int[] best = null;
        double bestValue = Double.NaN;
        for (int i = 0; i < result.rules().size(); i++) {
            for (int j = 0; j < result.costRates().size(); j++) {
                double v = metric.of(result.at(i, j));
                if (best == null || (metric.higherIsBetter() ? v > bestValue : v < bestValue)) {
                    best = new int[] {i, j};
                    bestValue = v;
                }
            }
        }
        return best;
    }

    /** A cell's figures, for the hover text. */
    public String describe(int i, int j) {
        SweepRunner.Row row = result.at(i, j);
        var m = row.metrics();
        return String.format(Locale.ROOT, "%s at cost %s%nfinal value %.6g (OFF %.6g)%nCAGR %.2f %%, volatility %.2f %%, "
                        + "max drawdown %.2f %%%n%d events, turnover %.1f %%/year, cost %.4g%ntracking error %.3f %%, cost drag %.4g%n"
                        + "break-even cost rate %s", row.rule(), PlainNumber.of(row.costRate()), m.finalValue(), result.off().finalValue(),
                m.cagr() * 100, m.volatility() * 100, m.maxDrawdown() * 100, m.eventCount(), row.turnoverPerYear() * 100,
                m.totalCost(), row.trackingError() * 100, row.costDrag(),
                row.breakEvenCostRate() == null ? "none (never beats OFF)" : String.format(Locale.ROOT, "%.5f", row.breakEvenCostRate()))
                + robustText(row);
    }

    /** A robust cell's P(beats OFF) and CAGR difference in words; empty for a plain sweep. */
    private String robustText(SweepRunner.Row row) {
        SweepRunner.Robust b = row.robust();
        if (b == null || result.bootstrap() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%nended above OFF in %.1f %% ± %.1f %% of %,d resampled histories%n"
                        + "CAGR − OFF: median %+.2f %%, 5–95 %% %+.2f %% … %+.2f %%", b.pBeatsOff() * 100,
                b.pBeatsOffSe() * 100, result.bootstrap().paths(), b.cagrDiffMedian() * 100, b.cagrDiffP5() * 100,
                b.cagrDiffP95() * 100);
    }

    /** The heatmap's white: OFF's value, 50 % for P(beats OFF), or NaN (a single-hue scale). */
    private double reference() {
        return metric == Metric.P_BEATS_OFF ? 0.5 : metric.off(result.off());
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        ChartTheme theme = theme();
        g.setFill(theme.colour(ChartColour.BACKGROUND));
        g.fillRect(0, 0, width, height);
        if (result == null || result.rows().isEmpty() || width < LEFT + RIGHT + 10 || height < TOP + BOTTOM + 10) {
            return;
        }
        int r = result.rules().size();
        int c = result.costRates().size();
        double w = (width - LEFT - RIGHT) / c;
        double h = (height - TOP - BOTTOM) / r;
        double ref = reference();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SweepRunner.Row row : result.rows()) {
            lo = Math.min(lo, metric.of(row));
            hi = Math.max(hi, metric.of(row));
        }
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                g.setFill(colour(theme, metric.of(result.at(i, j)), ref, lo, hi));
                g.fillRect(LEFT + j * w, TOP + i * h, Math.ceil(w), Math.ceil(h));
            }
        }
        int[] best = best();
        g.setStroke(theme.colour(ChartColour.HEATMAP_BEST));
        g.setLineWidth(2);
        g.strokeRect(LEFT + best[1] * w + 1, TOP + best[0] * h + 1, Math.max(2, w - 2), Math.max(2, h - 2));

        g.setFill(theme.colour(ChartColour.HEATMAP_TEXT));
        g.setFont(Fonts.regular(15)); // the bundled font: portfolio and rule names may be Korean
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String white = metric == Metric.P_BEATS_OFF ? " (" + metric.format(ref) + ": white)" : " (OFF " + metric.format(ref) + ": white)";
        g.fillText(title + " — " + metric.title() + (Double.isNaN(ref) ? "" : white)
                + "; best " + result.rules().get(best[0]) + " at cost " + PlainNumber.of(result.costRates().get(best[1])), 8, 10);
        g.setFont(Fonts.regular(12));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int rowStep = Math.max(1, (int) Math.ceil(14 / h));
        for (int i = 0; i < r; i += rowStep) {
            g.fillText(result.rules().get(i), LEFT - 6, TOP + (i + 0.5) * h);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int colStep = Math.max(1, (int) Math.ceil(60 / w));
        for (int j = 0; j < c; j += colStep) {
            g.fillText(PlainNumber.of(result.costRates().get(j)), LEFT + (j + 0.5) * w, height - BOTTOM + 4);
        }
        g.fillText("cost rate", LEFT + (width - LEFT - RIGHT) / 2, height - BOTTOM + 22);
    }

    /**
     * Better than OFF towards the theme's "better" colour, worse towards its "worse" one, from the neutral colour at
     * OFF (or at the worst end of the range when OFF has no value).
     */
    private Color colour(ChartTheme theme, double v, double ref, double lo, double hi) {
        double centre = Double.isNaN(ref) ? (metric.higherIsBetter() ? lo : hi) : ref;
        double span = Math.max(Math.abs(hi - centre), Math.abs(lo - centre));
        double t = span == 0 ? 0 : (v - centre) / span; // −1 … 1
        if (!metric.higherIsBetter()) {
            t = -t;
        }
        double a = Math.min(1, Math.abs(t));
        return blend(theme.colour(ChartColour.HEATMAP_NEUTRAL),
                theme.colour(t >= 0 ? ChartColour.HEATMAP_BETTER : ChartColour.HEATMAP_WORSE), a);
    }

    /** {@code a} (0 … 1) of the way from {@code from} to {@code to}, each 8-bit channel rounded down. */
    static Color blend(Color from, Color to, double a) {
        return Color.rgb(channel(from.getRed(), to.getRed(), a), channel(from.getGreen(), to.getGreen(), a),
                channel(from.getBlue(), to.getBlue(), a));
    }

    private static int channel(double from, double to, double a) {
        int f = (int) Math.round(from * 255);
        int t = (int) Math.round(to * 255);
        return (int) (f + (t - f) * a);
    }

}
