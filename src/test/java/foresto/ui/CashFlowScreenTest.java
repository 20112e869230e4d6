package foresto.ui;

import foresto.db.CashFlowRepository;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlow;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.i18n.LocaleFormat;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.SideFlows;
import foresto.ui.main.CashFlowSetup;
import foresto.ui.main.CashFlowViewModel;
import foresto.ui.main.FlowComparison;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import foresto.ui.main.SummaryRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup's "Cash flows…" section driven on the window: a monthly contribution with a drift rule shows one flow
 * per month in the Flows table, TWR and MWR as the engine computes them, and what toward-target allocation saved
 * against pro rata as the difference of two engine runs; the run is stored with its flows, reused when repeated, and
 * opened from the History with its schedule back in the setup and the same figures; a withdrawal rate of 1.5 is
 * refused in plain words with its code and nothing runs.
 */
class CashFlowScreenTest extends RobotTestBase {
    private static final String RULE = "P2_DRIFT_5PCT_10BP";
    private static final String PORTFOLIO = "Growth 80/20";

    private MainViewModel vm() {
        return fx.window.mainViewModel();
    }

    private void choose(FxRobot robot, CashFlowSetup.Kind kind, String amount, String rate) {
        UiFixture.waitUntil(() -> !vm().getPortfolios().isEmpty() && !vm().busyProperty().get());
        robot.interact(() -> {
            vm().portfolioProperty().set(vm().getPortfolios().stream().filter(p -> p.name().equals(PORTFOLIO))
                    .findFirst().orElseThrow());
            vm().ruleProperty().set(vm().getRules().stream().filter(r -> r.ruleName().equals(RULE)).findFirst().orElseThrow());
            vm().rebalancingOnProperty().set(true);
            CashFlowSetup s = vm().cashFlows().choices();
            s.kindProperty().set(kind);
            s.amountProperty().set(amount);
            s.rateProperty().set(rate);
            s.frequencyProperty().set(Frequency.MONTHLY);
            s.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
            s.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        });
    }

    /** The ON path of the run shown, recomputed by the engine directly with {@code allocation}. */
    private PathResult engineOn(RunRequestInfo info, CashFlowSchedule schedule) {
        PortfolioRecord p = vm().getPortfolios().stream().filter(x -> x.name().equals(PORTFOLIO)).findFirst().orElseThrow();
        RuleRecord rule = vm().getRules().stream().filter(r -> r.ruleName().equals(RULE)).findFirst().orElseThrow();
        DatasetRecord d = vm().getDatasets().stream().filter(x -> x.datasetId() == info.datasetId()).findFirst().orElseThrow();
        MarketData data = fx.service.marketData(d);
        Scenario scenario = new Scenario(p.weights(), info.startDate(), info.endDate(), info.initialValue(),
                MissingDataPolicy.SKIP);
        return ScenarioSimulation.run(data, scenario, Optional.of(rule.toEngineRule()), schedule, true).on().orElseThrow();
    }

    @Test
    void aMonthlyContributionShowsItsFlowsReturnsAndWhatTowardTargetSaved(FxRobot robot) throws IOException {
        choose(robot, CashFlowSetup.Kind.CONTRIBUTION, "1000", "");
        robot.interact(() -> vm().run());
        UiFixture.waitUntil(() -> vm().cashFlows().hasFlows() && !vm().busyProperty().get());
        CashFlowViewModel flows = vm().cashFlows();
        RunModel shown = vm().resultProperty().get();
        assertThat(shown.run().runId()).isPositive(); // stored like any run

        // one row per first trading day of a month after the purchase close, from the run's own dates
        LocalDate[] dates = shown.paths().dates();
        List<LocalDate> firstOfMonth = new ArrayList<>();
        for (int k = 1; k < dates.length; k++) {
            if (dates[k].getMonthValue() != dates[k - 1].getMonthValue()) {
                firstOfMonth.add(dates[k]);
            }
        }
        assertThat(firstOfMonth).hasSizeGreaterThan(100); // ten years of months
        assertThat(flows.getFlows()).extracting(CashFlow::date).containsExactlyElementsOf(firstOfMonth);
        assertThat(flows.getFlows()).allSatisfy(f -> assertThat(f.amount()).isEqualTo(1000.0));
        // each flow marked in its own lane of the value chart
        UiFixture.waitUntil(() -> fx.window.main().valueChart().shownFlowCount() == firstOfMonth.size());
        TableView<?> table = robot.lookup("#flowsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(firstOfMonth.size());
        assertThat(table.getColumns()).hasSize(2 + flows.getClasses().size());

        // TWR and MWR as the engine computes them for the same request
        RunRequestInfo info = shown.run().request();
        CashFlowSchedule toward = CashFlowSchedule.ofAmount(1000, Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY)
                .withAllocation(FlowAllocation.TOWARD_TARGET);
        PathResult on = engineOn(info, toward);
        PathResult proRata = engineOn(info, toward.withAllocation(FlowAllocation.PRO_RATA));
        Set<String> shownTexts = robot.lookup("#flowSummaryGrid .label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        String twr = LocaleFormat.percent(on.cashFlows().twrTotal(), 2);
        String mwr = LocaleFormat.percent(on.cashFlows().mwr().orElseThrow(), 2);
        assertThat(shownTexts).contains(twr, mwr, LocaleFormat.money(firstOfMonth.size() * 1000.0));
        assertThat(flows.getLines().get(0).on()).isEqualTo(twr);
        assertThat(flows.getLines().get(2).on()).isEqualTo(mwr);

        // "saved vs pro rata": the differences of the two engine runs, toward target shown
        FlowComparison c = flows.comparisonProperty().get();
        assertThat(c.shown()).isEqualTo(FlowAllocation.TOWARD_TARGET);
        assertThat(c.savedTrades()).isEqualTo(proRata.metrics().eventCount() - on.metrics().eventCount());
        assertThat(c.savedTurnover()).isEqualTo(proRata.metrics().totalTurnover() - on.metrics().totalTurnover());
        assertThat(c.savedCost()).isEqualTo(proRata.metrics().totalCost() - on.metrics().totalCost());
        assertThat(c.savedTrades()).isPositive(); // new money fills the underweight class instead of a trade
        String line = robot.lookup("#flowComparisonLabel").queryAs(Label.class).getText();
        assertThat(line).contains(LocaleFormat.integer(c.savedTrades()), LocaleFormat.money(c.savedCost()));

        // the flows table exported through the shared CSV writer: a header and one line per flow
        Path csv = Files.createTempFile("flows", ".csv");
        fx.exportTarget = csv;
        select(robot, "#flowsTab");
        robot.clickOn("#exportFlowsButton");
        UiFixture.waitUntil(() -> {
            try {
                return Files.readAllLines(csv).size() == firstOfMonth.size() + 1;
            } catch (IOException e) {
                return false;
            }
        });
        List<String> written = Files.readAllLines(csv);
        assertThat(written.get(0).replace("\uFEFF", "")).isEqualTo("date,amount," + String.join(",", flows.getClasses()));
        assertThat(written.get(1)).startsWith(firstOfMonth.get(0) + ",1000");
        fx.screenshot(robot, "cash-flows.png");
        robot.interact(() -> vm().cashFlows().choices().expandedProperty().set(true));
        select(robot, "#summaryTab");
        fx.screenshot(robot, "cash-flows-summary.png");
    }

    @Test
    void aMonthlyContributionIsStoredWithItsFlowsReusedWhenRepeatedAndReopensWithItsSchedule(FxRobot robot) {
        choose(robot, CashFlowSetup.Kind.NONE, "", "");
        // the analyst sets the contribution in the section itself: kind, amount; monthly on the first trading day
        robot.interact(() -> vm().cashFlows().choices().expandedProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> reveal(robot, "#flowKindBox"));
        robot.clickOn("#flowKindBox");
        robot.clickOn(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && "Contribution (fixed amount)".equals(cell.getText()));
        robot.interact(() -> {
            robot.lookup("#flowAmountField").queryTextInputControl().clear();
            reveal(robot, "#flowAmountField");
        });
        robot.clickOn("#flowAmountField").write("500");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().cashFlows().choices().kindProperty().get()).isEqualTo(CashFlowSetup.Kind.CONTRIBUTION);
        assertThat(vm().cashFlows().choices().amountProperty().get()).isEqualTo("500");

        robot.interact(() -> vm().run());
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().resultProperty().get() != null
                && !vm().resultProperty().get().isPreview() && vm().statusProperty().get().startsWith("New run #"));
        RunModel stored = vm().resultProperty().get();
        long runId = stored.run().runId();
        assertThat(runId).isPositive();
        assertThat(vm().getHistory()).anyMatch(r -> r.runId() == runId);

        // in the database: each side's flows, one per first trading day of a month after the purchase close
        LocalDate[] dates = stored.paths().dates();
        List<LocalDate> firstOfMonth = new ArrayList<>();
        for (int k = 1; k < dates.length; k++) {
            if (dates[k].getMonthValue() != dates[k - 1].getMonthValue()) {
                firstOfMonth.add(dates[k]);
            }
        }
        assertThat(firstOfMonth).hasSizeGreaterThan(100);
        RunFlows inDb = new CashFlowRepository(fx.db.dataSource()).find(runId).orElseThrow();
        for (SideFlows side : List.of(inDb.off(), inDb.on())) {
            assertThat(side.flows()).extracting(CashFlow::date).containsExactlyElementsOf(firstOfMonth);
            assertThat(side.flows()).allSatisfy(f -> assertThat(f.amount()).isEqualTo(500.0));
            assertThat(side.contributed()).isEqualTo(500.0 * firstOfMonth.size());
            assertThat(side.withdrawn()).isZero();
        }
        List<SummaryRow> summary = List.copyOf(vm().getSummary());
        List<CashFlowViewModel.Line> lines = List.copyOf(vm().cashFlows().getLines());
        String comparison = vm().cashFlows().comparisonTextProperty().get();
        assertThat(lines.get(0).on()).isEqualTo(LocaleFormat.percent(inDb.on().twrTotal(), 2));
        assertThat(lines.get(3).off()).isEqualTo(LocaleFormat.money(500.0 * firstOfMonth.size()));
        assertThat(comparison).isNotEmpty();
        assertThat(vm().cashFlows().getFlows()).hasSize(firstOfMonth.size());

        // the same choices again: the stored run answers, nothing new in the history
        int historySize = vm().getHistory().size();
        robot.interact(() -> vm().run());
        UiFixture.waitUntil(() -> !vm().busyProperty().get() && vm().statusProperty().get().startsWith("Reused run #" + runId + ":"));
        assertThat(vm().resultProperty().get().run().runId()).isEqualTo(runId);
        assertThat(vm().getHistory()).hasSize(historySize);
        assertThat(vm().cashFlows().getFlows()).hasSize(firstOfMonth.size());

        // the setup moves on (no flows, another amount), then the run is opened from the History
        robot.interact(() -> {
            vm().cashFlows().choices().amountProperty().set("750");
            vm().cashFlows().choices().kindProperty().set(CashFlowSetup.Kind.NONE);
        });
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup("#historyTable").queryTableView();
        UiFixture.waitUntil(() -> table.getItems().stream().anyMatch(x -> x.runId() == runId));
        Node row = robot.lookup((Node n) -> n instanceof TableRow<?> tr && tr.getItem() instanceof RunRecord rr
                && rr.runId() == runId).query();
        robot.doubleClickOn(row);
        UiFixture.waitUntil(() -> !vm().busyProperty().get()
                && vm().cashFlows().choices().kindProperty().get() == CashFlowSetup.Kind.CONTRIBUTION);
        assertThat(vm().resultProperty().get().run().runId()).isEqualTo(runId);
        assertThat(vm().cashFlows().hasFlows()).isTrue();

        CashFlowSetup restored = vm().cashFlows().choices();
        assertThat(restored.kindProperty().get()).isEqualTo(CashFlowSetup.Kind.CONTRIBUTION);
        assertThat(restored.amountProperty().get()).isEqualTo("500");
        assertThat(restored.frequencyProperty().get()).isEqualTo(Frequency.MONTHLY);
        assertThat(restored.baseDayProperty().get()).isEqualTo(BaseDayPolicy.FIRST_TRADING_DAY);
        assertThat(restored.allocationProperty().get()).isEqualTo(FlowAllocation.TOWARD_TARGET);
        assertThat(changedLabel(robot).isVisible()).isFalse();
        assertThat(vm().getSummary()).isEqualTo(summary);
        assertThat(vm().cashFlows().getLines()).isEqualTo(lines);
        assertThat(vm().cashFlows().comparisonTextProperty().get()).isEqualTo(comparison);
        assertThat(vm().cashFlows().getFlows()).extracting(CashFlow::date).containsExactlyElementsOf(firstOfMonth);

        // "Changed since this run" follows the schedule too
        robot.interact(() -> restored.amountProperty().set("600"));
        assertThat(changedLabel(robot).isVisible()).isTrue();
        robot.interact(() -> restored.amountProperty().set("500"));
        assertThat(changedLabel(robot).isVisible()).isFalse();
        robot.interact(() -> restored.kindProperty().set(CashFlowSetup.Kind.NONE));
        assertThat(changedLabel(robot).isVisible()).isTrue();
    }

    private Label changedLabel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#changedLabel").queryAs(Label.class);
    }

    /** Scrolls the setup panel so the node {@code id} is near its top, as an analyst on a small screen would. */
    private static void reveal(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane sp) {
                Node content = sp.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double scrollable = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                double share = scrollable <= 0 ? 0 : Math.max(0, Math.min(1, (y - 20) / scrollable));
                sp.setVvalue(sp.getVmin() + share * (sp.getVmax() - sp.getVmin()));
                return;
            }
        }
    }

    @Test
    void aWithdrawalRateOfOneAndAHalfIsRefusedInPlainWordsAndNothingRuns(FxRobot robot) {
        choose(robot, CashFlowSetup.Kind.WITHDRAWAL_RATE, "", "1.5");
        RunModel before = vm().resultProperty().get();
        int stored = vm().getHistory().size();
        robot.interact(() -> vm().run());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm().busyProperty().get()).isFalse();
        assertThat(vm().resultProperty().get()).isSameAs(before);
        assertThat(vm().getHistory()).hasSize(stored);
        Label problem = robot.lookup("#flowProblemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("greater than 0 and less than 1").contains("INVALID_REQUEST")
                .contains("1.5");
        Node dialog = robot.lookup("#errorDialog").query();
        assertThat(dialog).isNotNull();
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private void select(FxRobot robot, String tabId) {
        Tab tab = fx.window.main().lowerTabs().getTabs().stream().filter(t -> tabId.equals("#" + t.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> fx.window.main().lowerTabs().getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
