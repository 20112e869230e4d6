package foresto.ui.main;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.backtest.RunCsv;
import foresto.backtest.RunView;
import foresto.engine.BaseDayPolicy;
import foresto.engine.FlowAllocation;
import foresto.engine.Frequency;
import foresto.engine.PathStats;
import foresto.text.DisplayNumber;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A run with a monthly contribution computed in the view model: the Summary on screen gives the Sharpe and Sortino
 * the Summary CSV of the same stored run gives, both on the time-weighted index.
 */
class FlowSummaryViewModelTest {

    private static String screen(List<SummaryRow> rows, String metric, boolean on) {
        SummaryRow r = rows.stream().filter(x -> x.metric().startsWith(metric)).findFirst().orElseThrow();
        return on ? r.on() : r.off();
    }

    private static double csv(List<List<String>> rows, String key, boolean on) {
        List<String> r = rows.stream().filter(x -> x.get(0).equals(key)).findFirst().orElseThrow();
        return Double.parseDouble(r.get(on ? 2 : 1)); // key, OFF, ON, ON − OFF
    }

    @Test
    void theScreensSharpeAndSortinoWithAContributionAreTheCsvsOnTheTimeWeightedIndex() {
        BacktestService service = new BacktestService(InMemoryStores.sample().stores(), new FeatureFlags(true),
                Clock.systemUTC());
        List<UiError> errors = new ArrayList<>();
        MainViewModel vm = new MainViewModel(service, TaskExecutor.sameThread(), UiState.inMemory(), errors::add);
        vm.load();
        vm.startDateProperty().set(LocalDate.of(2012, 1, 3));
        vm.rebalancingOnProperty().set(true);
        CashFlowSetup c = vm.cashFlows().choices();
        c.kindProperty().set(CashFlowSetup.Kind.CONTRIBUTION);
        c.amountProperty().set("1000");
        c.frequencyProperty().set(Frequency.MONTHLY);
        c.baseDayProperty().set(BaseDayPolicy.FIRST_TRADING_DAY);
        c.allocationProperty().set(FlowAllocation.TOWARD_TARGET);
        vm.run();
        assertThat(errors).isEmpty();
        RunModel m = vm.resultProperty().get();
        assertThat(m.flows()).isNotNull();
        assertThat(m.paths().hasOn()).isTrue();
        List<SummaryRow> shown = List.copyOf(vm.getSummary());

        RunView stored = service.open(m.run().runId());
        List<List<String>> csv = RunCsv.summaryRows(stored.run().summary(), stored.paths().forReturns(stored.flows()), 0);
        for (boolean on : new boolean[] {false, true}) {
            for (String[] metric : new String[][] {{"Sharpe", "sharpe"}, {"Sortino", "sortino"}}) {
                assertThat(Double.parseDouble(screen(shown, metric[0], on))).as("%s %s", metric[0], on ? "ON" : "OFF")
                        .isCloseTo(csv(csv, metric[1], on), offset(5e-4));
            }
        }
        // and not the value path's, which counts the contributions as returns
        double[] values = stored.paths().off();
        double f = stored.run().summary().frequency().value();
        assertThat(screen(shown, "Sharpe", false)).isNotEqualTo(DisplayNumber.ratio(PathStats.sharpe(values, 0, f)));
        // the same run opened later shows the same Summary
        assertThat(RunModel.of(stored, false).summaryRows(0)).isEqualTo(shown);
    }
}
