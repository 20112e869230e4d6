package foresto.ui.main;

import foresto.backtest.BacktestRequest;
import foresto.backtest.BacktestService;
import foresto.backtest.Cancellation;
import foresto.backtest.FlowRun;
import foresto.csv.CsvWriter;
import foresto.engine.CashFlow;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.FlowAllocation;
import foresto.engine.PathResult;
import foresto.error.ForestoException;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.text.PlainNumber;
import foresto.ui.common.BusyJobs;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A run with contributions or withdrawals (SEMANTICS §13) from the setup's "Cash flows…" choices to the screen:
 * computed in the background (not stored, see {@link FlowRun}), shown like any run, and what only such a run has —
 * its flows, the time- and money-weighted returns, the totals and, for a contribution schedule with a rule, what
 * toward-target allocation saved against pro-rata allocation of the same flows (both runs computed). No JavaFX
 * nodes; the state clears when another run is shown.
 */
public final class CashFlowViewModel {
    /** One line of the flows' part of the Summary: the figure, OFF and ON. */
    public record Line(String metric, String off, String on) {
    }

    /** What one press of Run computed. */
    record Outcome(FlowRun run, RunModel model, List<CashFlow> flows, boolean flowsOfOn, List<Line> lines,
                   FlowComparison comparison) {
    }

    private final BacktestService service;
    private final BusyJobs jobs;
    private final SetupViewModel setup;
    private final ResultViewModel shown;
    private final StatusLine status;
    private final CashFlowSetup choices = new CashFlowSetup();

    private final ObservableList<CashFlow> flows = FXCollections.observableArrayList();
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty flowsCaption = new SimpleStringProperty("");
    private final StringProperty comparisonText = new SimpleStringProperty("");
    private final ObjectProperty<FlowComparison> comparison = new SimpleObjectProperty<>();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();

    CashFlowViewModel(BacktestService service, BusyJobs jobs, SetupViewModel setup, ResultViewModel shown,
                      StatusLine status) {
        this.service = service;
        this.jobs = jobs;
        this.setup = setup;
        this.shown = shown;
        this.status = status;
        shown.resultProperty().addListener((o, a, m) -> {
            Outcome now = outcome.get();
            if (now != null && m != now.model()) {
                clear();
            }
        });
    }

    /** The setup's "Cash flows…" choices. */
    public CashFlowSetup choices() {
        return choices;
    }

    /** The flows of the shown run (ON's when it has a rule, else OFF's), in date order. */
    public ObservableList<CashFlow> getFlows() {
        return flows;
    }

    /** The asset-class codes the flows table has a bought/sold column for. */
    public ObservableList<String> getClasses() {
        return classes;
    }

    /** TWR, MWR and the totals, OFF and ON. */
    public ObservableList<Line> getLines() {
        return lines;
    }

    /** Which path's flows the table lists. */
    public StringProperty flowsCaptionProperty() {
        return flowsCaption;
    }

    /** "Toward-target allocation saved …" (empty when there is no comparison). */
    public StringProperty comparisonTextProperty() {
        return comparisonText;
    }

    /** The numbers behind {@link #comparisonTextProperty()}, or null. */
    public ObjectProperty<FlowComparison> comparisonProperty() {
        return comparison;
    }

    /** True while the shown run is one with cash flows. */
    public boolean hasFlows() {
        return outcome.get() != null;
    }

    /**
     * Runs the setup with the chosen schedule in the background. A choice that cannot make a schedule or a request
     * is refused in plain words (with its code in the details) and nothing runs.
     */
    void run() {
        if (jobs.isBusy()) {
            return;
        }
        BacktestRequest req;
        CashFlowSchedule schedule;
        try {
            req = setup.request(setup.rebalancingOnProperty().get());
            schedule = choices.schedule(req.rebalancingRuleId() != null);
        } catch (ForestoException e) {
            status.refused(Messages.tr("cashFlows.cannotRun"), e);
            return;
        }
        setup.rememberChoices();
        status.set(Messages.tr("cashFlows.running", setup.portfolioProperty().get().name()));
        Cancellation cancellation = new Cancellation();
        jobs.submitCancellable("run", () -> compute(req, schedule, cancellation), this::show, t -> {
            status.failed(t);
        }, () -> {
            cancellation.cancel();
            status.cancelled();
        });
    }

    private Outcome compute(BacktestRequest req, CashFlowSchedule schedule, Cancellation cancellation) {
        FlowRun run = service.computeWithFlows(req, schedule, cancellation);
        PathResult off = run.result().off();
        PathResult on = run.result().on().orElse(null);
        FlowComparison compared = null;
        if (on != null && schedule.amount() != null && schedule.amount() > 0) {
            FlowAllocation shownAllocation = schedule.onAllocation();
            FlowAllocation other = shownAllocation == FlowAllocation.TOWARD_TARGET
                    ? FlowAllocation.PRO_RATA : FlowAllocation.TOWARD_TARGET;
            PathResult otherOn = service.computeWithFlows(req, schedule.withAllocation(other), cancellation)
                    .result().on().orElseThrow();
            compared = shownAllocation == FlowAllocation.TOWARD_TARGET
                    ? FlowComparison.of(on.metrics(), otherOn.metrics(), shownAllocation)
                    : FlowComparison.of(otherOn.metrics(), on.metrics(), shownAllocation);
        }
        List<CashFlow> booked = (on != null ? on : off).cashFlows().flows();
        return new Outcome(run, RunModel.of(run.view(), false), booked, on != null,
                lines(off.cashFlows(), on == null ? null : on.cashFlows()), compared);
    }

    /** TWR total and CAGR, MWR, contributed, withdrawn, net flow and the depletion date, OFF and ON. */
    static List<Line> lines(CashFlowResult off, CashFlowResult on) {
        OptionalDouble offMwr = off.mwr();
        OptionalDouble onMwr = on == null ? OptionalDouble.empty() : on.mwr();
        List<Line> out = new ArrayList<>();
        out.add(line("cashFlows.line.twrTotal", LocaleFormat.percent(off.twrTotal(), 2),
                on == null ? "—" : LocaleFormat.percent(on.twrTotal(), 2)));
        out.add(line("cashFlows.line.twrCagr", LocaleFormat.percent(off.twrCagr(), 2),
                on == null ? "—" : LocaleFormat.percent(on.twrCagr(), 2)));
        out.add(line("cashFlows.line.mwr", mwr(offMwr), on == null ? "—" : mwr(onMwr)));
        out.add(line("cashFlows.line.contributed", LocaleFormat.money(off.contributed()),
                on == null ? "—" : LocaleFormat.money(on.contributed())));
        out.add(line("cashFlows.line.withdrawn", LocaleFormat.money(off.withdrawn()),
                on == null ? "—" : LocaleFormat.money(on.withdrawn())));
        out.add(line("cashFlows.line.netFlow", LocaleFormat.money(off.netFlow()),
                on == null ? "—" : LocaleFormat.money(on.netFlow())));
        out.add(line("cashFlows.line.depletedOn", depleted(off.depletedOn()), on == null ? "—" : depleted(on.depletedOn())));
        return out;
    }

    private static Line line(String key, String off, String on) {
        return new Line(Messages.tr(key), off, on);
    }

    private static String mwr(OptionalDouble r) {
        return r.isPresent() ? LocaleFormat.percent(r.getAsDouble(), 2) : Messages.tr("cashFlows.noMwr");
    }

    private static String depleted(LocalDate d) {
        return d == null ? Messages.tr("cashFlows.notDepleted") : LocaleFormat.date(d);
    }

    private void show(Outcome o) {
        outcome.set(o);
        shown.show(o.model());
        Set<String> codes = new LinkedHashSet<>();
        for (CashFlow f : o.flows()) {
            codes.addAll(f.trades().keySet());
        }
        classes.setAll(codes);
        flows.setAll(o.flows());
        lines.setAll(o.lines());
        flowsCaption.set(Messages.tr(o.flowsOfOn() ? "cashFlows.caption.on" : "cashFlows.caption.off",
                LocaleFormat.integer(o.flows().size())));
        comparison.set(o.comparison());
        comparisonText.set(o.comparison() == null ? "" : o.comparison().text());
        status.set(Messages.tr("cashFlows.computed", LocaleFormat.decimal(o.run().view().run().computeMs(), 0)));
    }

    private void clear() {
        outcome.set(null);
        flows.clear();
        classes.clear();
        lines.clear();
        flowsCaption.set("");
        comparison.set(null);
        comparisonText.set("");
    }

    /** The flows table's header: date, amount, then one bought (+) / sold (−) column per class. */
    static List<String> header(List<String> classCodes) {
        List<String> h = new ArrayList<>(List.of("date", "amount"));
        for (String c : classCodes) {
            h.add(c);
        }
        return h;
    }

    /** The flows table as CSV through the shared writer (plain decimals, ISO dates); returns the rows written. */
    static int export(Path file, List<CashFlow> rows, List<String> classCodes) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (CashFlow f : rows) {
            List<String> r = new ArrayList<>();
            r.add(f.date().toString());
            r.add(PlainNumber.of(f.amount()));
            for (String c : classCodes) {
                Double t = f.trades().get(c);
                r.add(t == null ? "" : PlainNumber.of(t));
            }
            out.add(r);
        }
        CsvWriter.write(file, header(classCodes), out);
        return out.size();
    }

    /** Writes the shown flows table to {@code file} in the background. */
    void exportFlows(Path file) {
        List<CashFlow> snapshot = List.copyOf(flows);
        List<String> codes = List.copyOf(classes);
        jobs.submitCancellable("export", () -> export(file, snapshot, codes),
                n -> status.set(Messages.tr("cashFlows.exported", LocaleFormat.integer(n), file.toString())),
                status::failed, status::cancelled);
    }
}
