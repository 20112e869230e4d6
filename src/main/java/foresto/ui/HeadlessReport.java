package foresto.ui;

import foresto.ui.chart.RunCharts;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.main.RunModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a run's value chart and drift chart to PNG with no display: JavaFX on Monocle's headless
 * platform with the software pipeline (the properties are set before any JavaFX class loads).
 */
public final class HeadlessReport {
    private HeadlessReport() {
    }

    /** Call before anything touches JavaFX. */
    public static void useHeadlessPlatform() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("prism.text", "t2k");
    }

    /** The sweep's heatmap for one metric, 1400 × 900 (or taller for many rules). */
    public static void renderSweep(foresto.backtest.SweepRunner.Result result, foresto.ui.sweep.SweepMetric metric,
                                   String heading, Path png) throws Exception {
        onFxThread(() -> {
            foresto.ui.sweep.Heatmap map = new foresto.ui.sweep.Heatmap();
            double height = Math.max(900, 46 + 44 + 16.0 * result.rules().size());
            map.setPrefSize(1400, height);
            map.resize(1400, height);
            new Scene(new javafx.scene.Group(map));
            map.show(result, metric, heading);
            map.layout();
            Snapshots.write(map, png);
        });
    }

    @FunctionalInterface
    private interface FxWork {
        void run() throws Exception;
    }

    /** Runs {@code work} on the FX thread (starting JavaFX if needed) and waits for it. */
    private static void onFxThread(FxWork work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable draw = () -> {
            try {
                work.run();
                done.complete(null);
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        };
        try {
            Platform.startup(draw);
        } catch (IllegalStateException alreadyRunning) { // JavaFX is already up in this JVM (tests, the app)
            Platform.runLater(draw);
        }
        // JavaFX is left running: the command's process exits right after, and in-process callers may need it
        done.get(60, TimeUnit.SECONDS);
    }

    /** The underwater chart (drawdown from the running peak, ON and OFF) and the calendar-year returns as bars. */
    public static void renderDrawdownAndAnnual(RunModel model, Path drawdownPng, Path annualPng) throws Exception {
        onFxThread(() -> {
            MainWindow.applyTheme();
            var p = model.paths();
            double[] x = model.x();
            java.util.List<TimeSeriesChart.Line> lines = new java.util.ArrayList<>();
            if (p.hasOn()) {
                lines.add(new TimeSeriesChart.Line("ON: " + model.run().request().ruleName(), x,
                        foresto.engine.PathStats.drawdowns(p.on())));
            }
            lines.add(new TimeSeriesChart.Line("OFF: buy-and-hold", x, foresto.engine.PathStats.drawdowns(p.off())));
            TimeSeriesChart under = new TimeSeriesChart("Drawdown from the running peak (%)");
            under.setYFormat(v -> String.format(java.util.Locale.ROOT, "%.0f", v * 100));
            Scene s1 = new Scene(new VBox(under), 1200, 500);
            s1.getStylesheets().add(HeadlessReport.class.getResource("/foresto/ui/app.css").toExternalForm());
            under.setPrefSize(1200, 500);
            under.setData(new TimeSeriesChart.Content(lines, -1, java.util.List.of(), Double.NaN, ""));
            s1.getRoot().applyCss();
            s1.getRoot().layout();
            Snapshots.write(under, drawdownPng);

            javafx.scene.chart.CategoryAxis years = new javafx.scene.chart.CategoryAxis();
            javafx.scene.chart.NumberAxis pct = new javafx.scene.chart.NumberAxis();
            pct.setLabel("Calendar-year return (%)");
            javafx.scene.chart.BarChart<String, Number> bars = new javafx.scene.chart.BarChart<>(years, pct);
            bars.setAnimated(false);
            bars.setTitle("Annual returns, ON vs OFF");
            var offYears = foresto.engine.PathStats.annualReturns(p.dates(), p.off());
            if (p.hasOn()) {
                bars.getData().add(series("ON", foresto.engine.PathStats.annualReturns(p.dates(), p.on())));
            }
            bars.getData().add(series("OFF", offYears));
            Scene s2 = new Scene(new VBox(bars), 1200, 500);
            s2.getStylesheets().add(HeadlessReport.class.getResource("/foresto/ui/app.css").toExternalForm());
            bars.setPrefSize(1200, 500);
            s2.getRoot().applyCss();
            s2.getRoot().layout();
            Snapshots.write(bars, annualPng);
        });
    }

    private static javafx.scene.chart.XYChart.Series<String, Number> series(String name,
                                                                          java.util.List<foresto.engine.PathStats.YearReturn> ys) {
        javafx.scene.chart.XYChart.Series<String, Number> s = new javafx.scene.chart.XYChart.Series<>();
        s.setName(name);
        for (var y : ys) {
            s.getData().add(new javafx.scene.chart.XYChart.Data<>(Integer.toString(y.year()), y.value() * 100));
        }
        return s;
    }

    public static void render(RunModel model, Path valuePng, Path driftPng) throws Exception {
        onFxThread(() -> {
            MainWindow.applyTheme();
            TimeSeriesChart value = new TimeSeriesChart("Portfolio value");
            TimeSeriesChart drift = new TimeSeriesChart("Max drift (%p)");
            RunCharts.formatAxes(value, drift);
            VBox box = new VBox(value, drift);
            Scene scene = new Scene(box, 1200, 1100);
            scene.getStylesheets().add(HeadlessReport.class.getResource("/foresto/ui/app.css").toExternalForm());
            value.setPrefSize(1200, 700);
            drift.setPrefSize(1200, 400);
            RunCharts.populate(value, drift, model);
            box.applyCss();
            box.layout();
            Snapshots.write(value, valuePng);
            Snapshots.write(drift, driftPng);
        });
    }
}
