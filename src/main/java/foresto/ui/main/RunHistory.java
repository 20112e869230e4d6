package foresto.ui.main;

import foresto.ui.common.Points;
import foresto.text.DisplayNumber;
import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.json.Json;
import foresto.text.PlainNumber;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.StudyRecord;
import foresto.ui.common.BusyJobs;
import foresto.ui.common.RuleText;
import foresto.engine.RebalancingRule;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.LongConsumer;

/**
 * The stored runs (and, beside them, the stored robustness studies) the screen lists, and how a loaded run is shown: a finished run as the user asked for it, a
 * run opened from the history with its choices put back into the setup, so Run repeats it.
 */
final class RunHistory {
    /** How many of the latest runs the history lists. */
    static final int SIZE = 200;
    /** Where an opened run's rule came from, when no stored rule holds it as it is now. */
    static final String FROM_RUN = "main.status.runFromHistory";

    private final BacktestService service;
    private final BusyJobs jobs;
    private final SetupViewModel setup;
    private final ResultViewModel shown;
    private final StatusLine status;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<StudyRecord> studies = FXCollections.observableArrayList();
    /** Opens a stored study where studies are shown (the Robustness tab registers itself); nothing until then. */
    private LongConsumer studyOpener = id -> { };

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

    /** The stored robustness studies, newest first, listed beside the runs. */
    ObservableList<StudyRecord> studies() {
        return studies;
    }

    /** Where {@link #openStudy} sends a study: the tab that shows studies. */
    void studyOpener(LongConsumer opener) {
        this.studyOpener = opener;
    }

    /** Opens a stored study without recomputing it: its choices go into the setup, its figures where studies show. */
    void openStudy(long studyId) {
        studyOpener.accept(studyId);
    }

    /** Reads the stored studies again (after one was stored), in the background. */
    void refreshStudies() {
        jobs.submit("studies", () -> service.robustness().recent(SIZE), studies::setAll, status::failed, () -> { });
    }

    /**
     * A loaded run with the history as it is now, and for a run with contributions what toward-target allocation
     * saved (read and computed in the background).
     */
    LoadedRun load(RunModel model, RunRequestInfo asked) {
        return new LoadedRun(FlowComparison.attach(service, model, new Cancellation()), service.history(SIZE),
                service.robustness().recent(SIZE), asked);
    }

    /** Opens a stored run without recomputing it; nothing happens while the screen is busy. */
    void open(long runId) {
        if (jobs.isBusy()) {
            return;
        }
        status.set(tr("main.runs.opening", Long.toString(runId)));
        jobs.submitCancellable("open", () -> load(RunModel.of(service.open(runId), true), null),
                this::show, status::failed, status::cancelled);
    }

    void show(LoadedRun loaded) {
        RunModel m = loaded.model();
        shown.show(m);
        runs.setAll(loaded.history());
        studies.setAll(loaded.studies());
        var req = loaded.asked() != null ? loaded.asked() : m.run().request();
        if (loaded.asked() == null) {
            // an opened run's exact choices go into the setup panel, so Run repeats it
            setup.adopt(RunChoices.of(m.run()), tr(FROM_RUN, Long.toString(m.run().runId())));
        }
        String rule = RuleText.ofRun(req.ruleName(), req.rebalancingRuleId(), exactRule(m.run()));
        status.set(tr(m.reused() ? "main.runs.reused" : "main.runs.new", Long.toString(m.run().runId()), req.portfolioName(),
                rule == null ? tr("main.runs.rebalancingOff") : rule, req.startDate() + ".." + req.endDate(),
                LocaleFormat.integer(m.events().size())));
    }

    /**
     * A stored run's rule as a person reads it: "OFF" without rebalancing, a stored rule's name, else the exact rule
     * in words ("Drift ≥ 4 %p, cost 0.20 %") rather than its stored spec ("inline drift:0.04").
     */
    static String ruleText(RunRecord run) {
        String rule = RuleText.ofRun(run.request().ruleName(), run.request().rebalancingRuleId(), exactRule(run));
        return rule == null ? "OFF" : rule;
    }

    /** The exact rule {@code run} ran with, read from its canonical request; null when that cannot be read. */
    static RebalancingRule exactRule(RunRecord run) {
        if (run.request().ruleName() == null || run.request().rebalancingRuleId() != null) {
            return null; // no rule, or a stored one whose name is what a person reads
        }
        try {
            return RunChoices.of(run).rule();
        } catch (RuntimeException e) { // a run stored before its canonical request held the rule: its stored name
            return null;
        }
    }

    /** A study's kind as the History lists it. */
    static String kindText(StudyRecord s) {
        return switch (s.kind()) {
            case "TIMING" -> tr("main.studies.timing");
            case "WINDOWS" -> tr("main.studies.windows");
            case "BOOTSTRAP" -> tr("main.studies.bootstrap");
            default -> s.kind();
        };
    }

    /** The rule studied; a bootstrap's as "A vs B". */
    static String rulesText(StudyRecord s) {
        String a = RuleText.ofStoredName(s.request().ruleName());
        return s.request().versusName() == null ? a
                : tr("main.studies.versus", a, RuleText.ofStoredName(s.request().versusName()));
    }

    /**
     * The study's own parameters in the app's language, from its stored parameters (and a windows study's count from
     * its summary); the stored English words where those cannot be read.
     */
    static String parametersText(StudyRecord s) {
        JsonNode p;
        JsonNode sum;
        try {
            p = Json.mapper().readTree(s.parameters());
            sum = s.summary() == null ? Json.mapper().createObjectNode() : Json.mapper().readTree(s.summary());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return s.request().parameters();
        }
        if (p == null) {
            return s.request().parameters();
        }
        return switch (s.kind()) {
            case "TIMING" -> p.has("phases") && p.has("offsets")
                    ? tr("main.studies.timingParameters", p.path("phases").asText(), p.path("offsets").asText())
                    : s.request().parameters();
            case "WINDOWS" -> p.has("length_months") && p.has("step_months") && sum.path("count").isNumber()
                    ? tr("main.studies.windowsParameters", Integer.toString(p.path("length_months").asInt()),
                            Integer.toString(p.path("step_months").asInt()), Integer.toString(sum.path("count").asInt()))
                    : s.request().parameters();
            case "BOOTSTRAP" -> p.has("paths") && p.path("block").isNumber() && p.has("seed")
                    ? tr("main.studies.bootstrapParameters", Integer.toString(p.path("paths").asInt()),
                            PlainNumber.of(p.path("block").doubleValue()), p.path("seed").asText())
                    : s.request().parameters();
            default -> s.request().parameters();
        };
    }

    /** The study's headline figure from its stored summary, in words. */
    static String headline(StudyRecord s) {
        JsonNode sum;
        try {
            sum = Json.mapper().readTree(s.summary());
        } catch (JsonProcessingException e) {
            return "—";
        }
        return switch (s.kind()) {
            // timing luck is a spread of CAGRs: percentage points with two decimals, as the study screen writes it
            case "TIMING" -> tr("main.studies.timingHeadline", Points.size(number(sum.path("timing_luck"))),
                    Integer.toString(sum.path("variants").asInt()));
            case "WINDOWS" -> tr("main.studies.windowsHeadline", DisplayNumber.points(number(sum.path("median"))), percent(sum.path("share_positive"), 2),
                    Integer.toString(sum.path("count").asInt()));
            case "BOOTSTRAP" -> tr("main.studies.bootstrapHeadline", percent(sum.path("p_beats"), 2), percent(sum.path("p_beats_se"), 2));
            default -> "—";
        };
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }

    private static String percent(JsonNode n, int places) {
        return n.isNumber() ? DisplayNumber.percent(n.doubleValue(), places) : DisplayNumber.NONE;
    }
}
