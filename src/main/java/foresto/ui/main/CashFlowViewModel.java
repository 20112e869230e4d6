package foresto.ui.main;

import foresto.ui.common.AssetClassText;

import foresto.csv.CsvWriter;
import foresto.engine.CashFlow;
import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.model.RunFlows;
import foresto.model.SideFlows;
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
import java.util.Set;

/**
 * What a run with contributions or withdrawals (SEMANTICS §13) shows beyond any run, read from the shown run as it
 * was stored (or just computed and being stored) with its flows: the Flows table, the time- and money-weighted
 * returns and the totals, and, for a contribution schedule with a rule, what toward-target allocation saved against
 * pro-rata allocation of the same flows ({@link FlowComparison}). The run itself goes through the one stored
 * pipeline like any run; the choices live in the setup ({@link SetupViewModel#cashFlows()}). No JavaFX nodes; the
 * state follows the shown run and is empty for a run without flows.
 */
public final class CashFlowViewModel {
    /** One line of the flows' part of the Summary: the figure, OFF and ON. */
    public record Line(String metric, String off, String on) {
    }

    private final BusyJobs jobs;
    private final SetupViewModel setup;
    private final StatusLine status;

    private final ObservableList<CashFlow> flows = FXCollections.observableArrayList();
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty flowsCaption = new SimpleStringProperty("");
    private final StringProperty comparisonText = new SimpleStringProperty("");
    private final ObjectProperty<FlowComparison> comparison = new SimpleObjectProperty<>();
    /** The shown run's flows (null when it has none). */
    private final ObjectProperty<RunFlows> shownFlows = new SimpleObjectProperty<>();

    CashFlowViewModel(BusyJobs jobs, SetupViewModel setup, ResultViewModel shown, StatusLine status) {
        this.jobs = jobs;
        this.setup = setup;
        this.status = status;
        shown.resultProperty().addListener((o, a, m) -> show(m));
    }

    /** The setup's "Cash flows…" choices. */
    public CashFlowSetup choices() {
        return setup.cashFlows();
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
        return shownFlows.get() != null;
    }

    /** TWR total and CAGR, MWR, contributed, withdrawn, net flow and the depletion date, OFF and ON (null: none). */
    static List<Line> lines(SideFlows off, SideFlows on) {
        List<Line> out = new ArrayList<>();
        out.add(line("cashFlows.line.twrTotal", LocaleFormat.percent(off.twrTotal(), 2),
                on == null ? "—" : LocaleFormat.percent(on.twrTotal(), 2)));
        out.add(line("cashFlows.line.twrCagr", LocaleFormat.percent(off.twrCagr(), 2),
                on == null ? "—" : LocaleFormat.percent(on.twrCagr(), 2)));
        out.add(line("cashFlows.line.mwr", mwr(off.mwr()), on == null ? "—" : mwr(on.mwr())));
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

    private static String mwr(Double r) {
        return r != null ? LocaleFormat.percent(r, 2) : Messages.tr("cashFlows.noMwr");
    }

    private static String depleted(LocalDate d) {
        return d == null ? Messages.tr("cashFlows.notDepleted") : LocaleFormat.date(d);
    }

    /** Shows the flows of {@code m} (none for null or a run without flows); the same flows again are left as they are. */
    private void show(RunModel m) {
        RunFlows f = m == null ? null : m.flows();
        FlowComparison c = m == null ? null : m.comparison();
        comparison.set(c);
        comparisonText.set(c == null ? "" : c.text());
        if (f == shownFlows.get()) {
            return; // the stored version of the run on screen, or the same run with its comparison
        }
        shownFlows.set(f);
        if (f == null) {
            flows.clear();
            classes.clear();
            lines.clear();
            flowsCaption.set("");
            return;
        }
        SideFlows booked = f.on() != null ? f.on() : f.off();
        Set<String> codes = new LinkedHashSet<>();
        for (CashFlow cf : booked.flows()) {
            codes.addAll(cf.trades().keySet());
        }
        classes.setAll(AssetClassText.inStandardOrder(codes)); // Equity first, as the targets and the weights at close
        flows.setAll(booked.flows());
        lines.setAll(lines(f.off(), f.on()));
        flowsCaption.set(Messages.tr(f.on() != null ? "cashFlows.caption.on" : "cashFlows.caption.off",
                LocaleFormat.integer(booked.flows().size())));
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
