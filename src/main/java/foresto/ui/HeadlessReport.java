package foresto.ui;

import static foresto.i18n.Messages.tr;
import foresto.backtest.Metric;
import foresto.backtest.RunView;
import foresto.backtest.SweepRunner;
import foresto.config.AppConfig;
import foresto.study.StudyResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.ui.chart.AnnualBars;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.main.RunCharts;
import foresto.ui.main.RunModel;
import foresto.ui.studies.StudyChart;
import foresto.ui.robust.BootstrapFigures;
import foresto.ui.robust.RobustnessCharts;
import foresto.ui.robust.TimingFigures;
import foresto.ui.robust.WindowsFigures;
import foresto.ui.sweep.Heatmap;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
    public static void renderSweep(SweepRunner.Result result, Metric metric,
                                   String heading, Path png) throws Exception {
        onFxThread(() -> {
            Heatmap map = new Heatmap();
            double height = Math.max(900, 46 + 44 + 16.0 * result.rules().size());
            map.setPrefSize(1400, height);
            map.resize(1400, height);
            Scene scene = new Scene(new Group(map));
            scene.getStylesheets().add(HeadlessReport.class.getResource("/foresto/ui/app.css").toExternalForm());
            map.show(result, metric, heading);
            scene.getRoot().applyCss();
            map.layout();
            Snapshots.write(map, png);
        });
    }

    /** The Studies chart (equity weight, Never vs M 0% vs A 5%) of a study result, 1200 × 600. */
    public static void renderStudy(StudyResult result, Path png) throws Exception {
        onFxThread(() -> {
            MainWindow.applyTheme();
            TimeSeriesChart chart = StudyChart.chart();
            StudyChart.show(chart, result);
            snapshot(chart, 1200, 600, png);
        });
    }

    /** The timing study's chart (timing.png, SEMANTICS §12.2) into {@code dir}; WRITE_FAILED when it cannot be written. */
    public static void renderTiming(TimingStudy.Result r, RebalancingRule rule, String ruleName, Scenario scenario, Path dir) {
        renderCharts(() -> RobustnessCharts.images(TimingFigures.of(r, rule, ruleName, heading(scenario))), dir);
    }

    /** The start-date study's charts (windows-premium.png, windows-histogram.png) into {@code dir}. */
    public static void renderWindows(WindowsStudy.Result r, String ruleName, Scenario scenario, Path dir) {
        renderCharts(() -> RobustnessCharts.images(new WindowsFigures(r, ruleName, heading(scenario))), dir);
    }

    /** The bootstrap's charts (bootstrap-fan.png, bootstrap-cagr-diff.png) into {@code dir}; B empty: OFF. */
    public static void renderBootstrap(BootstrapStudy.Result r, String nameA, Optional<String> nameB, Scenario scenario,
                                       Path dir) {
        renderCharts(() -> RobustnessCharts.images(BootstrapFigures.of(r, nameA, nameB.orElse(tr("robust.offNameB")),
                nameB.isEmpty(), scenario.initialValue(), heading(scenario))), dir);
    }

    private static String heading(Scenario s) {
        return s.targets() + ", " + s.start() + ".." + s.end();
    }

    /** Lays out and writes each chart {@code charts} makes (on the FX thread) into {@code dir}, with no display. */
    private static void renderCharts(Supplier<List<RobustnessCharts.Image>> charts, Path dir) {
        useHeadlessPlatform();
        try {
            Files.createDirectories(dir);
            onFxThread(() -> {
                MainWindow.applyTheme();
                for (RobustnessCharts.Image i : charts.get()) {
                    snapshot(i.chart(), i.width(), i.height(), dir.resolve(i.fileName()));
                }
            });
        } catch (Exception e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write the charts into " + dir + ": " + e.getMessage());
        }
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

    /**
     * Writes value.png, drift.png, drawdown.png and annual.png for a run into {@code dir}, each titled with the
     * portfolio, rule, window and dataset ({@code datasetLabel} says SYNTHETIC for synthetic data).
     */
    public static void renderRun(RunView view, String datasetLabel, String currency, Path dir) throws Exception {
        RunModel model = RunModel.of(view, false);
        String heading = RunCharts.heading(model, datasetLabel);
        render(model, heading, AppConfig.valueLabel(currency), dir.resolve("value.png"), dir.resolve("drift.png"));
        renderDrawdownAndAnnual(model, heading, dir.resolve("drawdown.png"), dir.resolve("annual.png"));
    }

    /** Lays out a chart alone in a scene of the given size with the app's styles, then writes its PNG. */
    private static void snapshot(Region chart, double w, double h, Path png) throws IOException {
        Scene scene = new Scene(new VBox(chart), w, h);
        scene.getStylesheets().add(HeadlessReport.class.getResource("/foresto/ui/app.css").toExternalForm());
        chart.setPrefSize(w, h);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        Snapshots.write(chart, png);
    }

    /**
     * The underwater chart (drawdown from the running peak, ON and OFF) and the calendar-year returns as bars,
     * titled with {@code heading} (see {@link RunCharts#heading}).
     */
    public static void renderDrawdownAndAnnual(RunModel model, String heading, Path drawdownPng, Path annualPng) throws Exception {
        onFxThread(() -> {
            MainWindow.applyTheme();
            TimeSeriesChart under = new TimeSeriesChart(tr("report.drawdownAxis"));
            under.setUnits(TimeSeriesChart.Units.PERCENT);
            under.titleProperty().set(tr("report.drawdownTitle", heading));
            under.setData(RunCharts.drawdown(model));
            snapshot(under, 1200, 500, drawdownPng);

            AnnualBars bars = new AnnualBars();
            bars.titleProperty().set(tr("report.annualTitle", heading));
            bars.setData(RunCharts.annual(model));
            snapshot(bars, 1200, 500, annualPng);
        });
    }

    /** The value chart and the drift chart, titled with {@code heading}. */
    public static void render(RunModel model, String heading, String valueLabel, Path valuePng, Path driftPng) throws Exception {
        onFxThread(() -> {
            MainWindow.applyTheme();
            TimeSeriesChart value = new TimeSeriesChart(valueLabel);
            TimeSeriesChart drift = new TimeSeriesChart(tr(model.normalisedDrift() ? "report.driftRatioAxis" : "main.charts.driftAxis"));
            RunCharts.formatAxes(value, drift);
            value.titleProperty().set(tr(model.paths().hasOn() ? "report.valueTitle" : "report.valueOffTitle", heading));
            drift.titleProperty().set(tr("report.driftTitle", heading));
            RunCharts.populate(value, drift, model);
            snapshot(value, 1200, 700, valuePng);
            snapshot(drift, 1200, 400, driftPng);
        });
    }
}
