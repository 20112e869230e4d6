package foresto.ui.studies;

import foresto.backtest.FeatureFlags;
import foresto.engine.BaseDayPolicy;
import foresto.error.ErrorCode;
import foresto.study.StudyResult;
import foresto.ui.MainWindow;
import foresto.ui.Snapshots;
import foresto.ui.chart.CanvasChart;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.ScreenExports;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The Studies view end to end with a robot: run, read the table and the count, switch the base day, export. */
@ExtendWith(ApplicationExtension.class)
class StudiesViewTest {
    private StudiesViewModel vm;
    private StudiesView view;
    private final List<UiError> errors = new ArrayList<>();
    private Path exportTo;

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme();
        vm = new StudiesViewModel(new FxTaskExecutor(), FeatureFlags.ON, errors::add);
        view = new StudiesView(vm, name -> Optional.ofNullable(exportTo));
        Scene scene = new Scene(view, 1400, 900);
        ScreenExports.install(scene, CanvasChart.class::isInstance, chart -> "chart.png",
                (what, name) -> Optional.ofNullable(exportTo), Snapshots::write, t -> errors.add(UiError.of("png", t)));
        scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of the table's visible cells in the column with {@code id}, top to bottom. */
    private List<String> cellTexts(FxRobot robot, String id) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            view.table().layout();
            for (Node n : view.table().lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null && id.equals(c.getTableColumn().getId())
                        && c.getText() != null && c.getIndex() < view.table().getItems().size()) {
                    out.add(c.getIndex() + ":" + c.getText() + (c.getStyleClass().contains("error-label") ? " [red]" : ""));
                }
            }
        });
        out.sort((a, b) -> Integer.compare(Integer.parseInt(a.split(":")[0]), Integer.parseInt(b.split(":")[0])));
        return out;
    }

    @Test
    void runningShowsOursVsPublishedTheCountTheNoteAndTheChartThenTheFirstBaseDayAndExports(FxRobot robot,
            @TempDir Path dir) throws Exception {
        assertThat(robot.lookup("#studyExportCsvButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#studyRunButton");
        waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        StudyResult r = vm.resultProperty().get();
        assertThat(r.baseDay()).isEqualTo(BaseDayPolicy.LAST_TRADING_DAY);
        assertThat(view.table().getItems()).hasSize(11);
        assertThat(robot.lookup("#studyCount").queryAs(Label.class).getText())
                .isEqualTo("44 of 44 within tolerance (base day LAST)");
        assertThat(robot.lookup("#studyNote").queryAs(Label.class).getText())
                .contains("Exact equality is impossible").contains("10-year US Treasury").contains("events \u00b125 %");
        // the events column: ours (1007 for the monthly calendar: no month end after the dataset's last) and published
        List<String> events = cellTexts(robot, "study-events-ours");
        assertThat(events).startsWith("0:1007", "1:407");
        assertThat(events.stream().filter(t -> t.endsWith("[red]"))).isEmpty();
        assertThat(view.chart().seriesNames()).containsExactly("Never (buy-and-hold)", "M 0% (monthly)",
                "A 5% (annual check, 5 % band)", "Target 60 %");
        assertThat(view.chart().titleProperty().get()).contains("base day LAST");

        // the first trading day: one figure falls outside (A 10%'s average equity), marked in red
        robot.clickOn("#studyBaseDayFirst");
        waitUntil(() -> vm.resultProperty().get() != r && !vm.busyProperty().get());
        assertThat(vm.resultProperty().get().baseDay()).isEqualTo(BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(robot.lookup("#studyCount").queryAs(Label.class).getText())
                .isEqualTo("43 of 44 within tolerance (base day FIRST)");
        List<String> equity = cellTexts(robot, "study-avg_equity-ours");
        assertThat(equity).hasSize(11);
        assertThat(equity.stream().filter(t -> t.endsWith("OUTSIDE [red]")).toList()).singleElement()
                .asString().startsWith("9:61.09 %");
        assertThat(cellTexts(robot, "study-events-ours")).startsWith("0:1008");

        // exports: the table as CSV, the chart as PNG
        exportTo = dir.resolve("study.csv");
        robot.clickOn("#studyExportCsvButton");
        waitUntil(() -> Files.exists(exportTo) && vm.statusProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(exportTo, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(1)).startsWith("M 0%,").endsWith(",first");
        exportTo = dir.resolve("chart.png");
        robot.clickOn("#studyExportPngButton");
        waitUntil(() -> Files.exists(exportTo));
        BufferedImage img = ImageIO.read(exportTo.toFile());
        assertThat(img.getWidth()).isGreaterThan(600);
        assertThat(errors).isEmpty();
        screenshot(robot);
    }

    private void screenshot(FxRobot robot) {
        Path file = Path.of("target/screenshots", "studies-tab.png");
        robot.interact(() -> {
            try {
                Snapshots.write(view.getScene(), file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(file).exists();
    }

    @Test
    void withRebalancingOffTheStudyRefusesWithTheStableCode() {
        List<UiError> seen = new ArrayList<>();
        StudiesViewModel off = new StudiesViewModel(TaskExecutor.sameThread(), FeatureFlags.OFF, seen::add);
        off.runOnce(); // the tab's first showing stays quiet
        assertThat(seen).isEmpty();
        off.run();
        assertThat(seen).singleElement().extracting(UiError::code).isEqualTo(ErrorCode.REBALANCING_DISABLED);
        assertThat(off.statusProperty().get()).contains("REBALANCING_DISABLED");
        assertThat(off.resultProperty().get()).isNull();
    }
}
