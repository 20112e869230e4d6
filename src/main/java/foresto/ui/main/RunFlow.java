package foresto.ui.main;

import static foresto.i18n.Messages.tr;
import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestResult;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.engine.RebalancingRule;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.TaskExecutor;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One press of Run from request to screen: the run is computed, shown as a preview while it is stored, then
 * shown as stored (or, if it failed or was cancelled before its commit point, the preview is withdrawn). Cancel
 * before the commit point stops the run and nothing is stored; after it, it is too late: the run is stored and
 * shown, and the status says so.
 */
final class RunFlow {
    /** The longest a computed run's storing waits for the screen to draw it. */
    static final long DRAWN_WAIT_MS = 250;

    /** Where one run stands on the screen. */
    private enum RunPhase {
        /** Being computed or stored; the screen still shows what it showed before. */
        RUNNING,
        /** Computed and shown while it is being stored. */
        PREVIEW_SHOWN,
        /** Stored (or reused) and shown. */
        SHOWN,
        /** Failed; a shown preview was withdrawn. */
        FAILED,
        /** The job ended as cancelled; a shown preview was withdrawn (a run stored anyway is still shown). */
        CANCELLED
    }

    /** The run is past its point of no return: it ends as the stored run, or as one failure that nothing was stored. */
    private static final String TOO_LATE = "main.run.tooLate";

    private final BacktestService service;
    private final TaskExecutor executor;
    private final BusyJobs jobs;
    private final SetupViewModel setup;
    private final ResultViewModel shown;
    private final RunHistory history;
    private final StatusLine status;
    /** The run under way (null when none): its cancellation is what Cancel sets. */
    private RunAttempt currentRun;

    RunFlow(BacktestService service, TaskExecutor executor, BusyJobs jobs, SetupViewModel setup, ResultViewModel shown,
            RunHistory history, StatusLine status) {
        this.service = service;
        this.executor = executor;
        this.jobs = jobs;
        this.setup = setup;
        this.shown = shown;
        this.history = history;
        this.status = status;
    }

    /** One press of Run as the screen follows it; its phase is read and written on the UI thread only. */
    private final class RunAttempt {
        final Cancellation cancellation = new Cancellation();
        /** What the screen showed before: shown again when a preview is withdrawn. */
        final RunModel before = shown.resultProperty().get();
        RunPhase phase = RunPhase.RUNNING;

        /** Shows the computed run while it is stored, unless this run has ended meanwhile. */
        void showPreview(RunModel preview, double computeMs) {
            if (currentRun == this && jobs.isBusy()) {
                phase = RunPhase.PREVIEW_SHOWN;
                shown.show(preview);
                status.set(tr("main.run.storing", Long.toString(Math.round(computeMs))));
            }
        }

        /** The job ended as {@code how} (FAILED or CANCELLED): a shown preview that was not stored goes. */
        void end(RunPhase how) {
            if (phase == RunPhase.PREVIEW_SHOWN) {
                shown.restore(before);
            }
            phase = how;
        }
    }

    /**
     * Runs the setup's choices in the background, with {@code inline} instead of the chosen rule when it is not
     * null; nothing happens while the screen is busy, and a request the setup cannot make is refused.
     */
    void run(RebalancingRule inline) {
        if (jobs.isBusy()) {
            return;
        }
        BacktestRequest req;
        try {
            // an inline rule is a rule: its ON path allocates each flow by the chosen allocation, as the sweep's cells do
            req = inline == null ? setup.request(setup.rebalancingOnProperty().get())
                    : setup.scenario(false).withInlineRule(inline).withCashFlows(setup.cashFlows().schedule(true));
        } catch (ForestoException e) {
            status.refused(tr("main.run.cannotRun"), e);
            return;
        }
        setup.rememberChoices();
        String portfolio = setup.portfolioProperty().get().name();
        status.set(inline != null ? tr("main.run.runningWith", portfolio, RuleCodec.spec(inline))
                : req.rebalancingRuleId() == null ? tr("main.run.runningOff", portfolio)
                : tr("main.run.runningWith", portfolio, setup.ruleProperty().get().ruleName()));
        RunAttempt attempt = new RunAttempt();
        currentRun = attempt;
        jobs.submitCancellable("run", () -> compute(req, attempt), loaded -> {
            currentRun = null;
            attempt.phase = RunPhase.SHOWN;
            history.show(loaded);
        }, t -> {
            attempt.end(RunPhase.FAILED);
            status.failed(t);
        }, () -> {
            currentRun = null;
            attempt.end(RunPhase.CANCELLED);
            // the service stores nothing once its cancellation is set; set it here too, whatever stopped the job
            status.set(attempt.cancellation.cancel() ? tr("main.run.cancelled") : tr(TOO_LATE));
        });
    }

    /** The job's work, off the UI thread: compute, show the preview, store, and read the history. */
    private LoadedRun compute(BacktestRequest req, RunAttempt attempt) {
        // a new run is shown as soon as it is computed (status: storing), then as stored, from memory; only a
        // reused run is read back from the database
        AtomicReference<RunModel> computed = new AtomicReference<>();
        BacktestService.Shown done = service.runAndShow(req, attempt.cancellation, view -> {
            RunModel preview = RunModel.of(view, false);
            computed.set(preview);
            // the screen first: storing waits until the run is drawn (a few frames), so the database and this
            // worker do not slow those frames down (see TaskExecutor.onUiThreadUntilDrawn)
            executor.onUiThreadUntilDrawn(() -> attempt.showPreview(preview, view.run().computeMs()), DRAWN_WAIT_MS);
        });
        BacktestResult r = done.result();
        RunModel preview = computed.get();
        RunModel rm = preview != null && !r.reused() ? preview.stored(done.view().run()) : RunModel.of(done.view(), r.reused());
        LoadedRun loaded = history.load(rm, r.request());
        // stored although the job was already ended as cancelled (Cancel came while it was being stored):
        // show it and say so, so the screen never claims "nothing was stored" for a stored run
        executor.onUiThread(() -> {
            if (attempt.phase == RunPhase.CANCELLED) {
                history.show(loaded);
                status.set(tr("main.run.cancelTooLate", Long.toString(rm.run().runId())));
            }
        });
        return loaded;
    }

    /**
     * Sets the cancellation of the run under way, if any. False when it is too late (the run is being stored):
     * the status then says so and the job must go on.
     */
    boolean stopBeforeCommit() {
        RunAttempt r = currentRun;
        if (r != null && !r.cancellation.cancel()) {
            status.set(tr(TOO_LATE));
            return false;
        }
        return true;
    }
}
