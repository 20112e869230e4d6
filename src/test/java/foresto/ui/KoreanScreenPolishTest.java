package foresto.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import foresto.i18n.Messages;
import foresto.model.RuleRecord;
import foresto.backtest.PortfolioService;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.portfolios.PortfoliosView;
import foresto.ui.portfolios.PortfoliosViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Korean window at 1280 × 800 as a newcomer first sees it: Run in view without scrolling, codes read as words,
 * and the events, History and timing tables with every header (and the day's name) in full; a "why it fired" wider
 * than its column shows in full on hover; a timing study of a daily-checked rule refused in a plain Korean sentence.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KoreanScreenPolishTest {
    private static final String DRIFT = "P2_DRIFT_5PCT_10BP";
    private static final String QUARTERLY = "P2_PERIODIC_QUARTERLY_FTD_10BP";
    /** Codes that must not show on their own in a Korean table or box. */
    private static final Set<String> CODES = Set.of("SKIP", "ZERO", "DAILY", "MONTHLY", "QUARTERLY", "SEMIANNUAL",
            "ANNUAL", "PERIODIC", "DRIFT", "ABSOLUTE", "RELATIVE", "HYBRID", "FIRST_TRADING_DAY", "LAST_TRADING_DAY");
    private UiFixture fx;

    @BeforeAll
    void createFixture() {
        fx = new UiFixture(true);
    }

    /** A fresh Korean window before each test (the extension closes the windows after each one). */
    @BeforeEach
    void koreanWindowAtTheSmallestSize() throws Exception {
        fx.showSmallest(Locale.KOREAN);
    }

    @AfterAll
    void closeFixture() {
        Messages.use(Locale.ENGLISH); // the other tests of this JVM read English
        fx.close();
    }

    @Test
    @Order(1)
    void runIsInViewWithoutScrollingAndTheSetupShowsWordsNotCodes(FxRobot robot) {
        Button run = robot.lookup("#runButton").queryAs(Button.class);
        Window w = fx.window.scene().getWindow();
        assertThat(w.getHeight()).isEqualTo(800);
        Bounds b = run.localToScene(run.getBoundsInLocal());
        assertThat(b.getMinY()).as("Run's top in the window").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as("Run's foot within the 800 px window's scene").isLessThanOrEqualTo(fx.window.scene().getHeight());
        for (Node p = run.getParent(); p != null; p = p.getParent()) {
            assertThat(p).as("Run does not scroll away with the form").isNotInstanceOf(ScrollPane.class);
        }

        @SuppressWarnings("unchecked")
        ComboBox<Object> missing = robot.lookup("#missingBox").queryAs(ComboBox.class);
        List<String> shown = missing.getItems().stream().map(missing.getConverter()::toString).toList();
        assertThat(shown).hasSize(2).allMatch(KoreanScreenPolishTest::hangul).noneMatch(CODES::contains);
        robot.interact(() -> missing.setValue(missing.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> button = (ListCell<?>) ((ComboBoxListViewSkin<?>) missing.getSkin()).getDisplayNode();
        assertThat(missing.getValue()).hasToString("SKIP"); // the value stays the code
        assertThat(button.getText()).isEqualTo("수익률이 빠진 날 건너뛰기");

        // the Sweep form's check calendar: its box holds the lower-case codes the sweep takes, and shows words
        @SuppressWarnings("unchecked")
        ComboBox<Object> sweepCheck = robot.lookup("#sweepCheckBox").queryAs(ComboBox.class);
        assertThat(sweepCheck.getItems()).contains("daily", "monthly");
        assertThat(sweepCheck.getItems().stream().map(sweepCheck.getConverter()::toString).toList())
                .allMatch(KoreanScreenPolishTest::hangul).contains("매일", "매월");

        // the Rules tab's table: kinds, calendars, bands and base days in words
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !rules.getItems().isEmpty());
        List<String> cells = new ArrayList<>();
        for (TableColumn<?, ?> c : rules.getVisibleLeafColumns()) {
            for (int i = 0; i < rules.getItems().size(); i++) {
                Object v = c.getCellData(i);
                cells.add(v == null ? "" : v.toString());
            }
        }
        assertThat(cells).as("Rules table cells").noneMatch(CODES::contains)
                .contains("드리프트", "정기", "매월", "분기", "첫 거래일", "절대 밴드", "매일");
        TabPane tabs = fx.window.main().tabs();
        robot.interact(() -> tabs.getSelectionModel().select(1)); // Rules
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(rules::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "polish-ko-rules-1280x800.png");
        assertThat(ReadableTablesTest.cutHeaders("Korean 1280×800", rules)).as("Rules headers cut").isEmpty();
        List<String> cutCells = new ArrayList<>();
        for (Node n : rules.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null && cell.getText() != null
                    && !cell.getText().isEmpty()) {
                double room = cell.getTableColumn().getWidth() - cell.getInsets().getLeft() - cell.getInsets().getRight();
                if (width(cell.getText(), cell) > room) {
                    cutCells.add(cell.getTableColumn().getText() + ": " + cell.getText());
                }
            }
        }
        assertThat(cutCells).as("Rules cells cut").isEmpty();
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(2)
    void theEventsAndHistoryTablesShowEveryHeaderAndTheWhyInFull(FxRobot robot) {
        var vm = fx.window.mainViewModel();
        for (String rule : List.of(QUARTERLY, DRIFT)) {
            robot.interact(() -> {
                vm.ruleProperty().set(rule(rule));
                vm.rebalancingOnProperty().set(true);
            });
            robot.interact(vm::run);
            waitFor(() -> vm.resultProperty().get() != null && !vm.busyProperty().get()
                    && rule.equals(vm.resultProperty().get().run().request().ruleName()));
        }
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !events.getItems().isEmpty() && events.getItems().size() == vm.getEvents().size());
        robot.interact(events::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "polish-ko-events-1280x800.png");
        assertThat(ReadableTablesTest.cutHeaders("Korean 1280×800", events)).as("events headers cut").isEmpty();
        TableColumn<?, ?> why = events.getColumns().stream().filter(c -> "col_trigger_detail".equals(c.getId()))
                .findFirst().orElseThrow();
        List<TableCell<?, ?>> whyCells = new ArrayList<>();
        for (Node n : events.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == why && cell.getText() != null
                    && !cell.getText().isEmpty()) {
                whyCells.add(cell);
            }
        }
        assertThat(whyCells).as("rendered why cells").isNotEmpty();
        for (TableCell<?, ?> cell : whyCells) {
            double text = width(cell.getText(), cell);
            double room = why.getWidth() - cell.getInsets().getLeft() - cell.getInsets().getRight();
            boolean inFull = text <= room || (cell.getTooltip() != null && cell.getText().equals(cell.getTooltip().getText()));
            assertThat(inFull).as("why \"%s\" (%s px in %s px) shows in full or on hover", cell.getText(),
                    Math.round(text), Math.round(room)).isTrue();
        }
        assertThat(why.getWidth()).as("the why column sized to a drift event's Korean text")
                .isGreaterThanOrEqualTo(width(whyCells.get(0).getText(), whyCells.get(0))
                        + whyCells.get(0).getInsets().getLeft() + whyCells.get(0).getInsets().getRight());

        TabPane tabs = fx.window.main().tabs();
        robot.interact(() -> tabs.getSelectionModel().select(2)); // History
        TableView<?> history = robot.lookup("#historyTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> history.getItems().size() >= 2);
        robot.interact(history::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "polish-ko-history-1280x800.png");
        assertThat(ReadableTablesTest.cutHeaders("Korean 1280×800", history)).as("History headers cut").isEmpty();
        // the names in full: the table scrolls sideways to its last columns rather than cut them
        assertThat(ReadableTablesTest.cutCells(history, List.of("포트폴리오", "규칙", "데이터셋"))).as("History names cut").isEmpty();
        if (rightEdge(history) > history.getWidth()) {
            assertThat(history.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                    && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()))
                    .as("History scrolls sideways to its last column (%s of %s px)", rightEdge(history), history.getWidth()).isTrue();
        }
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(3)
    void theTimingTableFitsAndADailyCheckedRuleIsRefusedInPlainKorean(FxRobot robot) {
        var vm = fx.window.mainViewModel();
        TabPane tabs = fx.window.main().tabs();
        Tab robustness = tabs.getTabs().stream().filter(t -> "robustnessTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            vm.ruleProperty().set(rule(QUARTERLY));
            tabs.getSelectionModel().select(robustness);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#robustTimingRun");
        TableView<?> timing = robot.lookup("#robustTimingTable").queryAs(TableView.class);
        waitFor(() -> timing.getItems().size() >= 3 && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(timing::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "polish-ko-timing-1280x800.png");
        assertThat(ReadableTablesTest.cutHeaders("Korean 1280×800", timing)).as("timing headers cut").isEmpty();
        TableColumn<?, ?> day = timing.getColumns().get(1);
        for (Node n : timing.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == day && cell.getText() != null
                    && !cell.getText().isEmpty()) {
                double room = day.getWidth() - cell.getInsets().getLeft() - cell.getInsets().getRight();
                assertThat(width(cell.getText(), cell)).as("day \"%s\"", cell.getText()).isLessThanOrEqualTo(room);
            }
        }

        robot.interact(() -> vm.ruleProperty().set(rule(DRIFT)));
        robot.clickOn("#robustTimingRun");
        UiFixture.waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        String text = dialog.getContentText();
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(Messages.tr("robust.timing.dailyCheck"))
                .contains("매일 확인하는 드리프트 규칙", "시작일 탭");
        assertThat(text).doesNotContain("SEMANTICS").doesNotContain("§").contains("INVALID_RULE");
        fx.screenshot(robot, "polish-ko-timing-refused.png");
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        robot.interact(() -> tabs.getSelectionModel().select(0));
    }

    @Test
    @Order(4)
    void emptyTablesSayItInKoreanAndThePortfoliosTableShowsPercentsUnderFullHeaders(FxRobot robot) {
        TabPane tabs = fx.window.main().tabs();
        List<TableView<?>> tables = new ArrayList<>();
        for (Node n : fx.window.scene().getRoot().lookupAll(".table-view")) {
            if (n instanceof TableView<?> t) {
                tables.add(t);
            }
        }
        assertThat(tables).as("tables in the window").hasSizeGreaterThanOrEqualTo(5);
        for (TableView<?> t : tables) {
            assertThat(t.getPlaceholder()).as("placeholder of #%s", t.getId()).isInstanceOf(Labeled.class);
            String text = ((Labeled) t.getPlaceholder()).getText();
            assertThat(text).as("placeholder of #%s", t.getId()).doesNotContain("No content").matches(s -> hangul(s));
        }

        // the setup's target weights line names the classes in Korean
        String prefix = Messages.tr("main.setup.targets", "");
        List<String> targets = new ArrayList<>();
        for (Node n : fx.window.scene().getRoot().lookupAll(".label")) {
            if (n instanceof Labeled l && l.getText() != null && l.getText().startsWith(prefix)) {
                targets.add(l.getText());
            }
        }
        assertThat(targets).as("target weights line").hasSize(1);
        assertThat(targets.get(0)).contains("주식", "채권").doesNotContain("EQUITY").doesNotContain("BOND");

        // the fixture's window has no portfolio service: the tab as the app adds it, on the fixture's database
        PortfoliosViewModel pvm = new PortfoliosViewModel(new PortfolioService(fx.db.dataSource()), new FxTaskExecutor(),
                () -> { });
        Tab portfolios = PortfoliosView.tab(pvm, (owner, question) -> false);
        robot.interact(() -> {
            tabs.getTabs().add(portfolios);
            pvm.load();
            tabs.getSelectionModel().select(portfolios);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#portfolioTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(table::layout);
        WaitForAsyncUtils.waitForFxEvents();
        fx.screenshot(robot, "polish-ko-portfolios-1280x800.png");
        assertThat(ReadableTablesTest.cutHeaders("Korean 1280×800", table)).as("Portfolios headers cut").isEmpty();
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        assertThat(headers).contains("주식", "채권", "단기", "기타").doesNotContain("EQUITY", "OTHER", "SHORT_TERM");
        List<String> weights = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && cell.getTableColumn().getId() != null && cell.getTableColumn().getId().startsWith("portfolioColumn")
                    && cell.getText() != null && !cell.getText().isEmpty()) {
                weights.add(cell.getText());
            }
        }
        assertThat(weights).as("weight cells").isNotEmpty().allMatch(w -> w.endsWith(" %"));
        robot.interact(() -> {
            tabs.getSelectionModel().select(0);
            tabs.getTabs().remove(portfolios);
        });
    }

    private RuleRecord rule(String name) {
        return fx.window.mainViewModel().getRules().stream().filter(r -> r.ruleName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static void waitFor(BooleanSupplier done) {
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, done::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double width(String s, Labeled in) {
        Text t = new Text(s);
        t.setFont(in.getFont());
        return t.getLayoutBounds().getWidth();
    }

    private static double rightEdge(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }

    private static boolean hangul(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
