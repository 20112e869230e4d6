package foresto.ui.sweep;

import foresto.ui.common.MetricNames;
import static foresto.i18n.Messages.tr;
import foresto.backtest.Metric;
import foresto.backtest.SweepRunner;
import foresto.i18n.LocaleFormat;
import foresto.text.DisplayNumber;
import foresto.ui.chart.CanvasChart;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.ChartTheme;
import foresto.ui.common.Fonts;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.Locale;

/**
 * The sweep grid as a heatmap: a row per rule, a column per cost rate, coloured by the chosen metric. Where
 * buy-and-hold has a value for the metric (final value, CAGR, volatility, drawdown) the colour is centred on
 * it: green better than OFF, red worse, white equal (the theme's {@link ChartColour#HEATMAP_BETTER},
 * {@link ChartColour#HEATMAP_WORSE}, {@link ChartColour#HEATMAP_NEUTRAL}); otherwise a single-hue scale from best to
 * worst; P(beats OFF) of a robust sweep is centred on 50 % (as likely to end above OFF as below). A colour scale on
 * the right says which value each colour stands for; each cell shows its value where the text fits; the best cell is
 * outlined in black (a key under the scale says so), and the cells chosen for comparison in the colour of their
 * line in the comparison chart. A {@link CanvasChart}: redrawn only when the data, metric, marked cells, size or colours change.
 */
public final class Heatmap extends CanvasChart {
    static final String COST_AXIS = "sweep.heatmap.costAxis";
    static final String BEST = "sweep.heatmap.best";
    static final double LEFT = 170;
    static final double TOP = 46;
    static final double BOTTOM = 44;
    /** Right of the cells: the colour scale and its values. */
    static final double RIGHT = 20 + HeatmapScale.WIDTH;
    /** The cells' values' font size; a value is shown only where it fits with this much room around it. */
    private static final double VALUE_FONT = 11;
    private static final double VALUE_PAD = 6;
    private SweepRunner.Result result;
    private Metric metric = Metric.FINAL_VALUE;
    private String title = "";
    private List<int[]> marked = List.of();
    /** What the last paint drew (tests read it): each cell's value text or null where it did not fit. */
    private String[][] shownValues = new String[0][0];
    private List<String> scaleLabels = List.of();
    /** The cost-rate labels the last paint wrote under the columns, left to right. */
    private List<String> costLabels = List.of();
    /** The heading the last paint wrote (the scenario, the metric and the best cell), for tests. */
    private String shownHeading = "";
    /** The best cell's key the last paint drew under the colour scale, and where (tests); null: none drawn. */
    private String bestKey;
    private Rectangle2D bestKeyBounds;
    /** The least room between two cost-rate labels. */
    private static final double COST_LABEL_GAP = 8;

    public Heatmap() {
        getStyleClass().add("heatmap");
        setMinSize(300, 180); // beside the comparison and the cells table, at 1280 × 800
        setPrefSize(900, 600);
    }

    public void show(SweepRunner.Result r, Metric m, String heading) {
        this.result = r;
        this.metric = m;
        this.title = heading;
        invalidate();
    }

    /**
     * The cells chosen for comparison ({rule, cost}, in the comparison's order), outlined in their line's colour.
     */
    public void setMarked(List<int[]> cells) {
        this.marked = List.copyOf(cells);
        invalidate();
    }

    public List<int[]> marked() {
        return marked;
    }

    /** The value text the last paint wrote in cell (rule i, cost j), or null when it did not fit (or no paint yet). */
    public String shownValue(int i, int j) {
        return i < shownValues.length && j < shownValues[i].length ? shownValues[i][j] : null;
    }

    /** The cost-rate labels the last paint wrote under the columns, left to right (tests). */
    public List<String> costLabels() {
        return costLabels;
    }

    /** The heading the last paint wrote: the scenario, the metric and the best cell with its cost rate (tests). */
    public String shownHeading() {
        return shownHeading;
    }

    /** The key to the best cell's frame the last paint wrote under the colour scale, or null (tests). */
    public String bestKey() {
        return bestKey;
    }

    /** Where the last paint drew that key, frame and text (tests). */
    public Rectangle2D bestKeyBounds() {
        return bestKeyBounds;
    }

    /** The rows' labels: each row's rule in words, in the current language, top to bottom. */
    public List<String> ruleWords() {
        List<String> words = new ArrayList<>();
        for (int i = 0; result != null && i < result.rules().size(); i++) {
            words.add(CellWords.rule(result.at(i, 0)));
        }
        return words;
    }

    /** A cost rate under its column, in the heading and in the hover text: a percentage with 2 decimals (0.002 → "0.20 %"). */
    static String costLabel(double rate) {
        return LocaleFormat.percent(rate, 2);
    }

    /** The colour scale's value labels the last paint wrote, top (the highest value) to bottom. */
    public List<String> scaleLabels() {
        return scaleLabels;
    }

    /** The centre of cell (rule i, cost j) in this node's coordinates. */
    public Point2D cellCentre(int i, int j) {
        double w = (getWidth() - LEFT - RIGHT) / result.costRates().size();
        double h = (getHeight() - TOP - BOTTOM) / result.rules().size();
        return new Point2D(LEFT + (j + 0.5) * w, TOP + (i + 0.5) * h);
    }

    /** The colour the comparison chart draws the {@code k}-th compared cell's line in, in this chart's theme. */
    public Color markColour(int k) {
        return theme().series(k, SweepComparison.colour(k));
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
        // money as the Cells table shows it (grouped, two decimals), in either language
        // every figure as the Cells table writes it: percentages with two decimals, counts grouped
        return tr("sweep.heatmap.tip", CellWords.rule(row), costLabel(row.costRate()), SweepView.text(Metric.FINAL_VALUE, m.finalValue()),
                SweepView.text(Metric.FINAL_VALUE, result.off().finalValue()), SweepView.text(Metric.CAGR, m.cagr()),
                SweepView.text(Metric.VOLATILITY, m.volatility()), SweepView.text(Metric.MAX_DRAWDOWN, m.maxDrawdown()),
                SweepView.text(Metric.EVENT_COUNT, m.eventCount()), SweepView.text(Metric.TURNOVER_PER_YEAR, row.turnoverPerYear()),
                SweepView.text(Metric.TOTAL_COST, m.totalCost()), SweepView.text(Metric.TRACKING_ERROR, row.trackingError()),
                SweepView.text(Metric.COST_DRAG, row.costDrag()),
                row.breakEvenCostRate() == null ? CellFlows.noBreakEven(row)
                        : SweepView.text(Metric.BREAK_EVEN_COST_RATE, row.breakEvenCostRate()))
                + CellFlows.hover(row) + robustText(row);
    }

    /**
     * OFF's value in the heading as the Summary writes it: money with two decimals and grouping (343,308.50, not the
     * scale's rounded 343,309); other units as the scale writes them.
     */
    static String offText(Metric metric, double ref) {
        return metric.unit() == Metric.Unit.MONEY ? DisplayNumber.money(ref) : metric.format(ref);
    }

    private static String f(String format, Object v) {
        return String.format(Locale.ROOT, format, v);
    }

    /**
     * A robust cell's P(beats OFF) in % with two decimals (as the Cells table and the Robustness tab write a share)
     * and its CAGR difference in percentage points; empty for a plain sweep.
     */
    private String robustText(SweepRunner.Row row) {
        SweepRunner.Robust b = row.robust();
        if (b == null || result.bootstrap() == null) {
            return "";
        }
        return tr("sweep.heatmap.robustTip", DisplayNumber.percent(b.pBeatsOff()), DisplayNumber.percent(b.pBeatsOffSe()),
                f("%,d", result.bootstrap().paths()), DisplayNumber.points(b.cagrDiffMedian()), DisplayNumber.points(b.cagrDiffP5()),
                DisplayNumber.points(b.cagrDiffP95()));
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
        shownValues = new String[0][0];
        scaleLabels = List.of();
        costLabels = List.of();
        shownHeading = "";
        bestKey = null;
        bestKeyBounds = null;
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
        double min = lo;
        double max = hi;
        // one value (a one-cell sweep, or cells all equal): the neutral colour, as no range is there to colour
        DoubleFunction<Color> colours = HeatmapScale.colours(min, max, theme.colour(ChartColour.HEATMAP_NEUTRAL),
                v -> colour(theme, v, ref, min, max));
        shownValues = new String[r][c];
        Font valueFont = Fonts.regular(VALUE_FONT);
        g.setFont(valueFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = metric.of(result.at(i, j));
                Color fill = colours.apply(v);
                g.setFill(fill);
                g.fillRect(LEFT + j * w, TOP + i * h, Math.ceil(w), Math.ceil(h));
                String text = metric.format(v);
                if (textWidth(text, valueFont) + VALUE_PAD <= w && VALUE_FONT + VALUE_PAD <= h) {
                    g.setFill(fill.getBrightness() < 0.55 ? Color.WHITE : theme.colour(ChartColour.HEATMAP_TEXT));
                    g.fillText(text, LEFT + (j + 0.5) * w, TOP + (i + 0.5) * h);
                    shownValues[i][j] = text;
                }
            }
        }
        int[] best = best();
        List<String> ruleWords = ruleWords();
        g.setStroke(theme.colour(ChartColour.HEATMAP_BEST));
        g.setLineWidth(2);
        g.strokeRect(LEFT + best[1] * w + 1, TOP + best[0] * h + 1, Math.max(2, w - 2), Math.max(2, h - 2));
        markCompared(g, w, h);
        scaleLabels = new HeatmapScale(metric, colours, theme)
                .paint(g, width - RIGHT + 14, TOP, height - BOTTOM, min, max, ref);
        bestKey(g, theme, width - RIGHT + 14, height - BOTTOM + 10, width - 2); // clear of the lowest value label

        g.setFill(theme.colour(ChartColour.HEATMAP_TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String white = tr(metric == Metric.P_BEATS_OFF ? "sweep.heatmap.white" : "sweep.heatmap.offWhite", offText(metric, ref));
        // the white stands for OFF (or 50 %) only on a scale with a range: a flat grid's neutral colour does not
        String what = MetricNames.title(metric) + (Double.isNaN(ref) || HeatmapScale.flat(min, max) ? "" : white)
                + tr(BEST, ruleWords.get(best[0]), costLabel(result.costRates().get(best[1])));
        String heading = title + " — " + what;
        shownHeading = heading;
        // the bundled font (portfolio and rule names may be Korean), smaller until the heading fits the width; in a
        // narrow map (beside the cells table) the scenario and the figure take a line each
        double size = 15;
        while (size > 11 && textWidth(heading, Fonts.regular(size)) > width - 16) {
            size--;
        }
        if (textWidth(heading, Fonts.regular(size)) <= width - 16) {
            g.setFont(Fonts.regular(size));
            g.fillText(heading, 8, 10);
        } else {
            double small = 12;
            while (small > 10 && Math.max(textWidth(title, Fonts.regular(small)), textWidth(what, Fonts.regular(small))) > width - 16) {
                small--;
            }
            g.setFont(Fonts.regular(small));
            g.fillText(title, 8, 4);
            g.fillText(what, 8, 6 + small * 1.4);
        }
        // the rows' rules in words, smaller until the widest fits left of the cells
        double rowFont = 12;
        double widestRule = 0;
        for (String words : ruleWords) {
            widestRule = Math.max(widestRule, textWidth(words, Fonts.regular(rowFont)));
        }
        while (rowFont > 9 && widestRule > LEFT - 10) {
            rowFont--;
            widestRule = 0;
            for (String words : ruleWords) {
                widestRule = Math.max(widestRule, textWidth(words, Fonts.regular(rowFont)));
            }
        }
        g.setFont(Fonts.regular(rowFont));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int rowStep = Math.max(1, (int) Math.ceil((rowFont + 2) / h));
        for (int i = 0; i < r; i += rowStep) {
            g.fillText(ruleWords.get(i), LEFT - 6, TOP + (i + 0.5) * h);
        }
        g.setFont(Fonts.regular(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        // each cost rate as a percentage; every column labelled where the widest label fits its width, else every
        // second (third, …) one
        String[] costs = new String[c];
        double widest = 0;
        for (int j = 0; j < c; j++) {
            costs[j] = costLabel(result.costRates().get(j));
            widest = Math.max(widest, textWidth(costs[j], Fonts.regular(12)));
        }
        int colStep = Math.max(1, (int) Math.ceil((widest + COST_LABEL_GAP) / w));
        List<String> shownCosts = new ArrayList<>();
        for (int j = 0; j < c; j += colStep) {
            g.fillText(costs[j], LEFT + (j + 0.5) * w, height - BOTTOM + 4);
            shownCosts.add(costs[j]);
        }
        costLabels = List.copyOf(shownCosts);
        g.fillText(tr(COST_AXIS), LEFT + (width - LEFT - RIGHT) / 2, height - BOTTOM + 22);
    }

    /**
     * Under the colour scale, a key to the best cell's frame (a small square framed as the best cell is, then its
     * name), so the frame does not read as a selection; smaller until it fits between {@code x} and {@code right}.
     */
    private void bestKey(GraphicsContext g, ChartTheme theme, double x, double y, double right) {
        String text = tr("sweep.heatmap.bestKey");
        double size = 11;
        while (size > 8 && 16 + textWidth(text, Fonts.regular(size)) > right - x) {
            size--;
        }
        g.setStroke(theme.colour(ChartColour.HEATMAP_BEST));
        g.setLineWidth(2);
        g.strokeRect(x + 1, y + 1, 10, 10);
        g.setFont(Fonts.regular(size));
        g.setFill(theme.colour(ChartColour.HEATMAP_TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + 16, y + 6);
        bestKey = text;
        bestKeyBounds = new Rectangle2D(x, y, 16 + textWidth(text, Fonts.regular(size)), 12);
    }

    /**
     * The compared cells: a 3-pixel frame along the cell's edge (clear of its value) in the colour of its line in the comparison chart, with a white
     * one inside it so it shows on any cell colour.
     */
    private void markCompared(GraphicsContext g, double w, double h) {
        int r = result.rules().size();
        int c = result.costRates().size();
        for (int k = 0; k < marked.size(); k++) {
            int[] cell = marked.get(k);
            if (cell[0] >= r || cell[1] >= c) {
                continue;
            }
            double x = LEFT + cell[1] * w;
            double y = TOP + cell[0] * h;
            g.setLineWidth(3);
            g.setStroke(markColour(k));
            g.strokeRect(x + 1.5, y + 1.5, Math.max(1, w - 3), Math.max(1, h - 3));
            g.setLineWidth(1);
            g.setStroke(Color.WHITE);
            g.strokeRect(x + 3.5, y + 3.5, Math.max(1, w - 7), Math.max(1, h - 7));
        }
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
