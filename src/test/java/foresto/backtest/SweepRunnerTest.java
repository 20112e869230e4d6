package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep used by every face: progress, cancellation, and cells identical to single simulations. */
class SweepRunnerTest {
    static final MarketData DATA = SyntheticMarket.generate(LocalDate.of(2015, 1, 2), LocalDate.of(2019, 12, 31), 11);
    static final Scenario SCENARIO = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.3,
            AssetClass.GOLD, 0.2)), DATA.firstDate(), DATA.lastDate(), 100, MissingDataPolicy.SKIP);

    @Test
    void everyCellIsTheSingleSimulationAndProgressCountsEveryCell() {
        List<RebalancingRule> rules = SweepRunner.rules(SweepSpec.rules("quarterly,drift:0.02..0.05/0.01,drift-rel:0.2"), "last",
                "monthly", 0.5);
        List<Double> costs = List.of(0.0, 0.001, 0.004);
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        SweepRunner.Result r = SweepRunner.run(DATA, SCENARIO, rules, costs, seen::add, () -> false);
        assertThat(r.rows()).hasSize(18);
        assertThat(seen).hasSize(18).contains(18);
        for (int i = 0; i < rules.size(); i++) {
            for (int j = 0; j < costs.size(); j++) {
                var single = ScenarioSimulation.run(DATA, SCENARIO, Optional.of(rules.get(i).withCostRate(costs.get(j))), false)
                        .on().orElseThrow().metrics();
                assertThat(r.at(i, j).metrics()).isEqualTo(single);
            }
        }
        assertThat(r.off()).isEqualTo(ScenarioSimulation.off(DATA, SCENARIO, false).off().metrics());
    }

    @Test
    void aCancelledSweepStopsWithoutAResult() {
        List<RebalancingRule> rules = SweepRunner.rules(List.of("monthly", "annual"), null, null, null);
        assertThatThrownBy(() -> SweepRunner.run(DATA, SCENARIO, rules, List.of(0.0), n -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
