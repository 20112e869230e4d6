package foresto.ui;

import foresto.i18n.Messages;
import foresto.ui.sweep.Heatmap;
import foresto.ui.sweep.SweepViewModel;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800, in English and in Korean, the Sweep tab shows the cells table eight rows deep beside a heatmap that
 * still shows every cell's value.
 */
class SweepLayoutTest extends RobotTestBase {

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void theCellsTableShowsEightRowsBesideAReadableHeatmap(String language, FxRobot robot) throws TimeoutException {
        Messages.use(Locale.forLanguageTag(language));
        FxToolkit.setupStage(stage -> fx.start(stage));
        fx.resize(robot, 1280, 800);
        UiFixture.waitUntil(() -> !fx.window.mainViewModel().getPortfolios().isEmpty()
                && !fx.window.mainViewModel().busyProperty().get());
        SweepViewModel vm = fx.window.sweepViewModel();
        robot.interact(() -> {
            vm.fromProperty().set("0.01");
            vm.toProperty().set("0.09");
            vm.stepProperty().set("0.02");
            vm.costRatesProperty().set("0,0.001,0.002,0.005");
            TabPane tabs = fx.window.main().tabs();
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> t.getContent() == fx.window.sweepView()).findFirst().orElseThrow());
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        TableView<?> cells = robot.lookup("#sweepCellTable").queryAs(TableView.class);
        robot.interact(() -> {
            for (Node n = cells; n != null; n = n.getParent()) {
                if (n instanceof TabPane p) {
                    p.getTabs().stream().filter(t -> t.getContent() == cells).findFirst()
                            .ifPresent(t -> p.getSelectionModel().select(t));
                }
            }
            fx.window.scene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "sweep-cells-1280x800-" + language + ".png");

        assertThat(cells.getItems()).hasSize(20);
        Node header = cells.lookup(".column-header-background");
        Node row = cells.lookup(".table-row-cell");
        double rowsShown = (cells.getHeight() - header.getBoundsInParent().getHeight()) / ((Region) row).getHeight();
        Heatmap map = fx.window.sweepView().heatmap();
        String sizes = "cells table " + cells.getHeight() + " px (" + rowsShown + " rows), heatmap " + map.getWidth()
                + " × " + map.getHeight() + " px";
        assertThat(rowsShown).as("cell rows in view: " + sizes).isGreaterThanOrEqualTo(8);
        assertThat(map.getHeight()).as("heatmap height: " + sizes).isGreaterThanOrEqualTo(300);
        // readable: every cell shows its value, and the table sits beside it, not under it
        var r = vm.resultProperty().get();
        for (int i = 0; i < r.rules().size(); i++) {
            for (int j = 0; j < r.costRates().size(); j++) {
                assertThat(map.shownValue(i, j)).as("cell %d %d: %s", i, j, sizes).isNotNull();
            }
        }
        assertThat(cells.localToScene(cells.getBoundsInLocal()).getMinX())
                .isGreaterThanOrEqualTo(map.localToScene(map.getBoundsInLocal()).getMaxX());
    }
}
