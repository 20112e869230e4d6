package foresto.ui;

import foresto.i18n.Messages;
import foresto.backtest.ImportService;
import foresto.backtest.RuleService;
import foresto.csv.EventTable;
import foresto.engine.AssetClass;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import foresto.text.DisplayNumber;
import foresto.ui.chart.CanvasChart;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.ScreenExports;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Robot tests of the exports, headless under Monocle: a run's daily values and Summary as CSV, any chart as PNG from
 * its context menu, any table to the clipboard as tab-separated text, and every dialog titled for what it exports and
 * opening in the folder the last export went to.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest {
    @TempDir
    static Path dir;

    private UiFixture fx;
    private MainWindow window;
    private UiState state;
    private final RecordingChooser chooser = new RecordingChooser();

    /** A file chooser that says what it was asked and answers with the next file the test set. */
    static final class RecordingChooser implements MainWindow.ExportChooser {
        final List<String> titles = new ArrayList<>();
        final List<Path> folders = new ArrayList<>();
        Path next;

        @Override
        public Optional<Path> choose(Window owner, String suggestedName) {
            throw new AssertionError("every export of the window asks with a title and a folder");
        }

        @Override
        public Optional<Path> choose(Window owner, String what, Path folder, String suggestedName) {
            titles.add(what + ": " + suggestedName);
            folders.add(folder);
            return Optional.ofNullable(next);
        }
    }

    @BeforeAll
    void createFixture() {
        fx = new UiFixture(true);
        state = new UiState(dir.resolve("ui-state.properties"));
    }

    @BeforeEach
    void showWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            MainWindow.applyTheme();
            window = MainWindow.create(fx.service, new RuleService(fx.db.dataSource()),
                    new ImportService(fx.db.dataSource()), new FxTaskExecutor(), state, chooser);
            window.showIn(stage);
        });
    }

    /**
     * What the platform sends on a right click (or the menu key) over the node's centre: Monocle's mouse never asks for
     * a context menu, so the test sends the request the scene would get.
     */
    private static void requestContextMenu(FxRobot robot, Node node) {
        robot.interact(() -> {
            Bounds local = node.getLayoutBounds();
            double x = local.getMinX() + local.getWidth() / 2;
            double y = local.getMinY() + local.getHeight() / 2;
            Point2D scene = node.localToScene(x, y);
            Point2D screen = node.localToScreen(x, y);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), screen.getX(), screen.getY(), false, new PickResult(node, scene.getX(), scene.getY())));
        });
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private MainViewModel vm() {
        return window.mainViewModel();
    }

    private void choose(FxRobot robot, String comboId, String text) {
        robot.clickOn("#" + comboId);
        robot.clickOn(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && cell.getText() != null && cell.getText().equals(text));
    }

    private RunModel runQuarterly(FxRobot robot) {
        if (vm().resultProperty().get() != null) {
            return vm().resultProperty().get();
        }
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        choose(robot, "portfolioBox", "Growth 80/20");
        choose(robot, "ruleBox", "P2_PERIODIC_QUARTERLY_FTD_10BP");
        CheckBox toggle = robot.lookup("#rebalancingToggle").queryAs(CheckBox.class);
        if (!toggle.isSelected()) {
            robot.clickOn(toggle);
        }
        robot.clickOn("#runButton");
        UiFixture.waitUntil(() -> vm().resultProperty().get() != null && !vm().busyProperty().get()
                && !vm().resultProperty().get().isPreview());
        return vm().resultProperty().get();
    }

    /** The CSV's lines without the byte-order mark, each split at its commas (no cell here is quoted). */
    private static List<String[]> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String[]> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void dailyValuesAndSummaryAreExportedAsCsvFromTheExportMenuIntoTheLastFolder(FxRobot robot) throws Exception {
        RunModel m = runQuarterly(robot);
        StoredPaths p = m.paths();
        int days = m.dayCount();
        assertThat(days).isGreaterThan(2000); // ten years of trading days

        Path first = Files.createDirectories(dir.resolve("first"));
        chooser.next = first.resolve("daily.csv");
        int asked = chooser.titles.size();
        robot.clickOn("#runExportMenu");
        robot.clickOn("Daily values to CSV\u2026");
        UiFixture.waitUntil(() -> Files.exists(first.resolve("daily.csv")));
        assertThat(chooser.titles.get(asked))
                .isEqualTo("Export daily values to CSV: foresto-run-" + m.run().runId() + "-daily-values.csv");

        List<String[]> rows = csv(first.resolve("daily.csv"));
        List<String> header = new ArrayList<>(List.of("date", "on_value", "off_value"));
        for (int ordinal : p.heldOrdinals()) {
            header.add("on_weight_" + AssetClass.of(ordinal).name());
            header.add("off_weight_" + AssetClass.of(ordinal).name());
        }
        assertThat(rows.get(0)).containsExactlyElementsOf(header);
        assertThat(header).contains("on_weight_EQUITY", "off_weight_BOND");
        assertThat(rows).hasSize(days + 1);
        String[] firstDay = rows.get(1);
        String[] lastDay = rows.get(days);
        assertThat(firstDay[0]).isEqualTo(p.dates()[0].toString());
        assertThat(lastDay[0]).isEqualTo(p.dates()[days - 1].toString());
        assertThat(Double.parseDouble(firstDay[1])).isEqualTo(p.on()[0]);
        assertThat(Double.parseDouble(firstDay[2])).isEqualTo(p.off()[0]);
        assertThat(Double.parseDouble(lastDay[1])).isEqualTo(p.on()[days - 1]);
        assertThat(Double.parseDouble(lastDay[2])).isEqualTo(p.off()[days - 1]);
        // the last close's values are the run's final values, ON and OFF
        assertThat(Double.parseDouble(lastDay[1])).isEqualTo(m.run().summary().on().finalValue());
        assertThat(Double.parseDouble(lastDay[2])).isEqualTo(m.run().summary().off().finalValue());
        // both paths start from the same amount, and each path's weights add up to 1 at every close
        assertThat(Double.parseDouble(firstDay[1])).isEqualTo(Double.parseDouble(firstDay[2]));
        for (String[] row : List.of(firstDay, rows.get(days / 2), lastDay)) {
            double on = 0;
            double off = 0;
            for (int c = 3; c < row.length; c += 2) {
                on += Double.parseDouble(row[c]);
                off += Double.parseDouble(row[c + 1]);
            }
            assertThat(on).isCloseTo(1, within(1e-9));
            assertThat(off).isCloseTo(1, within(1e-9));
        }
        assertThat(Double.parseDouble(lastDay[3])).isEqualTo(p.onWeights()[0][days - 1]);
        assertThat(Double.parseDouble(lastDay[4])).isEqualTo(p.offWeights()[0][days - 1]);

        // the Summary: the next dialog opens where the daily values went
        Path second = Files.createDirectories(dir.resolve("second"));
        chooser.next = second.resolve("summary.csv");
        robot.clickOn("#runExportMenu");
        robot.clickOn("Summary to CSV\u2026");
        UiFixture.waitUntil(() -> Files.exists(second.resolve("summary.csv")));
        assertThat(chooser.titles.get(asked + 1))
                .isEqualTo("Export the summary to CSV: foresto-run-" + m.run().runId() + "-summary.csv");
        assertThat(chooser.folders.get(asked + 1)).isEqualTo(first.toAbsolutePath());

        Map<String, String[]> summary = new HashMap<>();
        List<String[]> lines = csv(second.resolve("summary.csv"));
        assertThat(lines.get(0)).containsExactly("metric", "off", "on", "difference");
        for (String[] line : lines.subList(1, lines.size())) {
            assertThat(line).hasSize(4);
            summary.put(line[0], line);
        }
        assertThat(summary.keySet()).contains("final_value", "total_return", "cagr", "volatility", "max_drawdown",
                "event_count", "total_turnover", "total_cost", "sharpe", "sortino", "turnover_per_year", "risk_free_rate");
        RunSummary s = m.run().summary();
        assertThat(Double.parseDouble(summary.get("final_value")[2])).isEqualTo(s.on().finalValue());
        assertThat(Double.parseDouble(summary.get("final_value")[1])).isEqualTo(s.off().finalValue());
        assertThat(Double.parseDouble(summary.get("final_value")[3])).isEqualTo(s.on().finalValue() - s.off().finalValue());
        assertThat(summary.get("event_count")[2]).isEqualTo("39"); // the quarter starts after the purchase
        assertThat(summary.get("event_count")[1]).isEqualTo("0");
        double initial = p.off()[0];
        assertThat(Double.parseDouble(summary.get("total_return")[2])).isCloseTo(s.on().finalValue() / initial - 1, within(1e-12));
        assertThat(Double.parseDouble(summary.get("max_drawdown")[1])).isEqualTo(s.off().maxDrawdown());
        assertThat(summary.get("risk_free_rate")).containsExactly("risk_free_rate", "0", "0", "");
        // the same figures as the Summary grid shows (money rounded there to 2 decimals: within half a cent)
        String gridFinal = vm().getSummary().stream().filter(r -> r.metric().equals("Final value")).findFirst()
                .orElseThrow().on().replace(",", "");
        assertThat(Double.parseDouble(summary.get("final_value")[2])).isCloseTo(Double.parseDouble(gridFinal), within(0.005));

        // the folder is remembered across a restart
        assertThat(new UiState(dir.resolve("ui-state.properties")).get(ExportTargets.LAST_FOLDER))
                .contains(second.toAbsolutePath().toString());
    }

    @Test
    void everyChartSavesItsImageFromItsContextMenu(FxRobot robot) throws Exception {
        RunModel run = runQuarterly(robot);
        CanvasChart chart = window.main().valueChart();
        Path png = Files.createDirectories(dir.resolve("pictures")).resolve("value.png");
        chooser.next = png;
        int asked = chooser.titles.size();
        requestContextMenu(robot, chart);
        robot.clickOn(Messages.tr(ScreenExports.SAVE_IMAGE));
        UiFixture.waitUntil(() -> Files.exists(png));
        assertThat(chooser.titles.get(asked)).isEqualTo("Save chart image as PNG: foresto-run-" + run.run().runId() + "-value.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo((int) Math.round(chart.getWidth()));
        // the picture carries the chart's title and the run's context above the plot (the screen does not)
        assertThat(image.getHeight()).isGreaterThan((int) Math.round(chart.getHeight()) + 20);
        var r = run.run().request();
        List<String> caption = new ArrayList<>();
        robot.interact(() -> caption.addAll(ChartCaption.of(chart, window.main().tabs(), run)));
        assertThat(caption).containsExactly("Value: ON vs OFF", "Portfolio " + r.portfolioName() + ", rule " + r.ruleName()
                + ", data " + r.datasetName() + ", " + r.startDate() + " to " + r.endDate());
        int captionHeight = image.getHeight() - (int) Math.round(chart.getHeight());
        int dark = 0;
        for (int y = 0; y < captionHeight; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("text drawn above the plot").isGreaterThan(200);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.copy(png, Path.of("target/screenshots/saved-value-chart.png"), StandardCopyOption.REPLACE_EXISTING);

        // every chart of every tab (value, drift, drawdown, costs, annual bars, heatmap, sweep comparison, robustness
        // and studies charts) saves its picture the same way, at its size on screen
        List<TabPane> panes = List.of(window.main().tabs(), window.main().lowerTabs());
        Set<String> saved = new TreeSet<>();
        for (TabPane pane : panes) {
            for (Tab tab : List.copyOf(pane.getTabs())) {
                robot.interact(() -> {
                    if (pane == window.main().lowerTabs()) {
                        window.main().tabs().getSelectionModel().select(0);
                    }
                    pane.getSelectionModel().select(tab);
                });
                WaitForAsyncUtils.waitForFxEvents();
                List<CanvasChart> charts = new ArrayList<>();
                robot.interact(() -> {
                    for (Node n : tab.getContent().lookupAll("*")) {
                        if (n instanceof CanvasChart c && c.isVisible() && c.getWidth() > 0 && c.getHeight() > 0) {
                            charts.add(c);
                        }
                    }
                });
                for (CanvasChart c : charts) {
                    String name = c.getClass().getSimpleName() + "-" + c.getId();
                    if (!saved.add(name)) {
                        continue;
                    }
                    Path file = dir.resolve("pictures").resolve(saved.size() + "-" + name + ".png");
                    chooser.next = file;
                    requestContextMenu(robot, c);
                    robot.clickOn(Messages.tr(ScreenExports.SAVE_IMAGE));
                    UiFixture.waitUntil(() -> Files.exists(file));
                    BufferedImage picture = ImageIO.read(file.toFile());
                    assertThat(picture).as(name).isNotNull();
                    assertThat(picture.getWidth()).as(name).isEqualTo((int) Math.round(c.getWidth()));
                    assertThat(picture.getHeight()).as(name + ": the plot under its title").isGreaterThan((int) Math.round(c.getHeight()));
                }
            }
        }
        robot.interact(() -> window.main().tabs().getSelectionModel().select(0));
        assertThat(saved).as(saved.toString()).contains("TimeSeriesChart-valueChart", "TimeSeriesChart-driftChart",
                "TimeSeriesChart-drawdownChart", "TimeSeriesChart-costChart", "AnnualBars-annualBars",
                "Heatmap-sweepHeatmap", "TimeSeriesChart-sweepCompareChart", "PathChart-robustTimingChart",
                "PathChart-robustPremiumChart", "HistogramChart-robustPremiumHistogram", "PathChart-robustFanChart",
                "HistogramChart-robustDiffHistogram", "TimeSeriesChart-studyChart");
    }

    @Test
    void anyTableIsCopiedAsTabSeparatedTextByCtrlCAndItsContextMenu(FxRobot robot) throws Exception {
        RunModel m = runQuarterly(robot);
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> events.getItems().size() == m.events().size());
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn(events.lookup(".table-row-cell"));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).as("the system clipboard under Monocle").isNotNull();
        String[] lines = copied[0].split("\n");
        assertThat(lines).hasSize(m.events().size() + 1);
        assertThat(lines[0].split("\t")).containsExactlyElementsOf(
                EventTable.COLUMNS.stream().map(EventTable.Column::title).toList());
        String[] firstEvent = lines[1].split("\t", -1);
        assertThat(firstEvent[0]).isEqualTo(m.events().get(0).eventDate().toString());
        int valueBefore = EventTable.headers().indexOf("value_before");
        assertThat(valueBefore).isNotNegative();
        // the clipboard carries the screen's text: the cell as shown, grouped, and the trigger in words
        assertThat(firstEvent[valueBefore]).isEqualTo(DisplayNumber.money(m.events().get(0).valueBefore())).contains(",");
        assertThat(Double.parseDouble(firstEvent[valueBefore].replace(",", ""))).isCloseTo(m.events().get(0).valueBefore(), within(0.01));
        assertThat(firstEvent[EventTable.headers().indexOf("turnover")]).matches("\\d+\\.\\d\\d %");
        assertThat(firstEvent[EventTable.headers().indexOf("trigger_type")]).isEqualTo("Periodic");

        // the weights table through its context menu
        TableView<?> weights = robot.lookup("#weightsTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !weights.getItems().isEmpty());
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        requestContextMenu(robot, weights);
        robot.clickOn(Messages.tr(ScreenExports.COPY_TABLE));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        String[] weightLines = copied[0].split("\n");
        assertThat(weightLines).hasSize(weights.getItems().size() + 1);
        List<String> titles = new ArrayList<>();
        for (TableColumn<?, ?> c : weights.getVisibleLeafColumns()) {
            titles.add(c.getText());
        }
        assertThat(weightLines[0].split("\t")).containsExactlyElementsOf(titles);
        assertThat(weightLines[1]).matches("[A-Z][a-z-]+\t\\d+\\.\\d\\d %\t\\d+\\.\\d\\d %\t\\d+\\.\\d\\d %\t.*");
    }
}
