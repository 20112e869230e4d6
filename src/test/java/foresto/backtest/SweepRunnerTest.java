package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import foresto.rule.RuleCodec;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
                // compared with the same rule at cost 0: what the cost took, and the rule's one break-even rate
                assertThat(r.at(i, j).costDrag()).isEqualTo(r.at(i, 0).metrics().finalValue() - single.finalValue());
                assertThat(r.at(i, j).breakEvenCostRate()).isEqualTo(r.at(i, 0).breakEvenCostRate());
            }
        }
        assertThat(r.rules()).containsExactlyElementsOf(rules.stream().map(RuleCodec::spec).toList());
        assertThat(r.off()).isEqualTo(ScenarioSimulation.off(DATA, SCENARIO, false).off().metrics());
    }

    /**
     * A sweep keeps one row per cell, not the cell's path: 4,000 cells of 30 daily years (~0.3 MB of path each, ~1.2 GB
     * in all) complete in a JVM with 160 MB of heap. Run in a child JVM so the limit is real; it ran out of memory
     * before cells were reduced to rows as they were computed.
     */
    @Test
    void aLargeSweepKeepsRowsNotPathsAndFitsASmallHeap() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx160m", "-cp", System.getProperty("java.class.path"),
                LargeSweep.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(out).doesNotContain("OutOfMemoryError").contains("rows 4000");
        assertThat(p.exitValue()).isZero();
    }

    /** The child JVM of the test above: 1,000 drift rules × 4 cost rates on 30 years of five classes. */
    public static final class LargeSweep {
        public static void main(String[] args) {
            MarketData data = SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2014, 12, 31), 30);
            Scenario scenario = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.4, AssetClass.BOND, 0.3,
                    AssetClass.SHORT_TERM, 0.1, AssetClass.GOLD, 0.1, AssetClass.OTHER, 0.1)), data.firstDate(),
                    data.lastDate(), 100, MissingDataPolicy.SKIP);
            List<RebalancingRule> rules = SweepRunner.rules(SweepSpec.rules("drift:0.0001..0.1/0.0001"), null, null, null);
            SweepRunner.Result r = SweepRunner.run(data, scenario, rules, List.of(0.0, 0.001, 0.002, 0.005), n -> { },
                    () -> false);
            System.out.println("rows " + r.rows().size());
        }
    }

    @Test
    void cancellationIsSeenWhileTheRulesAtCostZeroAreComputedAndWhileTheOtherCellsAre() {
        List<RebalancingRule> rules = SweepRunner.rules(List.of("monthly", "annual", "quarterly"), null, null, null);
        List<Double> costs = List.of(0.0, 0.001);
        for (int askedBeforeCancel : new int[] {1, rules.size()}) { // during the first step; at the start of the second
            AtomicInteger asked = new AtomicInteger();
            ConcurrentLinkedQueue<Integer> progress = new ConcurrentLinkedQueue<>();
            assertThatThrownBy(() -> SweepRunner.run(DATA, SCENARIO, rules, costs, progress::add,
                    () -> asked.incrementAndGet() > askedBeforeCancel)).as("cancelled after %d", askedBeforeCancel)
                    .isInstanceOf(CancellationException.class);
            assertThat(progress).as("no cell reported done").isEmpty();
        }
    }

    @Test
    void aCancelledSweepStopsWithoutAResult() {
        List<RebalancingRule> rules = SweepRunner.rules(List.of("monthly", "annual"), null, null, null);
        assertThatThrownBy(() -> SweepRunner.run(DATA, SCENARIO, rules, List.of(0.0), n -> { }, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
