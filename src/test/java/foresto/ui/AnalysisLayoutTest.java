package foresto.ui;

import foresto.i18n.Messages;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.Fonts;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800, in English and in Korean, the Analysis tab shows a value chart of at least 220 px with four or more
 * value ticks, a drift plot of at least 90 px whose axis title is drawn in full, toolbars with nothing cut, above an
 * events table of eight rows. A narrower window moves toolbar items into the » menu; it never cuts them.
 */
class AnalysisLayoutTest extends RobotTestBase {
    static final String MONTHLY = "P2_PERIODIC_MONTHLY_FTD_10BP";

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private void windowIn(FxRobot robot, String language, double width) throws TimeoutException {
        Messages.use(Locale.forLanguageTag(language));
        FxToolkit.setupStage(stage -> fx.start(stage));
        robot.interact(() -> {
            Window w = fx.window.scene().getWindow();
            w.setX(0);
            w.setY(0);
            w.setWidth(width);
            w.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runMonthly(FxRobot robot) {
        var vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        robot.interact(() -> {
            vm.ruleProperty().set(vm.getRules().stream()
                    .filter(r -> r.ruleName().equals(MONTHLY)).findFirst().orElseThrow());
            vm.rebalancingOnProperty().set(true);
        });
        robot.interact(vm::run);
        UiFixture.waitUntil(() -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> events.getItems().size() == vm.getEvents().size());
        robot.interact(() -> fx.window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void theChartsAreReadableAboveEightEventRowsAt1280x800(String language, FxRobot robot)
            throws TimeoutException, IOException {
        windowIn(robot, language, 1280);
        runMonthly(robot);
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        Region valueHost = robot.lookup("#valueChartHost").queryAs(Region.class);
        TimeSeriesChart value = fx.window.main().valueChart();
        TimeSeriesChart drift = fx.window.main().driftChart();
        UiFixture.waitUntil(() -> drift.plotHeight() > 0 && value.plotHeight() > 0);
        Node header = events.lookup(".column-header-background");
        Node row = events.lookup(".table-row-cell");
        double rowsShown = (events.getHeight() - header.getBoundsInParent().getHeight()) / ((Region) row).getHeight();
        fx.screenshot(robot, "analysis-1280x800-" + language + ".png");
        String sizes = "value chart " + valueHost.getHeight() + " px (plot " + value.plotHeight() + "), drift plot "
                + drift.plotHeight() + " px, events table " + events.getHeight() + " px, " + rowsShown + " rows";
        Files.writeString(Path.of("target/screenshots", "analysis-1280x800-" + language + ".txt"), sizes); // for the record
        assertThat(valueHost.getHeight()).as("value chart height: " + sizes).isGreaterThanOrEqualTo(220);
        assertThat(value.yTicks()).as("value ticks: " + sizes).hasSizeGreaterThanOrEqualTo(4);
        assertThat(drift.plotHeight()).as("drift plot height: " + sizes).isGreaterThanOrEqualTo(90);
        assertThat(drift.yTicks()).as("drift ticks: " + sizes).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rowsShown).as("event rows in view: " + sizes).isGreaterThanOrEqualTo(8);

        // the drift axis's title is drawn whole, and fits the chart's height
        String title = drift.drawnYTitle();
        assertThat(title).isNotEmpty().doesNotEndWith("…");
        assertThat(List.of(drift.yLabel(), fx.window.mainViewModel().resultProperty().get().driftScale().shortAxisLabel()))
                .contains(title);
        assertThat(textWidth(title, 11)).as("axis title " + title).isLessThanOrEqualTo(drift.getHeight() - 4);

        // every toolbar item in view and not cut: none needs the » menu at 1280 px
        for (String bar : List.of("#valueToolbar", "#driftToolbar")) {
            ToolBar toolbar = robot.lookup(bar).queryAs(ToolBar.class);
            assertThat(cutItems(toolbar)).as(bar + " items cut").isEmpty();
            assertThat(overflowed(toolbar)).as(bar + " items in the » menu").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void aNarrowWindowMovesToolbarItemsIntoTheOverflowMenuInsteadOfCuttingThem(String language, FxRobot robot)
            throws TimeoutException {
        windowIn(robot, language, 720);
        runMonthly(robot);
        fx.screenshot(robot, "analysis-720x800-" + language + ".png");
        for (String bar : List.of("#valueToolbar", "#driftToolbar")) {
            assertThat(cutItems(robot.lookup(bar).queryAs(ToolBar.class))).as(bar + " items cut at 720 px").isEmpty();
        }
        // the drift panel, beside the weights, is the narrowest: its toggle waits in the » menu
        ToolBar drift = robot.lookup("#driftToolbar").queryAs(ToolBar.class);
        assertThat(overflowed(drift)).as("items in the » menu at 720 px").isNotEmpty();
        assertThat(drift.lookup(".tool-bar-overflow-button")).as("the » button").isNotNull().matches(Node::isVisible);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void aCalendarRulesDriftPanelSpansOffWithNothingMarkedOffTheScale(String language, FxRobot robot)
            throws TimeoutException {
        windowIn(robot, language, 1280);
        runMonthly(robot);
        TimeSeriesChart drift = fx.window.main().driftChart();
        UiFixture.waitUntil(() -> drift.plotHeight() > 0);
        var m = fx.window.mainViewModel().resultProperty().get();
        double offMax = Arrays.stream(m.offDrift()).max().orElseThrow();
        double top = drift.yTicks().get(drift.yTicks().size() - 1).value();
        assertThat(drift.content().unscaledLine()).isEqualTo(-1);
        assertThat(drift.offScaleRuns()).isEmpty();
        // the top tick lies within one tick step of OFF's largest drift: the axis spans OFF
        double step = drift.yTicks().get(1).value() - drift.yTicks().get(0).value();
        assertThat(top).isGreaterThan(offMax - step);
        CheckBox toOff = robot.lookup("#driftScaleToOffBox").queryAs(CheckBox.class);
        assertThat(toOff.isDisabled()).as("nothing to scale to").isTrue();
    }

    /** The labelled items of {@code bar} that are shown but whose text is drawn cut (or narrower than it needs). */
    static List<String> cutItems(ToolBar bar) {
        List<String> cut = new ArrayList<>();
        Bounds box = bar.localToScene(bar.getLayoutBounds());
        for (Node n : bar.getItems()) {
            if (!shown(n)) {
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getMaxX() > box.getMaxX() + 0.5) {
                cut.add(n.getId() + ": runs past the toolbar's edge (" + b.getMaxX() + " > " + box.getMaxX() + ")");
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                Text drawn = (Text) l.lookup(".text");
                if (drawn == null || !l.getText().equals(drawn.getText())) {
                    cut.add(n.getId() + ": \"" + l.getText() + "\" drawn as \"" + (drawn == null ? null : drawn.getText()) + "\"");
                }
            }
        }
        return cut;
    }

    /** The items of {@code bar} not in its row (moved into its » menu). */
    static List<String> overflowed(ToolBar bar) {
        return bar.getItems().stream().filter(n -> !shown(n)).map(n -> String.valueOf(n.getId())).toList();
    }

    private static boolean shown(Node n) {
        return n.getScene() != null && n.isVisible() && n.getParent() != null && n.getParent().isVisible()
                && n.getLayoutBounds().getWidth() > 0;
    }

    static double textWidth(String s, double size) {
        Text t = new Text(s);
        t.setFont(Fonts.regular(size));
        return t.getLayoutBounds().getWidth();
    }
}
