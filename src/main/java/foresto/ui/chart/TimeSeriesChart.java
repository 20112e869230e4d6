package foresto.ui.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.IntConsumer;

/**
 * A date-axis line chart for long daily series: downsamples what it draws to the visible range (never
 * dropping peaks, troughs or marked days), draws event markers with tooltips, zooms by dragging across the
 * plot, optionally uses a log scale, and reports clicks on markers and on days. Colours live in CSS.
 */
public class TimeSeriesChart extends StackPane {
    /** One line: x in epoch days, y values (NaN = no point). */
    public record Line(String name, double[] x, double[] y) {
    }

    /** What a chart shows: lines (the first gives the x values), markers on one line, a reference line. */
    public record Content(List<Line> lines, int markerLine, List<Marker> markers, double horizontal, String horizontalName) {
        public static final Content EMPTY = new Content(List.of(), -1, List.of(), Double.NaN, "");

        public Content {
            lines = List.copyOf(lines);
            markers = List.copyOf(markers);
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

    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Pane overlay = new Pane();
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label("Run a backtest to see its paths here.");
    private final Rectangle zoomBox = new Rectangle();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObjectProperty<Range> visibleRange = new SimpleObjectProperty<>(Range.ALL);
    private final Tooltip markerTip = new Tooltip();
    private boolean updating;
    private final ObjectProperty<Integer> highlighted = new SimpleObjectProperty<>();
    private final List<Circle> markerNodes = new ArrayList<>();
    private Content content = Content.EMPTY;
    private DoubleFunction<String> yFormat = v -> String.format("%.3f", v);
    private IntConsumer onMarkerClicked = id -> { };
    private IntConsumer onDayClicked = i -> { };
    private Point2D dragStart;

    public TimeSeriesChart(String yLabel) {
        getStyleClass().add("time-series-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        xAxis.setAutoRanging(false);
        xAxis.setForceZeroInRange(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                LocalDate d = LocalDate.ofEpochDay(Math.round(n.doubleValue()));
                return d.getYear() + "-" + String.format("%02d", d.getMonthValue());
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        yAxis.setLabel(yLabel);
        yAxis.setForceZeroInRange(false);
        yAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = logScale.get() ? Math.exp(n.doubleValue()) : n.doubleValue();
                return yFormat.apply(v);
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        zoomBox.getStyleClass().add("zoom-box");
        zoomBox.setVisible(false);
        overlay.getChildren().add(zoomBox);
        placeholder.getStyleClass().add("text-muted");
        placeholder.setMouseTransparent(true);
        getChildren().addAll(chart, overlay, placeholder);
        logScale.addListener((o, a, b) -> redraw());
        visibleRange.addListener((o, a, b) -> {
            if (!updating) {
                redraw();
            }
        });
        markerTip.setShowDelay(Duration.millis(150));
        highlighted.addListener((o, a, b) -> applyHighlight());
        widthProperty().addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 50) {
                redraw();
            }
        });
        installMouse();
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public void setYFormat(DoubleFunction<String> f) {
        this.yFormat = f;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
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

    public void setOnMarkerClicked(IntConsumer c) {
        this.onMarkerClicked = c;
    }

    /** Receives the index (into the lines' arrays) of the day clicked. */
    public void setOnDayClicked(IntConsumer c) {
        this.onDayClicked = c;
    }

    /** The marker nodes currently drawn (one per marker inside the visible range). */
    public List<Circle> markerNodes() {
        return List.copyOf(markerNodes);
    }

    /** Shows new content in full (building on the FX thread). */
    public void setData(Content c) {
        setData(c, build(c, Range.ALL, getWidth(), logScale.get()));
    }

    /** Shows new content with a frame built beforehand (possibly off the FX thread) for the full range. */
    public void setData(Content c, Frame prebuilt) {
        this.content = c;
        updating = true;
        try {
            visibleRange.set(Range.ALL); // new data: show all of it
        } finally {
            updating = false;
        }
        show(prebuilt);
    }

    public void clear() {
        setData(Content.EMPTY);
    }

    /** The plot width that frames should be built for. */
    public double plotWidth() {
        return getWidth();
    }

    public void resetZoom() {
        visibleRange.set(Range.ALL);
    }

    private static int firstAtOrAfter(double[] x, double v) {
        int i = java.util.Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.min(x.length - 1, -i - 1);
    }

    private static int lastAtOrBefore(double[] x, double v) {
        int i = java.util.Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private static double y(double v, boolean log) {
        return log ? Math.log(v) : v;
    }

    private void redraw() {
        show(build(content, visibleRange.get(), getWidth(), logScale.get()));
    }

    /**
     * Series and marker nodes for one visible range, not yet attached to the chart. Building touches no
     * live scene graph, so it may run off the FX thread (see {@link RunCharts#prepare}).
     */
    public static final class Frame {
        final Content content;
        final boolean log;
        final List<XYChart.Series<Number, Number>> series;
        final List<Circle> markers;
        final List<Marker> markerData;
        final double lower;
        final double upper;

        Frame(Content content, boolean log, List<XYChart.Series<Number, Number>> series, List<Circle> markers,
              List<Marker> markerData, double lower, double upper) {
            this.content = content;
            this.log = log;
            this.series = series;
            this.markers = markers;
            this.markerData = markerData;
            this.lower = lower;
            this.upper = upper;
        }
    }

    /** Downsamples the content to the range for a plot about {@code width} pixels wide. */
    public static Frame build(Content c, Range r, double width, boolean log) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        List<Circle> circles = new ArrayList<>();
        List<Marker> shown = new ArrayList<>();
        if (c.lines().isEmpty() || c.lines().get(0).x().length == 0) {
            return new Frame(c, log, all, circles, shown, 0, 1);
        }
        double[] x = c.lines().get(0).x();
        int from = r.isAll() ? 0 : firstAtOrAfter(x, r.from());
        int to = r.isAll() ? x.length - 1 : lastAtOrBefore(x, r.to());
        if (to < from) {
            to = from;
        }
        // about one bucket per three pixels: first/min/max/last of each keeps every visible peak and trough
        int buckets = (int) Math.max(150, Math.min(600, (width > 0 ? width : 1200) / 3));
        int[] keep = c.markers().stream().mapToInt(Marker::index).toArray();
        for (Line line : c.lines()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
            for (int i : Downsampler.indices(line.y(), from, to, buckets, keep)) {
                if (!Double.isNaN(line.y()[i])) {
                    pts.add(new XYChart.Data<>(line.x()[i], y(line.y()[i], log)));
                }
            }
            s.getData().setAll(pts);
            all.add(s);
        }
        if (c.markerLine() >= 0) { // always present with a marker line, so the series order (and colours) stay fixed
            Line on = c.lines().get(c.markerLine());
            XYChart.Series<Number, Number> ms = new XYChart.Series<>();
            ms.setName("Rebalancing events");
            for (Marker m : c.markers()) {
                if (m.index() < from || m.index() > to || Double.isNaN(on.y()[m.index()])) {
                    continue;
                }
                XYChart.Data<Number, Number> d = new XYChart.Data<>(on.x()[m.index()], y(on.y()[m.index()], log));
                Circle circle = new Circle(4);
                circle.setUserData(m.id());
                d.setNode(circle);
                circles.add(circle);
                shown.add(m);
                ms.getData().add(d);
            }
            all.add(ms);
        }
        if (!Double.isNaN(c.horizontal())) {
            XYChart.Series<Number, Number> h = new XYChart.Series<>();
            h.setName(c.horizontalName());
            h.getData().add(new XYChart.Data<>(x[from], y(c.horizontal(), log)));
            h.getData().add(new XYChart.Data<>(x[to], y(c.horizontal(), log)));
            all.add(h);
        }
        return new Frame(c, log, all, circles, shown, x[from], Math.max(x[to], x[from] + 1));
    }

    private void show(Frame f) {
        if (f.log != logScale.get()) {
            redraw(); // built for the other scale: rebuild (on the FX thread)
            return;
        }
        markerNodes.clear();
        boolean empty = f.series.isEmpty();
        placeholder.setVisible(empty);
        chart.setVisible(!empty);
        xAxis.setLowerBound(f.lower);
        xAxis.setUpperBound(f.upper);
        xAxis.setTickUnit(Math.max(1, (f.upper - f.lower) / 8));
        chart.getData().setAll(f.series);
        for (int i = 0; i < f.markers.size(); i++) {
            Circle circle = f.markers.get(i);
            Marker m = f.markerData.get(i);
            circle.getStyleClass().add("event-marker"); // the chart resets its symbols' style classes when adding them
            Tooltip.install(circle, markerTip); // one tooltip for all markers: its text follows the mouse
            circle.setOnMouseEntered(e -> markerTip.setText(m.tooltip()));
            circle.setOnMouseClicked(e -> {
                onMarkerClicked.accept(m.id());
                e.consume();
            });
            markerNodes.add(circle);
        }
        int n = 0;
        for (XYChart.Series<Number, Number> s : f.series) {
            if (s.getNode() != null) {
                s.getNode().getStyleClass().add("series-" + n);
            }
            n++;
        }
        if (f.content.markerLine() >= 0) {
            // the markers' series draws symbols only
            f.series.get(f.content.lines().size()).getNode().setVisible(false);
        }
        applyHighlight();
    }

    private void applyHighlight() {
        Integer h = highlighted.get();
        for (Circle c : markerNodes) {
            boolean on = h != null && h.equals(c.getUserData());
            c.getStyleClass().remove("selected");
            if (on) {
                c.getStyleClass().add("selected");
                c.toFront();
            }
            c.setRadius(on ? 7 : markerNodes.size() > 120 ? 2.5 : 4); // dense markers must not hide the lines
        }
    }

    private double xValueAt(double sceneX) {
        return xAxis.getValueForDisplay(xAxis.sceneToLocal(sceneX, 0).getX()).doubleValue();
    }

    private void installMouse() {
        Node plot = chart;
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStart = new Point2D(e.getX(), e.getY());
            }
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStart == null) {
                return;
            }
            zoomBox.setVisible(true);
            zoomBox.setX(Math.min(dragStart.getX(), e.getX()));
            zoomBox.setY(0);
            zoomBox.setWidth(Math.abs(e.getX() - dragStart.getX()));
            zoomBox.setHeight(getHeight());
        });
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            zoomBox.setVisible(false);
            if (dragStart == null || content.lines().isEmpty()) {
                dragStart = null;
                return;
            }
            double dx = Math.abs(e.getX() - dragStart.getX());
            Point2D startScene = localToScene(dragStart);
            dragStart = null;
            if (dx > 8) {
                double a = xValueAt(startScene.getX());
                double b = xValueAt(e.getSceneX());
                if (Math.abs(b - a) >= 5) {
                    zoomTo(a, b);
                }
            } else if (e.getClickCount() == 2) {
                resetZoom();
            } else {
                double[] x = content.lines().get(0).x();
                double v = xValueAt(e.getSceneX());
                int i = java.util.Arrays.binarySearch(x, Math.rint(v));
                int idx = i >= 0 ? i : Math.min(x.length - 1, Math.max(0, -i - 1));
                if (idx > 0 && Math.abs(x[idx - 1] - v) < Math.abs(x[idx] - v)) {
                    idx--;
                }
                onDayClicked.accept(idx);
            }
        });
    }
}
