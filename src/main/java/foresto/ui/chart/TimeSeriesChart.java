package foresto.ui.chart;

import foresto.ui.Fonts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A date-axis line chart for long daily series, drawn on one canvas once per pulse: only the visible range,
 * downsampled to the plot width (peaks, troughs and event days always kept). Date ticks fall on calendar
 * boundaries, value ticks on round numbers (also on the log scale). Rebalancing events sit in a lane under the
 * plot, so the lines stay visible at any density; once zoomed in far enough to tell them apart they are also
 * drawn on their line, growing as you zoom. A selected event and a selected day (the cursor) are drawn on every
 * chart that shares them. Drag to zoom, double-click to reset, click an event or a day to select it.
 */
public class TimeSeriesChart extends Region {
    /** One line: x in epoch days, y values (NaN = no point), and its colour (null: the palette's next). */
    public record Line(String name, double[] x, double[] y, Color color) {
        public Line(String name, double[] x, double[] y) {
            this(name, x, y, null);
        }
    }

    /** What a chart shows: lines (the first gives the x values), markers on one line, a reference line. */
    public record Content(List<Line> lines, int markerLine, List<Marker> markers, double horizontal, String horizontalName) {
        public static final Content EMPTY = new Content(List.of(), -1, List.of(), Double.NaN, "");

        public Content {
            lines = List.copyOf(lines);
            markers = List.copyOf(markers);
        }

        public Content(List<Line> lines) {
            this(lines, -1, List.of(), Double.NaN, "");
        }
    }

    /** The visible date range in epoch days; {@link #ALL} shows everything. */
    public record Range(double from, double to) {
        public static final Range ALL = new Range(Double.NaN, Double.NaN);

        public boolean isAll() {
            return Double.isNaN(from) || Double.isNaN(to);
        }
    }

    /** An event marker on a line: index into that line's arrays, a tooltip, and an id reported on click. */
    public record Marker(int index, String tooltip, int id) {
    }

    /** How value-axis labels read: money (grouped digits) or percent (value × 100). */
    public enum Units {
        MONEY, PERCENT
    }

    public static final Color ON_COLOUR = Color.web("#0969da");
    public static final Color OFF_COLOUR = Color.web("#8c959f");
    static final Color EVENT_COLOUR = Color.web("#bf8700");
    static final Color SELECTED_COLOUR = Color.web("#cf222e");
    static final Color REFERENCE_COLOUR = Color.web("#cf222e");
    private static final Color[] PALETTE = {ON_COLOUR, OFF_COLOUR, Color.web("#1a7f37"), Color.web("#8250df"),
            Color.web("#bf3989"), Color.web("#bc4c00"), Color.web("#0550ae"), Color.web("#116329")};
    private static final Color GRID = Color.web("#d0d7de");
    private static final Color AXIS_TEXT = Color.web("#57606a");
    private static final double LANE = 14;

    private final Canvas canvas = new Canvas();
    private final Label placeholder = new Label("Run a backtest to see its paths here.");
    private final Rectangle zoomBox = new Rectangle();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<Range> visibleRange = new SimpleObjectProperty<>(Range.ALL);
    private final ObjectProperty<Integer> highlighted = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> dayCursor = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final Tooltip tip = new Tooltip();
    private final String yLabel;
    private Units units = Units.MONEY;
    private Content content = Content.EMPTY;
    private IntConsumer onMarkerClicked = id -> { };
    private IntConsumer onDayClicked = i -> { };
    private Point2D dragStart;
    private boolean dirty = true;

    // what the last draw put where (for hit tests and for tests)
    private double px0;
    private double px1;
    private double py0;
    private double py1;
    private double xLo;
    private double xHi;
    private int[] shownMarkerIds = new int[0];
    private double[] shownMarkerX = new double[0];
    private double[] shownMarkerY = new double[0];
    private boolean markersOnLine;
    private int[] drawnPoints = new int[0];
    private List<AxisTicks.Tick> xTicks = List.of();
    private List<AxisTicks.Tick> yTicks = List.of();
    private long draws;

    public TimeSeriesChart(String yLabel) {
        this.yLabel = yLabel;
        getStyleClass().add("time-series-chart");
        zoomBox.getStyleClass().add("zoom-box");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        zoomBox.setMouseTransparent(true);
        placeholder.getStyleClass().add("text-muted");
        placeholder.setMouseTransparent(true);
        getChildren().addAll(canvas, zoomBox, placeholder);
        setMinSize(120, 80);
        setPrefSize(800, 400);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        logScale.addListener((o, a, b) -> invalidate());
        visibleRange.addListener((o, a, b) -> invalidate());
        highlighted.addListener((o, a, b) -> invalidate());
        dayCursor.addListener((o, a, b) -> invalidate());
        title.addListener((o, a, b) -> invalidate());
        installMouse();
    }

    /** Redraw at the next layout pass: however many changes arrive in one pulse, the canvas is drawn once. */
    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
        placeholder.setVisible(content.lines().isEmpty());
        if (dirty) {
            dirty = false;
            draw();
        }
    }

    public void setUnits(Units u) {
        this.units = u;
        invalidate();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** A title drawn above the plot (reports); empty for none. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The visible range; bind two charts' ranges bidirectionally to zoom them together. */
    public ObjectProperty<Range> visibleRangeProperty() {
        return visibleRange;
    }

    public void zoomTo(double from, double to) {
        visibleRange.set(new Range(Math.min(from, to), Math.max(from, to)));
    }

    public ObjectProperty<Integer> highlightedProperty() {
        return highlighted;
    }

    /** The selected day (index into the lines' arrays), drawn as a vertical cursor; null for none. */
    public ObjectProperty<Integer> selectedDayProperty() {
        return dayCursor;
    }

    public void setOnMarkerClicked(IntConsumer c) {
        this.onMarkerClicked = c;
    }

    /** Receives the index (into the lines' arrays) of the day clicked. */
    public void setOnDayClicked(IntConsumer c) {
        this.onDayClicked = c;
    }

    /** Shows new content in full. */
    public void setData(Content c) {
        this.content = c;
        visibleRange.set(Range.ALL); // new data: show all of it
        invalidate();
    }

    public Content content() {
        return content;
    }

    public void clear() {
        setData(Content.EMPTY);
    }

    public void resetZoom() {
        visibleRange.set(Range.ALL);
    }

    // ---- what the last draw showed (tests, measurements) ----

    /** Ids of the events drawn (in the lane, inside the visible range), in date order. */
    public List<Integer> markerIds() {
        return Arrays.stream(shownMarkerIds).boxed().toList();
    }

    /** Ids of the events drawn as selected. */
    public List<Integer> selectedMarkerIds() {
        Integer h = highlighted.get();
        return h == null ? List.of() : markerIds().stream().filter(h::equals).toList();
    }

    /** Whether the events are also drawn on their line (only when zoomed in far enough to tell them apart). */
    public boolean markersOnLine() {
        return markersOnLine;
    }

    /** Where on the screen an event is drawn (its lane mark), for pointing at it; null when not drawn. */
    public Point2D markerScreenPoint(int id) {
        for (int i = 0; i < shownMarkerIds.length; i++) {
            if (shownMarkerIds[i] == id) {
                return canvas.localToScreen(shownMarkerX[i], py1 + LANE / 2 + 1);
            }
        }
        return null;
    }

    /** Where on the screen a day is (on the plot's vertical middle), for pointing at it. */
    public Point2D dayScreenPoint(double epochDay) {
        return canvas.localToScreen(xPixel(epochDay), (py0 + py1) / 2);
    }

    /** The names in the legend: the lines, then the events and the reference line when present. */
    public List<String> seriesNames() {
        List<String> out = new ArrayList<>(content.lines().stream().map(Line::name).toList());
        if (content.markerLine() >= 0) {
            out.add("Rebalancing events");
        }
        if (!Double.isNaN(content.horizontal())) {
            out.add(content.horizontalName());
        }
        return out;
    }

    /** Points of each line drawn by the last draw (after downsampling). */
    public int[] drawnPoints() {
        return drawnPoints.clone();
    }

    public List<AxisTicks.Tick> xTicks() {
        return xTicks;
    }

    public List<AxisTicks.Tick> yTicks() {
        return yTicks;
    }

    /** How many times the canvas has been drawn. */
    public long drawCount() {
        return draws;
    }

    /** The colour a line is drawn in. */
    public Color colourOf(int line) {
        Color c = content.lines().get(line).color();
        return c != null ? c : PALETTE[line % PALETTE.length];
    }

    // ---- drawing ----

    private double xPixel(double day) {
        return px0 + (day - xLo) / Math.max(1e-9, xHi - xLo) * (px1 - px0);
    }

    private static int firstAtOrAfter(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.min(x.length - 1, -i - 1);
    }

    private static int lastAtOrBefore(double[] x, double v) {
        int i = Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    private void draw() {
        draws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        shownMarkerIds = new int[0];
        shownMarkerX = new double[0];
        shownMarkerY = new double[0];
        drawnPoints = new int[content.lines().size()];
        xTicks = List.of();
        yTicks = List.of();
        markersOnLine = false;
        if (content.lines().isEmpty() || content.lines().get(0).x().length == 0 || w < 60 || h < 60) {
            return;
        }
        Font small = Fonts.regular(11);
        Font titleFont = Fonts.bold(14);
        double[] x = content.lines().get(0).x();
        Range r = visibleRange.get();
        int from = r.isAll() ? 0 : firstAtOrAfter(x, r.from());
        int to = r.isAll() ? x.length - 1 : lastAtOrBefore(x, r.to());
        if (to < from) {
            to = from;
        }
        xLo = x[from];
        xHi = Math.max(x[to], x[from] + 1);
        boolean log = logScale.get();

        // the value range of what is visible
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line line : content.lines()) {
            for (int i = from; i <= to; i++) {
                double v = line.y()[i];
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isNaN(content.horizontal())) {
            lo = Math.min(lo, content.horizontal());
            hi = Math.max(hi, content.horizontal());
        }
        if (!(lo <= hi)) {
            return;
        }
        if (hi == lo) {
            double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.05 : 1;
            lo -= pad;
            hi += pad;
        }
        double ylo;
        double yhi;
        if (log) {
            double pad = (Math.log(hi) - Math.log(lo)) * 0.04;
            ylo = Math.exp(Math.log(lo) - pad);
            yhi = Math.exp(Math.log(hi) + pad);
        } else {
            double pad = (hi - lo) * 0.04;
            ylo = lo - pad;
            yhi = hi + pad;
        }

        // layout: title, legend row, plot, event lane, date labels
        double top = 6 + (title.get().isEmpty() ? 0 : 22);
        double legendH = 18;
        py0 = top + legendH + 4;
        boolean lane = content.markerLine() >= 0;
        py1 = h - 20 - (lane ? LANE : 0);
        int maxY = Math.max(2, (int) ((py1 - py0) / 42));
        double scale = units == Units.PERCENT ? 100 : 1;
        yTicks = log ? AxisTicks.log(ylo, yhi, maxY, units == Units.MONEY)
                : AxisTicks.linear(ylo, yhi, maxY, scale, units == Units.MONEY);
        double labelW = 0;
        for (AxisTicks.Tick t : yTicks) {
            labelW = Math.max(labelW, textWidth(t.label(), small));
        }
        px0 = 8 + 16 + labelW + 6;
        px1 = w - 16;
        final double fy0 = py0;
        final double fy1 = py1;
        final double flo = log ? Math.log(ylo) : ylo;
        final double fhi = log ? Math.log(yhi) : yhi;
        java.util.function.DoubleUnaryOperator yPix = v -> fy1 - ((log ? Math.log(v) : v) - flo) / (fhi - flo) * (fy1 - fy0);

        if (!title.get().isEmpty()) {
            g.setFont(titleFont);
            g.setFill(Color.web("#24292f"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title.get(), px0, 6);
        }

        // grid and value labels
        g.setFont(small);
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (AxisTicks.Tick t : yTicks) {
            double y = Math.rint(yPix.applyAsDouble(t.value())) + 0.5;
            if (y < py0 - 0.5 || y > py1 + 0.5) {
                continue;
            }
            g.setStroke(GRID);
            g.strokeLine(px0, y, px1, y);
            g.setFill(AXIS_TEXT);
            g.fillText(t.label(), px0 - 6, y);
        }
        // date labels: calendar-aligned, none cut at either edge
        int maxX = Math.max(2, (int) ((px1 - px0) / 70));
        xTicks = AxisTicks.dates(xLo, xHi, maxX);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (AxisTicks.Tick t : xTicks) {
            double xp = Math.rint(xPixel(t.value())) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(xp, py0, xp, py1);
            double tw = textWidth(t.label(), small);
            if (xp - tw / 2 < lastRight + 6 || xp + tw / 2 > w - 2 || xp - tw / 2 < 2) {
                continue;
            }
            g.setFill(AXIS_TEXT);
            g.fillText(t.label(), xp, h - 17);
            lastRight = xp + tw / 2;
        }
        // axis label (rotated)
        g.save();
        g.translate(12, (py0 + py1) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(AXIS_TEXT);
        g.fillText(yLabel + (log ? " (log scale)" : ""), 0, 0);
        g.restore();
        g.setStroke(Color.web("#8c959f"));
        g.strokeRect(Math.rint(px0) + 0.5, Math.rint(py0) + 0.5, Math.rint(px1 - px0), Math.rint(py1 - py0));

        // reference line (threshold)
        g.save();
        g.beginPath();
        g.rect(px0, py0, px1 - px0, py1 - py0);
        g.clip();
        if (!Double.isNaN(content.horizontal())) {
            double y = yPix.applyAsDouble(content.horizontal());
            g.setStroke(REFERENCE_COLOUR);
            g.setLineWidth(1.2);
            g.setLineDashes(6, 4);
            g.strokeLine(px0, y, px1, y);
            g.setLineDashes((double[]) null);
        }

        // lines: only the visible range, a few points per pixel (peaks, troughs and event days kept)
        int buckets = (int) Math.max(100, (px1 - px0) / 2);
        int[] keep = content.markers().stream().mapToInt(Marker::index).toArray();
        g.setLineWidth(1.4);
        for (int li = content.lines().size() - 1; li >= 0; li--) { // the first line (ON) on top
            Line line = content.lines().get(li);
            int[] idx = Downsampler.indices(line.y(), from, to, buckets, keep);
            double[] xs = new double[idx.length];
            double[] ys = new double[idx.length];
            int n = 0;
            g.setStroke(colourOf(li));
            for (int i : idx) {
                double v = line.y()[i];
                if (Double.isNaN(v) || log && v <= 0) {
                    if (n > 1) {
                        g.strokePolyline(xs, ys, n);
                    }
                    drawnPoints[li] += n;
                    n = 0;
                    continue;
                }
                xs[n] = xPixel(line.x()[i]);
                ys[n] = yPix.applyAsDouble(v);
                n++;
            }
            if (n > 1) {
                g.strokePolyline(xs, ys, n);
            }
            drawnPoints[li] += n;
        }

        // events: always in the lane; on the line too once they are far enough apart to be told apart
        Integer sel = highlighted.get();
        if (lane) {
            Line on = content.lines().get(content.markerLine());
            List<Marker> vis = new ArrayList<>();
            for (Marker m : content.markers()) {
                if (m.index() >= from && m.index() <= to && !Double.isNaN(on.y()[m.index()])) {
                    vis.add(m);
                }
            }
            shownMarkerIds = new int[vis.size()];
            shownMarkerX = new double[vis.size()];
            shownMarkerY = new double[vis.size()];
            double spacing = (px1 - px0) / Math.max(1, vis.size());
            // on the line only when they are at least 14 px apart on average: dense markers would hide the line
            double radius = Math.min(4.5, spacing / 4);
            markersOnLine = spacing >= 14;
            for (int i = 0; i < vis.size(); i++) {
                Marker m = vis.get(i);
                shownMarkerIds[i] = m.id();
                shownMarkerX[i] = xPixel(on.x()[m.index()]);
                shownMarkerY[i] = yPix.applyAsDouble(on.y()[m.index()]);
                if (markersOnLine) {
                    g.setFill(EVENT_COLOUR);
                    g.fillOval(shownMarkerX[i] - radius, shownMarkerY[i] - radius, 2 * radius, 2 * radius);
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(1);
                    g.strokeOval(shownMarkerX[i] - radius, shownMarkerY[i] - radius, 2 * radius, 2 * radius);
                }
            }
            for (int i = 0; i < shownMarkerIds.length; i++) { // the selected event: a ring on its line
                if (sel != null && sel == shownMarkerIds[i]) {
                    g.setStroke(SELECTED_COLOUR);
                    g.setLineWidth(2);
                    g.strokeOval(shownMarkerX[i] - 6, shownMarkerY[i] - 6, 12, 12);
                }
            }
        }
        // the cursor: the selected day, on every chart that shares it
        Integer day = dayCursor.get();
        if (day != null && day >= from && day <= to && day < x.length) {
            double xp = Math.rint(xPixel(x[day])) + 0.5;
            g.setStroke(Color.web("#24292f", 0.7));
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(xp, py0, xp, py1);
            g.setLineDashes((double[]) null);
            for (int li = 0; li < content.lines().size(); li++) {
                double v = content.lines().get(li).y()[day];
                if (!Double.isNaN(v) && (!log || v > 0)) {
                    double yp = yPix.applyAsDouble(v);
                    g.setFill(colourOf(li));
                    g.fillOval(xp - 3.5, yp - 3.5, 7, 7);
                }
            }
        }
        g.restore();

        if (lane) {
            double ly0 = py1 + 2;
            g.setFill(Color.web("#f6f8fa"));
            g.fillRect(px0, ly0, px1 - px0, LANE - 3);
            g.setLineWidth(1);
            for (int i = 0; i < shownMarkerIds.length; i++) {
                boolean s = sel != null && sel == shownMarkerIds[i];
                g.setStroke(s ? SELECTED_COLOUR : EVENT_COLOUR);
                g.setLineWidth(s ? 3 : 1);
                double xp = Math.rint(shownMarkerX[i]) + 0.5;
                g.strokeLine(xp, ly0 + (s ? 0 : 2), xp, ly0 + LANE - (s ? 3 : 5));
            }
        }

        drawLegend(g, small, top);
    }

    /** Line keys (short strokes, not circles) for each line, the events and the reference line. */
    private void drawLegend(GraphicsContext g, Font f, double top) {
        double xk = px0 + 4;
        double yk = top + 9;
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int li = 0; li < content.lines().size(); li++) {
            g.setStroke(colourOf(li));
            g.setLineWidth(2.5);
            g.strokeLine(xk, yk, xk + 18, yk);
            g.setFill(Color.web("#24292f"));
            String name = content.lines().get(li).name();
            g.fillText(name, xk + 24, yk);
            xk += 24 + textWidth(name, f) + 18;
        }
        if (content.markerLine() >= 0) {
            g.setStroke(EVENT_COLOUR);
            g.setLineWidth(1.5);
            g.strokeLine(xk + 3, yk - 6, xk + 3, yk + 6);
            g.strokeLine(xk + 8, yk - 6, xk + 8, yk + 6);
            g.setFill(Color.web("#24292f"));
            String name = "Rebalancing events (" + content.markers().size() + ")";
            g.fillText(name, xk + 16, yk);
            xk += 16 + textWidth(name, f) + 18;
        }
        if (!Double.isNaN(content.horizontal())) {
            g.setStroke(REFERENCE_COLOUR);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(xk, yk, xk + 18, yk);
            g.setLineDashes((double[]) null);
            g.setFill(Color.web("#24292f"));
            g.fillText(content.horizontalName(), xk + 24, yk);
        }
    }

    // ---- mouse ----

    /** The event drawn under a canvas point (within a few pixels of its lane mark or its circle), or -1. */
    private int markerAt(double cx, double cy) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        boolean inLane = cy >= py1 && cy <= py1 + LANE + 2;
        for (int i = 0; i < shownMarkerIds.length; i++) {
            double dx = Math.abs(cx - shownMarkerX[i]);
            double d = inLane ? dx : markersOnLine ? Math.hypot(dx, cy - shownMarkerY[i]) : Double.MAX_VALUE;
            if (d <= (inLane ? 4 : 7) && d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private int dayIndexAt(double cx) {
        double[] x = content.lines().get(0).x();
        double v = xLo + (cx - px0) / Math.max(1e-9, px1 - px0) * (xHi - xLo);
        int i = Arrays.binarySearch(x, Math.rint(v));
        int idx = i >= 0 ? i : Math.min(x.length - 1, Math.max(0, -i - 1));
        if (idx > 0 && Math.abs(x[idx - 1] - v) < Math.abs(x[idx] - v)) {
            idx--;
        }
        return idx;
    }

    private double dayAt(double cx) {
        return xLo + (cx - px0) / Math.max(1e-9, px1 - px0) * (xHi - xLo);
    }

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int i = markerAt(e.getX(), e.getY());
            if (i < 0) {
                tip.hide();
                setCursor(javafx.scene.Cursor.DEFAULT);
                return;
            }
            setCursor(javafx.scene.Cursor.HAND);
            int id = shownMarkerIds[i];
            content.markers().stream().filter(m -> m.id() == id).findFirst().ifPresent(m -> tip.setText(m.tooltip()));
            if (getScene() != null && getScene().getWindow() != null) {
                tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tip.hide());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStart = new Point2D(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStart == null) {
                return;
            }
            tip.hide();
            zoomBox.setVisible(true);
            zoomBox.setX(Math.max(px0, Math.min(dragStart.getX(), e.getX())));
            zoomBox.setY(py0);
            zoomBox.setWidth(Math.abs(e.getX() - dragStart.getX()));
            zoomBox.setHeight(py1 - py0);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            zoomBox.setVisible(false);
            if (dragStart == null || content.lines().isEmpty()) {
                dragStart = null;
                return;
            }
            double dx = Math.abs(e.getX() - dragStart.getX());
            double startX = dragStart.getX();
            dragStart = null;
            if (dx > 8) {
                double a = dayAt(startX);
                double b = dayAt(e.getX());
                if (Math.abs(b - a) >= 5) {
                    zoomTo(a, b);
                }
                return;
            }
            if (e.getClickCount() == 2) {
                resetZoom();
                return;
            }
            int i = markerAt(e.getX(), e.getY());
            if (i >= 0) {
                onMarkerClicked.accept(shownMarkerIds[i]);
            } else if (e.getX() >= px0 && e.getX() <= px1) {
                onDayClicked.accept(dayIndexAt(e.getX()));
            }
        });
    }
}
