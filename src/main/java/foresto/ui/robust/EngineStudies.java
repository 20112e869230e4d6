package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.engine.MarketData;
import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The studies run by the engine on the dataset's market data (cached by the service), nothing stored. The bootstrap
 * leaves one core to the screen (its paths run on all but one), so the window keeps answering while it runs.
 */
public final class EngineStudies implements RobustnessStudies {
    private final BacktestService service;

    public EngineStudies(BacktestService service) {
        this.service = service;
    }

    @Override
    public TimingStudy.Result timing(StudyScope scope, RebalancingRule rule, int[] phases, int[] offsets,
                                     TimingStudy.Progress progress, BooleanSupplier cancelled) {
        TimingStudy.grid(rule, phases, offsets); // a bad rule or set is refused before the data is read
        MarketData data = service.marketData(scope.dataset());
        return TimingStudy.run(data, scope.scenario(data), rule, phases, offsets, progress, cancelled);
    }

    @Override
    public WindowsStudy.Result windows(StudyScope scope, RebalancingRule rule, int lengthMonths, int stepMonths,
                                       WindowsStudy.Progress progress, BooleanSupplier cancelled) {
        MarketData data = service.marketData(scope.dataset());
        return WindowsStudy.run(data, scope.scenario(data), rule, lengthMonths, stepMonths, progress, cancelled);
    }

    @Override
    public BootstrapStudy.Result bootstrap(StudyScope scope, RebalancingRule ruleA, Optional<RebalancingRule> ruleB,
                                           int paths, Double block, long seed, BootstrapStudy.Progress progress,
                                           BooleanSupplier cancelled) {
        MarketData data = service.marketData(scope.dataset());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return BootstrapStudy.run(data, scope.scenario(data), ruleA, ruleB, paths, block, seed, threads, progress,
                cancelled);
    }
}
