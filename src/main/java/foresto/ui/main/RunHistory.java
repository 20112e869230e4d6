package foresto.ui.main;

import foresto.backtest.BacktestService;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.ui.common.BusyJobs;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stored runs the screen lists, and how a loaded run is shown: a finished run as the user asked for it, a
 * run opened from the history with its choices put back into the setup, so Run repeats it.
 */
final class RunHistory {
    /** How many of the latest runs the history lists. */
    static final int SIZE = 200;

    private final BacktestService service;
    private final BusyJobs jobs;
    private final SetupViewModel setup;
    private final ResultViewModel shown;
    private final StatusLine status;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();

    RunHistory(BacktestService service, BusyJobs jobs, SetupViewModel setup, ResultViewModel shown, StatusLine status) {
        this.service = service;
        this.jobs = jobs;
        this.setup = setup;
        this.shown = shown;
        this.status = status;
    }

    ObservableList<RunRecord> runs() {
        return runs;
    }

    /** A loaded run with the history as it is now (read in the background). */
    LoadedRun load(RunModel model, RunRequestInfo asked) {
        return new LoadedRun(model, service.history(SIZE), asked);
    }

    /** Opens a stored run without recomputing it; nothing happens while the screen is busy. */
    void open(long runId) {
        if (jobs.isBusy()) {
            return;
        }
        status.set("Opening run #" + runId + " …");
        jobs.submitCancellable("open", () -> load(RunModel.of(service.open(runId), true), null),
                this::show, status::failed, status::cancelled);
    }

    void show(LoadedRun loaded) {
        RunModel m = loaded.model();
        shown.show(m);
        runs.setAll(loaded.history());
        var req = loaded.asked() != null ? loaded.asked() : m.run().request();
        if (loaded.asked() == null) {
            setup.adopt(req); // an opened run's choices go into the setup panel, so Run repeats it
        }
        status.set((m.reused() ? "Reused run #" : "New run #") + m.run().runId() + ": " + req.portfolioName() + ", "
                + (req.ruleName() == null ? "rebalancing OFF" : req.ruleName()) + ", " + req.startDate() + ".." + req.endDate()
                + ", " + m.events().size() + " events");
    }
}
