package foresto.ui.chart;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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

    /** An event marker on a line: index into that line's arrays, a tooltip, and an id reported on click. */
    public record Marker(int index, String tooltip, int id) {
    }

    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Pane overlay = new Pane();
    private final Rectangle zoomBox = new Rectangle();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final DoubleProperty rangeFrom = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty rangeTo = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<Integer> highlighted = new SimpleObjectProperty<>();
    private final List<Circle> markerNodes = new ArrayList<>();
    private List<Line> lines = List.of();
    private int markerLine = -1;
    private List<Marker> markers = List.of();
    private double horizontal = Double.NaN;
    private String horizontalName = "";
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
        getChildren().addAll(chart, overlay);
        logScale.addListener((o, a, b) -> redraw());
        rangeFrom.addListener((o, a, b) -> redraw());
        rangeTo.addListener((o, a, b) -> redraw());
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

    public DoubleProperty rangeFromProperty() {
        return rangeFrom;
    }

    public DoubleProperty rangeToProperty() {
        return rangeTo;
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

    /** Sets the data; markers sit on line {@code markerLine}; an optional horizontal reference line. */
    public void setData(List<Line> lines, int markerLine, List<Marker> markers, double horizontal, String horizontalName) {
        this.lines = List.copyOf(lines);
        this.markerLine = markerLine;
        this.markers = List.copyOf(markers);
        this.horizontal = horizontal;
        this.horizontalName = horizontalName;
        if (!lines.isEmpty() && lines.get(0).x().length > 0) {
            double[] x = lines.get(0).x();
            if (Double.isNaN(rangeFrom.get()) || rangeFrom.get() < x[0] || rangeTo.get() > x[x.length - 1]
                    || rangeFrom.get() >= rangeTo.get()) {
                rangeFrom.set(x[0]);
                rangeTo.set(x[x.length - 1]);
            }
        }
        redraw();
    }

    public void clear() {
        setData(List.of(), -1, List.of(), Double.NaN, "");
    }

    public void resetZoom() {
        if (!lines.isEmpty() && lines.get(0).x().length > 0) {
            double[] x = lines.get(0).x();
            rangeFrom.set(x[0]);
            rangeTo.set(x[x.length - 1]);
        }
    }

    private int firstAtOrAfter(double[] x, double v) {
        int i = java.util.Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.min(x.length - 1, -i - 1);
    }

    private int lastAtOrBefore(double[] x, double v) {
        int i = java.util.Arrays.binarySearch(x, v);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    private double y(double v) {
        return logScale.get() ? Math.log(v) : v;
    }

    private void redraw() {
        markerNodes.clear();
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        if (lines.isEmpty() || lines.get(0).x().length == 0) {
            chart.getData().setAll(all);
            return;
        }
        double[] x = lines.get(0).x();
        int from = firstAtOrAfter(x, rangeFrom.get());
        int to = lastAtOrBefore(x, rangeTo.get());
        if (to < from) {
            to = from;
        }
        xAxis.setLowerBound(x[from]);
        xAxis.setUpperBound(Math.max(x[to], x[from] + 1));
        xAxis.setTickUnit(Math.max(1, (x[to] - x[from]) / 8));
        int buckets = (int) Math.max(200, Math.min(1500, getWidth() > 0 ? getWidth() : 1000));
        int[] keep = markers.stream().mapToInt(Marker::index).toArray();
        for (Line line : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
            for (int i : Downsampler.indices(line.y(), from, to, buckets, keep)) {
                if (!Double.isNaN(line.y()[i])) {
                    pts.add(new XYChart.Data<>(line.x()[i], y(line.y()[i])));
                }
            }
            s.getData().setAll(pts);
            all.add(s);
        }
        if (!Double.isNaN(horizontal)) {
            XYChart.Series<Number, Number> h = new XYChart.Series<>();
            h.setName(horizontalName);
            h.getData().add(new XYChart.Data<>(x[from], y(horizontal)));
            h.getData().add(new XYChart.Data<>(x[to], y(horizontal)));
            all.add(h);
        }
        if (markerLine >= 0 && !markers.isEmpty()) {
            Line on = lines.get(markerLine);
            XYChart.Series<Number, Number> ms = new XYChart.Series<>();
            ms.setName("Rebalancing events");
            for (Marker m : markers) {
                if (m.index() < from || m.index() > to || Double.isNaN(on.y()[m.index()])) {
                    continue;
                }
                XYChart.Data<Number, Number> d = new XYChart.Data<>(on.x()[m.index()], y(on.y()[m.index()]));
                Circle c = new Circle(4);
                c.getStyleClass().add("event-marker");
                c.setUserData(m.id());
                Tooltip t = new Tooltip(m.tooltip());
                t.setShowDelay(Duration.millis(150));
                Tooltip.install(c, t);
                c.setOnMouseClicked(e -> {
                    onMarkerClicked.accept(m.id());
                    e.consume();
                });
                d.setNode(c);
                markerNodes.add(c);
                ms.getData().add(d);
            }
            all.add(ms);
        }
        chart.getData().setAll(all);
        for (Circle c : markerNodes) {
            c.getStyleClass().add("event-marker"); // the chart resets its symbols' style classes when adding them
        }
        int series = 0;
        for (XYChart.Series<Number, Number> s : all) {
            if (s.getNode() != null) {
                s.getNode().getStyleClass().add("series-" + series);
            }
            series++;
        }
        if (markerLine >= 0 && !markers.isEmpty()) {
            // the markers' series draws symbols only
            all.get(all.size() - 1).getNode().setVisible(false);
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
            c.setRadius(on ? 7 : 4);
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
            if (dragStart == null || lines.isEmpty()) {
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
                    rangeFrom.set(Math.min(a, b));
                    rangeTo.set(Math.max(a, b));
                }
            } else if (e.getClickCount() == 2) {
                resetZoom();
            } else {
                double[] x = lines.get(0).x();
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
