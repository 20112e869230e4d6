package foresto.ui.chart;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.ui.common.Fonts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntConsumer;

/**
 * A date-axis line chart for long daily series, drawn on one canvas once per pulse: only the visible range,
 * downsampled to the plot width (peaks, troughs and event days always kept). Date ticks fall on calendar
 * boundaries, value ticks on round numbers (also on the log scale). Rebalancing events sit in a lane under the
 * plot, so the lines stay visible at any density; once zoomed in far enough to tell them apart they are also
 * drawn on their line, growing as you zoom. A selected event and a selected day (the cursor) are drawn on every
 * chart that shares them. Drag to zoom, double-click to reset, click an event or a day to select it.
 */
public class TimeSeriesChart extends CanvasChart {
    /**
     * One line: x in epoch days, y values (NaN = no point), and its colour (null: the palette's next; a palette
     * colour such as {@link #ON_COLOUR}: the theme's colour of that slot; see {@link ChartTheme#series}). The
     * arrays are the caller's, shared and not copied (a run's paths are long and drawn every frame): nobody
     * writes to them once a line is made.
     */
    public record Line(String name, double[] x, double[] y, Color color) {
        public Line(String name, double[] x, double[] y) {
            this(name, x, y, null);
        }
    }

    /**
     * What a chart shows: lines (the first gives the x values), markers on one line, a reference line, and a line that
     * does not set the value axis ({@code unscaledLine}, -1 for none): drawn clipped to the plot and marked at the
     * plot's edge where it leaves the range, unless the chart is told to {@link #scaleToAllProperty scale to all}.
     */
    public record Content(List<Line> lines, int markerLine, List<Marker> markers, double horizontal, String horizontalName,
                          int unscaledLine) {
        public static final Content EMPTY = new Content(List.of(), -1, List.of(), Double.NaN, "");

        public Content {
            lines = List.copyOf(lines);
            markers = List.copyOf(markers);
        }

        public Content(List<Line> lines, int markerLine, List<Marker> markers, double horizontal, String horizontalName) {
            this(lines, markerLine, markers, horizontal, horizontalName, -1);
        }

        public Content(List<Line> lines) {
            this(lines, -1, List.of(), Double.NaN, "");
        }

        /** This content with every line setting the value axis. */
        Content scaledToAll() {
            return unscaledLine < 0 ? this : new Content(lines, markerLine, markers, horizontal, horizontalName, -1);
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

    /** How value-axis labels read: money (grouped digits), percent (value × 100) or a plain ratio (value as it is). */
    public enum Units {
        MONEY, PERCENT, RATIO
    }

    /** The ON path's palette slot: a line given it is drawn in the theme's {@link ChartColour#ON}. */
    public static final Color ON_COLOUR = ChartColour.ON.fallback();
    /** The OFF path's palette slot: a line given it is drawn in the theme's {@link ChartColour#OFF}. */
    public static final Color OFF_COLOUR = ChartColour.OFF.fallback();
    private static final double LANE = ChartPainter.LANE;
    /** The fewest value ticks a chart shows while they can stay 22 px apart: a low chart still reads at four values. */
    public static final int MIN_VALUE_TICKS = 4;
    /** A value the readout has no number for (no point on that day). */
    static final String NO_VALUE = "—";
    /** A readout line: the series' name and its value on the hovered day. */
    static final String READOUT_LINE = "%s: %s";

    private final Label placeholder = new Label(tr("chart.placeholder"));
    private final Rectangle zoomBox = new Rectangle();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final BooleanProperty scaleToAll = new SimpleBooleanProperty(false);
    private final ObjectProperty<Range> visibleRange = new SimpleObjectProperty<>(Range.ALL);
    private final ObjectProperty<Integer> highlighted = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> dayCursor = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final Tooltip tip = new Tooltip();
    private String yLabel;
    /** The value axis's name when the full one does not fit the chart's height; empty for none. */
    private String shortYLabel = "";
    /** Whether the dates are written under the plot (a chart under another with the same dates may leave them out). */
    private boolean dateLabels = true;
    private Units units = Units.MONEY;
    private Content content = Content.EMPTY;
    /** The dates (x values) of the cash flows shown in their own lane; none: no lane. */
    private double[] flowDays = new double[0];
    private IntConsumer onMarkerClicked = id -> { };
    private IntConsumer onDayClicked = i -> { };
    private Point2D dragStart;
    /** The hovered day's date and each line's value on it, shown while the pointer is over the plot. */
    private final Label readout = ChartReadout.label("chartReadout");
    /** More readout lines for the hovered day (epoch day), e.g. another chart's values; null or empty for none. */
    private DoubleFunction<String> readoutExtra = day -> "";
    /** How the readout writes a value (never NaN); null: by the chart's {@link Units}. */
    private DoubleFunction<String> readoutFormat;
    /** Whether the readout sits at the plot's right (the pointer is over its left third). */
    private boolean readoutOnRight;

    /** Where the last draw put things (hit tests, tests). */
    private DrawnChart drawn = new DrawnChart();

    public TimeSeriesChart(String yLabel) {
        this.yLabel = yLabel;
        getStyleClass().add("time-series-chart");
        zoomBox.getStyleClass().add("zoom-box");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        zoomBox.setMouseTransparent(true);
        placeholder.getStyleClass().add("text-muted");
        placeholder.setMouseTransparent(true);
        getChildren().addAll(zoomBox, placeholder, readout);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        logScale.addListener((o, a, b) -> invalidate());
        scaleToAll.addListener((o, a, b) -> invalidate());
        visibleRange.addListener((o, a, b) -> invalidate());
        highlighted.addListener((o, a, b) -> invalidate());
        dayCursor.addListener((o, a, b) -> invalidate());
        title.addListener((o, a, b) -> invalidate());
        installMouse();
    }

    @Override
    protected void layoutOverlays(double w, double h) {
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
        placeholder.setVisible(content.lines().isEmpty());
        if (content.lines().isEmpty()) {
            readout.setVisible(false);
        }
        if (readout.isVisible()) {
            readout.autosize();
            placeReadout();
        }
    }

    /** Top left of the plot, or top right when the pointer is over the left part (so the box never hides it). */
    private void placeReadout() {
        readout.autosize();
        double x = readoutOnRight ? drawn.px1 - readout.getWidth() - 6 : drawn.px0 + 6;
        readout.relocate(Math.max(0, x), drawn.py0 + 4);
    }


    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        Content shown = scaleToAll.get() ? content.scaledToAll() : content;
        drawn = ChartPainter.paint(g, w, h, new ChartPainter.Scene(shown, visibleRange.get(), logScale.get(), units,
                yLabel, title.get(), highlighted.get(), dayCursor.get(), this::colourOf, theme(), flowDays, shortYLabel,
                dateLabels, MIN_VALUE_TICKS));
    }

    /**
     * Draws every printable ASCII character in the charts' fonts into a small image, so their glyphs are rasterised
     * (and the text-drawing path run) before the first chart is shown: in the software pipeline that first frame
     * otherwise spends ~70 ms on the render thread making them, and the FX thread waits for it. FX thread; holds it
     * for the one small snapshot (tens of ms, once).
     */
    public static void primeText() {
        StringBuilder ascii = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            ascii.append(c);
        }
        Canvas c = new Canvas(900, 44);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setTextBaseline(VPos.TOP);
        g.setFont(Fonts.regular(11));
        g.fillText(ascii.toString(), 0, 2);
        g.setFont(Fonts.bold(14));
        g.fillText(ascii.toString(), 0, 20);
        c.snapshot(null, null);
    }

    /** The value axis's label. */
    public String yLabel() {
        return yLabel;
    }

    public void setYLabel(String label) {
        this.yLabel = label;
        invalidate();
    }

    /** The value axis's name drawn when the full one is longer than the chart is high; empty for none. */
    public void setShortYLabel(String label) {
        this.shortYLabel = label == null ? "" : label;
        invalidate();
    }

    /** False: no date labels under the plot (it takes their room), for a chart under one showing the same dates. */
    public void setDateLabels(boolean shown) {
        this.dateLabels = shown;
        invalidate();
    }

    /** The value axis's name as the last draw wrote it (the short one, or cut, when the full one did not fit). */
    public String drawnYTitle() {
        return drawn.yTitle;
    }

    /** The plot's height in pixels at the last draw (between its top and bottom frame lines). */
    public double plotHeight() {
        return drawn.py1 - drawn.py0;
    }

    public void setUnits(Units u) {
        this.units = u;
        invalidate();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /**
     * True: every line sets the value axis, also the content's {@link Content#unscaledLine}; false (the default): that
     * line is clipped to the others' range and marked where it leaves it.
     */
    public BooleanProperty scaleToAllProperty() {
        return scaleToAll;
    }

    /** The value axis's units. */
    public Units units() {
        return units;
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

    /**
     * Marks cash flows on their dates ({@code days}: x values, epoch days) in a lane of their own under the events'
     * lane; an empty array removes the lane.
     */
    public void setFlowLane(double[] days) {
        flowDays = days.clone();
        invalidate();
    }

    /** How many cash flows the last paint marked in the flow lane (inside the visible range). */
    public int shownFlowCount() {
        return drawn.shownFlows;
    }

    /** Ids of the events drawn (in the lane, inside the visible range), in date order. */
    public List<Integer> markerIds() {
        return Arrays.stream(drawn.shownMarkerIds).boxed().toList();
    }

    /** Ids of the events drawn as selected. */
    public List<Integer> selectedMarkerIds() {
        Integer h = highlighted.get();
        return h == null ? List.of() : markerIds().stream().filter(h::equals).toList();
    }

    /** Whether the events are also drawn on their line (only when zoomed in far enough to tell them apart). */
    public boolean markersOnLine() {
        return drawn.markersOnLine;
    }

    /** Where on the screen an event is drawn (its lane mark), for pointing at it; null when not drawn. */
    public Point2D markerScreenPoint(int id) {
        for (int i = 0; i < drawn.shownMarkerIds.length; i++) {
            if (drawn.shownMarkerIds[i] == id) {
                return canvas.localToScreen(drawn.shownMarkerX[i], drawn.py1 + LANE / 2 + 1);
            }
        }
        return null;
    }

    /** Where on the screen a day is (on the plot's vertical middle), for pointing at it. */
    public Point2D dayScreenPoint(double epochDay) {
        return canvas.localToScreen(drawn.xPixel(epochDay), (drawn.py0 + drawn.py1) / 2);
    }

    /** The names in the legend: the lines, then the events and the reference line when present. */
    public List<String> seriesNames() {
        List<String> out = new ArrayList<>(content.lines().stream().map(Line::name).toList());
        if (content.markerLine() >= 0) {
            out.add(tr("chart.events"));
        }
        if (!Double.isNaN(content.horizontal())) {
            out.add(content.horizontalName());
        }
        return out;
    }

    /**
     * The stretches of the unscaled line the last draw marked as off the scale, each {first, last} index into the
     * lines' arrays (empty when it fits or every line sets the scale).
     */
    public List<int[]> offScaleRuns() {
        return drawn.offScaleRuns;
    }

    /** Points of each line drawn by the last draw (after downsampling). */
    public int[] drawnPoints() {
        return drawn.drawnPoints.clone();
    }

    public List<AxisTicks.Tick> xTicks() {
        return drawn.xTicks;
    }

    public List<AxisTicks.Tick> yTicks() {
        return drawn.yTicks;
    }

    /** The hover readout's text (the hovered day's date and values); empty when nothing is hovered. */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /** More readout lines for a hovered day, from its epoch day (the value chart adds the drift there). */
    public void setReadoutExtra(DoubleFunction<String> extra) {
        this.readoutExtra = extra == null ? day -> "" : extra;
    }

    /**
     * How the readout writes a line's value, when the chart's {@link Units} do not say it all (the drift chart: points
     * or times the band, as its axis); null: by the units.
     */
    public void setReadoutFormat(DoubleFunction<String> format) {
        this.readoutFormat = format;
    }

    /**
     * Each line's value on {@code epochDay}, one "name: value" line each, formatted by the readout format or else the
     * chart's units (money grouped with 2 decimals, percent with 2); "—" for a line without a point that day. Empty
     * without lines.
     */
    public String valuesAt(double epochDay) {
        StringBuilder sb = new StringBuilder();
        for (Line l : content.lines()) {
            int i = Arrays.binarySearch(l.x(), epochDay);
            double v = i >= 0 && i < l.y().length ? l.y()[i] : Double.NaN;
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, READOUT_LINE, l.name(), format(v)));
        }
        return sb.toString();
    }

    private String format(double v) {
        if (Double.isNaN(v)) {
            return NO_VALUE;
        }
        if (readoutFormat != null) {
            return readoutFormat.apply(v);
        }
        if (units == Units.MONEY) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        if (units == Units.PERCENT) {
            return String.format(Locale.ROOT, "%.2f %%", v * 100);
        }
        return String.format(Locale.ROOT, "%,.4f", v);
    }

    /** Shows the readout for the pointer at canvas column {@code cx} (inside the plot), hides it elsewhere. */
    private void hover(double cx, double cy) {
        if (content.lines().isEmpty() || dragStart != null || cx < drawn.px0 || cx > drawn.px1 || cy < drawn.py0
                || cy > drawn.py1 + LANE + 2) {
            readout.setVisible(false);
            return;
        }
        double[] x = content.lines().get(0).x();
        if (x.length == 0) {
            readout.setVisible(false);
            return;
        }
        double day = x[drawn.dayIndexAt(x, cx)];
        String extra = readoutExtra.apply(day);
        List<String> readoutLines = new ArrayList<>(List.of(LocaleFormat.date(LocalDate.ofEpochDay((long) day)), valuesAt(day)));
        if (extra != null && !extra.isEmpty()) {
            readoutLines.add(extra);
        }
        readout.setText(String.join("\n", readoutLines));
        readoutOnRight = cx < drawn.px0 + (drawn.px1 - drawn.px0) / 3;
        readout.setVisible(true);
        placeReadout();
    }

    /** What the chart says while it has nothing to show. */
    public void setPlaceholder(String text) {
        placeholder.setText(text);
    }

    /** The events' tooltip (shown while the pointer is on an event). */
    public Tooltip eventTooltip() {
        return tip;
    }

    /** The colour a line is drawn in (its own, or the theme's for its palette slot). */
    public Color colourOf(int line) {
        return theme().series(line, content.lines().get(line).color());
    }

    // ---- mouse ----

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hover(e.getX(), e.getY());
            int i = drawn.markerAt(e.getX(), e.getY());
            if (i < 0) {
                tip.hide();
                setCursor(Cursor.DEFAULT);
                return;
            }
            setCursor(Cursor.HAND);
            int id = drawn.shownMarkerIds[i];
            content.markers().stream().filter(m -> m.id() == id).findFirst().ifPresent(m -> tip.setText(m.tooltip()));
            if (getScene() != null && getScene().getWindow() != null) {
                tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            tip.hide();
            readout.setVisible(false);
        });
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
            readout.setVisible(false);
            zoomBox.setVisible(true);
            zoomBox.setX(Math.max(drawn.px0, Math.min(dragStart.getX(), e.getX())));
            zoomBox.setY(drawn.py0);
            zoomBox.setWidth(Math.abs(e.getX() - dragStart.getX()));
            zoomBox.setHeight(drawn.py1 - drawn.py0);
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
                double a = drawn.dayAt(startX);
                double b = drawn.dayAt(e.getX());
                if (Math.abs(b - a) >= 5) {
                    zoomTo(a, b);
                }
                return;
            }
            if (e.getClickCount() == 2) {
                resetZoom();
                return;
            }
            int i = drawn.markerAt(e.getX(), e.getY());
            if (i >= 0) {
                onMarkerClicked.accept(drawn.shownMarkerIds[i]);
            } else if (e.getX() >= drawn.px0 && e.getX() <= drawn.px1) {
                onDayClicked.accept(drawn.dayIndexAt(content.lines().get(0).x(), e.getX()));
            }
        });
    }
}
