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
