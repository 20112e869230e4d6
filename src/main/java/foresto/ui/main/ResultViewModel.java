package foresto.ui.main;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import foresto.engine.PathStats;
import foresto.engine.RebalancingEvent;
import foresto.text.DisplayNumber;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The shown run and what the panels derive from it: events, the ON vs OFF summary, calendar-year returns, and
 * the selection (an event, a day) with the weights and the drift explanation at the selected close.
 */
public final class ResultViewModel {
    /** One calendar year, ON vs OFF, formatted for the annual-returns table. */
    public record YearRow(String year, String on, String off, String difference) {
    }

    private final ObjectProperty<RunModel> result = new SimpleObjectProperty<>();
    private final ObservableList<RebalancingEvent> events = FXCollections.observableArrayList();
    private final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();
    private final ObservableList<RunModel.ClassWeight> weightsAtDay = FXCollections.observableArrayList();
    /** The selected event (index into {@link #events}), or null. */
    private final ObjectProperty<Integer> selectedEvent = new SimpleObjectProperty<>();
    /** The selected day (index into the run's dates), or -1. */
    private final IntegerProperty selectedDay = new SimpleIntegerProperty(-1);
    private final StringProperty dayDetail = new SimpleStringProperty("");
    /** The annual risk-free rate for Sharpe and Sortino, as typed ("0", "3 %", "0.03"); "" means 0. */
    private final StringProperty riskFree = new SimpleStringProperty("0");
    /** Why the typed rate is not used (empty when it is). */
    private final StringProperty riskFreeProblem = new SimpleStringProperty("");
    /** The shown run's data frequency, "daily data (f = 252)"; empty without a run. */
    private final StringProperty frequency = new SimpleStringProperty("");
    /** The semantics version the shown run was computed under (RunModel#semanticsText); empty without a run. */
    private final StringProperty semantics = new SimpleStringProperty("");

    public ResultViewModel() {
        selectedEvent.addListener((o, a, e) -> {
            RunModel r = result.get();
            if (e != null && r != null && r.eventIndex(e) >= 0) {
                selectedDay.set(r.eventIndex(e));
            }
        });
        selectedDay.addListener((o, a, k) -> showDay(k.intValue()));
        riskFree.addListener((o, a, t) -> {
            if (result.get() != null) {
                summary.setAll(summaryRows(result.get()));
            }
        });
    }

    public ObjectProperty<RunModel> resultProperty() {
        return result;
    }

    public ObjectProperty<Integer> selectedEventProperty() {
        return selectedEvent;
    }

    public IntegerProperty selectedDayProperty() {
        return selectedDay;
    }

    public StringProperty dayDetailProperty() {
        return dayDetail;
    }

    public StringProperty riskFreeProperty() {
        return riskFree;
    }

    public StringProperty frequencyProperty() {
        return frequency;
    }

    public StringProperty semanticsProperty() {
        return semantics;
    }

    public StringProperty riskFreeProblemProperty() {
        return riskFreeProblem;
    }

    public ObservableList<RebalancingEvent> getEvents() {
        return events;
    }

    public ObservableList<SummaryRow> getSummary() {
        return summary;
    }

    public ObservableList<RunModel.ClassWeight> getWeightsAtDay() {
        return weightsAtDay;
    }

    /** The typed rate as a fraction: "3 %" and "3%" are 0.03, a bare number is taken as a fraction (0.03). */
    double riskFreeRate() {
        String t = riskFree.get() == null ? "" : riskFree.get().trim();
        try {
            double v = t.isEmpty() ? 0 : t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (!(v > -0.5 && v < 1)) {
                riskFreeProblem.set(tr("main.summary.riskFreeRange"));
                return 0;
            }
            riskFreeProblem.set("");
            return v;
        } catch (NumberFormatException e) {
            riskFreeProblem.set(tr("main.summary.notARate", t));
            return 0;
        }
    }

    private List<SummaryRow> summaryRows(RunModel m) {
        return m.summaryRows(riskFreeRate());
    }

    void show(RunModel m) {
        RunModel old = result.get();
        if (old != null && old.paths() == m.paths()) {
            result.set(m); // the stored version of the run on screen: same arrays, keep the tables and the selection
            return;
        }
        selectedEvent.set(null);
        selectedDay.set(-1);
        result.set(m);
        events.setAll(m.events());
        frequency.set(m.frequencyText());
        semantics.set(m.semanticsText());
        summary.setAll(summaryRows(m));
    }

    /** Shows a run (the start-up warm-up's, off screen). */
    public void showComputed(RunModel m) {
        show(m);
        selectDay(m.dayCount() / 2);
    }

    /** Shows {@code previous} again (nothing when null): a preview that was not stored is withdrawn. */
    void restore(RunModel previous) {
        if (previous != null) {
            show(previous);
            return;
        }
        selectedEvent.set(null);
        selectedDay.set(-1);
        result.set(null);
        events.clear();
        frequency.set("");
        semantics.set("");
        summary.clear();
    }

    /** Selects the day clicked on a chart, and the event on that day when there is one. */
    public void selectDay(int k) {
        RunModel m = result.get();
        if (m == null) {
            return;
        }
        int e = m.eventOnDay(k);
        if (e >= 0) {
            selectedEvent.set(e);
        }
        selectedDay.set(k);
    }

    static List<YearRow> yearRows(RunModel m) {
        var r = m.returnPaths();
        var off = PathStats.annualReturns(r.dates(), r.off());
        var on = r.hasOn() ? PathStats.annualReturns(r.dates(), r.on()) : null;
        List<YearRow> rows = new ArrayList<>();
        for (int i = 0; i < off.size(); i++) {
            double o = off.get(i).value();
            String onText = on == null ? DisplayNumber.NONE : DisplayNumber.signedPercent(on.get(i).value());
            String diff = on == null ? DisplayNumber.NONE : DisplayNumber.points(on.get(i).value() - o);
            rows.add(new YearRow(Integer.toString(off.get(i).year()), onText, DisplayNumber.signedPercent(o), diff));
        }
        return rows;
    }

    private void showDay(int k) {
        RunModel m = result.get();
        if (m == null || k < 0 || k >= m.dayCount()) {
            weightsAtDay.clear();
            dayDetail.set("");
            return;
        }
        weightsAtDay.setAll(m.weightsAt(k));
        int e = m.eventOnDay(k);
        String date = LocaleFormat.date(m.paths().dates()[k]);
        String drift = m.driftScale().detail(m.offDrift()[k], m.onDrift() == null ? Double.NaN : m.onDrift()[k]);
        dayDetail.set(date + ": " + drift + (e >= 0 ? "\n" + tr("main.day.event", m.breachText(e)) : ""));
    }
}
