package foresto.ui.robust;

import static foresto.i18n.Messages.tr;
import foresto.backtest.Cancellation;
import foresto.backtest.OpenedStudy;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.model.RuleRecord;

import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * How the tab has its studies run (SEMANTICS §12.2–§12.4): each call blocks on a worker thread, reports progress
 * from any thread and ends with a {@link CancellationException} once {@code cancellation} is cancelled (nothing
 * stored then). {@link StoredStudies} runs them through the stored service, which reuses an identical study.
 */
public interface RobustnessStudies {

    /** Done / total variants, windows or paths (called from worker threads). */
    @FunctionalInterface
    interface Progress {
        void report(int done, int total);
    }

    /**
     * A study's engine result with the stored study it belongs to.
     *
     * @param studyId the stored study's id
     * @param reused  true when an identical study was stored before and answered this request
     */
    record Studied<R>(R result, long studyId, boolean reused) {
        /** "Study #7 stored." or "Reused study #7." */
        public String storedText() {
            return tr(reused ? "robust.studyReused" : "robust.studyStored", Long.toString(studyId));
        }
    }

    /** The timing study of {@code rule}; {@code phases} / {@code offsets} null for the defaults of §12.2. */
    Studied<TimingStudy.Result> timing(StudyScope scope, RuleRecord rule, int[] phases, int[] offsets,
                                       Progress progress, Cancellation cancellation);

    /** The start-date study of {@code rule}: windows of {@code lengthMonths} every {@code stepMonths}. */
    Studied<WindowsStudy.Result> windows(StudyScope scope, RuleRecord rule, int lengthMonths, int stepMonths,
                                         Progress progress, Cancellation cancellation);

    /** The bootstrap study of A against B (null: OFF); {@code block} null for the default of §12.4. */
    Studied<BootstrapStudy.Result> bootstrap(StudyScope scope, RuleRecord ruleA, RuleRecord ruleB, int paths,
                                             Double block, long seed, Progress progress, Cancellation cancellation);

    /** A stored study read back as it was asked and answered, nothing recomputed; empty when there is none (or no store). */
    default Optional<OpenedStudy> opened(long studyId) {
        return Optional.empty();
    }
}
