package foresto.ui.robust;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.OpenedStudy;
import foresto.backtest.RobustnessService;
import foresto.backtest.StudyRequest;
import foresto.backtest.StudyResult;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The studies through the stored service ({@link RobustnessService}, SEMANTICS §12.5): checked, stored by their hash
 * and, when an identical request was stored before, answered by that study. The charts need what the stored answer
 * does not hold (every timing variant's value path, every path's finals), so they take the engine's result: the
 * one just computed, or for a reused study the same plan computed again by the service. The studies are
 * deterministic (fixed seed, each path's sums sequential, the same for any thread count), so the recomputed figures
 * are bit for bit those the stored answer was made from.
 */
public final class StoredStudies implements RobustnessStudies {
    /** A bootstrap's paths run on all cores but one, so the window keeps answering while it runs. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private final RobustnessService service;

    public StoredStudies(BacktestService backtests) {
        this.service = backtests.robustness();
    }

    @Override
    public Studied<TimingStudy.Result> timing(StudyScope scope, RuleRecord rule, int[] phases, int[] offsets,
                                              Progress progress, Cancellation cancellation) {
        return run(StudyRequest.timing(scenario(scope, rule), phases, offsets), progress, cancellation,
                got -> new RobustnessService.Computed() {
                    @Override
                    public void timing(TimingStudy.Result result) {
                        got.accept(result);
                    }
                });
    }

    @Override
    public Studied<WindowsStudy.Result> windows(StudyScope scope, RuleRecord rule, int lengthMonths, int stepMonths,
                                                Progress progress, Cancellation cancellation) {
        return run(StudyRequest.windows(scenario(scope, rule), lengthMonths, stepMonths), progress, cancellation,
                got -> new RobustnessService.Computed() {
                    @Override
                    public void windows(WindowsStudy.Result result) {
                        got.accept(result);
                    }
                });
    }

    @Override
    public Studied<BootstrapStudy.Result> bootstrap(StudyScope scope, RuleRecord ruleA, RuleRecord ruleB, int paths,
                                                    Double block, long seed, Progress progress,
                                                    Cancellation cancellation) {
        boolean inlineB = ruleB != null && ruleB.ruleId() == null;
        StudyRequest req = StudyRequest.bootstrap(scenario(scope, ruleA), ruleB == null ? null : ruleB.ruleId(),
                inlineB ? ruleB.toEngineRule() : null, paths, block, seed);
        return run(req, progress, cancellation, got -> new RobustnessService.Computed() {
            @Override
            public void bootstrap(BootstrapStudy.Result result) {
                got.accept(result);
            }
        });
    }

    /** Runs {@code req} on the stored service; {@code hook} makes the callback that hands over the engine's result. */
    private <R> Studied<R> run(StudyRequest req, Progress progress, Cancellation cancellation,
                               Function<Consumer<R>, RobustnessService.Computed> hook) {
        AtomicReference<R> engine = new AtomicReference<>();
        StudyResult r = service.run(req, cancellation, progress::report, hook.apply(engine::set), THREADS);
        return studied(engine.get(), r);
    }

    @Override
    public Optional<OpenedStudy> opened(long studyId) {
        return service.opened(studyId);
    }

    /** The scope with rule A: a stored rule by id, an opened study's rule that no stored rule holds inline. */
    private static BacktestRequest scenario(StudyScope scope, RuleRecord rule) {
        return rule.ruleId() == null ? scope.request().withInlineRule(rule.toEngineRule())
                : scope.request().withRule(rule.ruleId());
    }

    private static <R> Studied<R> studied(R engine, StudyResult r) {
        if (engine == null) {
            throw new ForestoException(ErrorCode.INTERNAL_ERROR, "study #" + r.studyId() + " gave no engine result");
        }
        return new Studied<>(engine, r.studyId(), r.reused());
    }
}
