package foresto.ui.robust;

import foresto.engine.RebalancingRule;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How the tab has its studies run (SEMANTICS §12.2–§12.4): each call blocks on a worker thread, reports progress
 * from any thread and ends with a {@link java.util.concurrent.CancellationException} once {@code cancelled} turns
 * true. {@link EngineStudies} runs the engine's pure studies; a stored service can take its place.
 */
public interface RobustnessStudies {

    /** The timing study of {@code rule}; {@code phases} / {@code offsets} null for the defaults of §12.2. */
    TimingStudy.Result timing(StudyScope scope, RebalancingRule rule, int[] phases, int[] offsets,
                              TimingStudy.Progress progress, BooleanSupplier cancelled);

    /** The start-date study of {@code rule}: windows of {@code lengthMonths} every {@code stepMonths}. */
    WindowsStudy.Result windows(StudyScope scope, RebalancingRule rule, int lengthMonths, int stepMonths,
                                WindowsStudy.Progress progress, BooleanSupplier cancelled);

    /** The bootstrap study of A against B (empty: OFF); {@code block} null for the default of §12.4. */
    BootstrapStudy.Result bootstrap(StudyScope scope, RebalancingRule ruleA, Optional<RebalancingRule> ruleB, int paths,
                                    Double block, long seed, BootstrapStudy.Progress progress, BooleanSupplier cancelled);
}
