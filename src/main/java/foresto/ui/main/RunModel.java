package foresto.ui.main;

import foresto.i18n.LocaleFormat;
import static foresto.i18n.Messages.tr;
import com.fasterxml.jackson.databind.JsonNode;
import foresto.backtest.RequestHash;
import foresto.backtest.RunView;
import foresto.engine.AssetClass;
import foresto.engine.RebalancingEvent;
import foresto.json.Json;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import foresto.text.DisplayNumber;
import foresto.ui.common.AssetClassText;
import foresto.ui.common.FrequencyText;
import foresto.ui.common.Points;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored run prepared for display (built off the FX thread): x values, both value paths, the daily max
 * drift of both paths against the targets and bands the backtest layer read, and each event's day index.
 */
public final class RunModel {
    private final RunRecord run;
    private final StoredPaths paths;
    private final List<RebalancingEvent> events;
    private final double[] x;
    private final double[] targets; // aligned with paths.heldOrdinals()
    private final double[] offDrift;
    private final double[] onDrift;
    private final int[] eventIndex;
    private final double threshold;
    private final double[] bands; // per held class β when the rule's bands differ by class (RELATIVE/HYBRID), else null
    private final boolean reused;
    // derived for the screen here, off the FX thread: the markers' tooltips, the calendar years, the summary at rate 0
    private final String[] tooltips;
    private final List<ResultViewModel.YearRow> yearRows;
    private final List<EventRow> eventRows;
    private volatile Summary summary;
    /** {@link #returnPaths()}, worked out on first use (the Summary, annual bars and exports all read it). */
    private volatile StoredPaths returnPaths;
    private final int semanticsVersion;
    /** The run's cash flows (null without a schedule) and, computed beside it, the allocation comparison (or null). */
    private final RunFlows flows;
    private final FlowComparison comparison;

    private record Summary(double riskFree, List<SummaryRow> rows) {
    }

    private RunModel(RunView view, boolean reused) {
        this.run = view.run();
        this.paths = view.paths();
        this.events = view.events();
        this.reused = reused;
        LocalDate[] dates = paths.dates();
        int n = dates.length;
        x = new double[n];
        Map<LocalDate, Integer> index = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            x[k] = dates[k].toEpochDay();
            index.put(dates[k], k);
        }
        targets = view.targets();
        threshold = view.threshold();
        flows = view.flows(); // before the years and the summary: with flows both are taken on the time-weighted index
        bands = view.bands();
        offDrift = maxDrift(paths.offWeights(), n);
        onDrift = paths.hasOn() ? maxDrift(paths.onWeights(), n) : null;
        eventIndex = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            eventIndex[i] = index.getOrDefault(events.get(i).eventDate(), -1);
        }
        tooltips = new String[events.size()];
        for (int i = 0; i < tooltips.length; i++) {
            tooltips[i] = tooltipOf(events.get(i));
        }
        yearRows = List.copyOf(ResultViewModel.yearRows(this));
        List<EventRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            rows.add(EventRow.of(i, events.get(i)));
        }
        eventRows = List.copyOf(rows);
        semanticsVersion = semanticsVersionOf(run.canonicalRequest());
        comparison = null;
        summaryRows(0);
    }

    public static RunModel of(RunView view, boolean reused) {
        return new RunModel(view, reused);
    }

    private RunModel(RunModel computed, RunRecord stored, boolean reused, FlowComparison comparison) {
        this.run = stored;
        this.paths = computed.paths;
        this.events = computed.events;
        this.reused = reused;
        this.x = computed.x;
        this.targets = computed.targets;
        this.offDrift = computed.offDrift;
        this.onDrift = computed.onDrift;
        this.eventIndex = computed.eventIndex;
        this.threshold = computed.threshold;
        this.bands = computed.bands;
        this.tooltips = computed.tooltips;
        this.yearRows = computed.yearRows;
        this.eventRows = computed.eventRows;
        this.summary = computed.summary;
        this.returnPaths = computed.returnPaths;
        this.semanticsVersion = computed.semanticsVersion;
        this.flows = computed.flows;
        this.comparison = comparison;
    }

    /** This computed run as stored: the same arrays (nothing recomputed), the stored record with its run id. */
    public RunModel stored(RunRecord record) {
        return new RunModel(this, record, false, comparison);
    }

    /** The same run with {@code c} as what toward-target allocation saved against pro rata (null: none). */
    RunModel withComparison(FlowComparison c) {
        return new RunModel(this, run, reused, c);
    }

    /** Each side's cash flows and their totals as the run holds them (SEMANTICS §13.4); null without a schedule. */
    public RunFlows flows() {
        return flows;
    }

    /** What toward-target allocation of the flows saved against pro rata, computed beside the run; null when none. */
    public FlowComparison comparison() {
        return comparison;
    }

    /** Computed and shown, not yet stored (its record's run id is 0). */
    public boolean isPreview() {
        return run.runId() == 0;
    }

    private double[] maxDrift(double[][] weights, int n) {
        return DriftScale.maxDrift(weights, targets, bands, n);
    }

    /** How the drift panel shows this run's drift: in points against θ, or drift ÷ band against 1. */
    public DriftScale driftScale() {
        return new DriftScale(bands != null, threshold);
    }

    public RunRecord run() {
        return run;
    }

    public boolean reused() {
        return reused;
    }

    /** The paths return statistics are taken on: with cash flows the time-weighted indexes, else {@link #paths()}. */
    public StoredPaths returnPaths() {
        StoredPaths r = returnPaths;
        if (r == null) {
            r = paths.forReturns(flows); // the same for every thread that may race here
            returnPaths = r;
        }
        return r;
    }

    public StoredPaths paths() {
        return paths;
    }

    public List<RebalancingEvent> events() {
        return events;
    }

    public double[] x() {
        return x;
    }

    public double[] offDrift() {
        return offDrift;
    }

    public double[] onDrift() {
        return onDrift;
    }

    /** The drift panel's threshold line: θ, or 1 when the drift is normalised by each class's band. */
    public double threshold() {
        return threshold;
    }

    /** True when the drift series are |cw − w| / β (per-class bands), false when they are |cw − w|. */
    public boolean normalisedDrift() {
        return bands != null;
    }

    /** The drift panel's threshold caption. */
    public String thresholdLabel() {
        return driftScale().thresholdLabel();
    }

    public int eventIndex(int event) {
        return eventIndex[event];
    }

    public int dayCount() {
        return x.length;
    }

    /** The tooltip of event i: date, trigger, why, turnover, cost. */
    public String tooltip(int i) {
        return tooltips[i];
    }

    /** The events table's rows, one per event, their texts formatted. */
    public List<EventRow> eventRows() {
        return eventRows;
    }

    /** Calendar-year returns ON vs OFF, formatted. */
    public List<ResultViewModel.YearRow> yearRows() {
        return yearRows;
    }

    /**
     * The frequency its annualised figures assume, "monthly data (f = 12)" (SEMANTICS §5); a run stored before f was
     * recorded says it was computed with f = 252.
     */
    public String frequencyText() {
        String f = FrequencyText.of(run.summary().frequency());
        return run.summary().recordsFrequency() ? f
                : tr("main.run.frequencyNotRecorded", f);
    }

    /**
     * The semantics version (SEMANTICS §11) the run was computed under, from its stored request: 1 for a run stored
     * before the request carried one.
     */
    public int semanticsVersion() {
        return semanticsVersion;
    }

    /**
     * "semantics version 3" for a run computed under today's rules; for an older one which version, and that running
     * the same request again computes it anew (its request hash differs, so it is never reused).
     */
    public String semanticsText() {
        int today = RequestHash.SEMANTICS_VERSION;
        return semanticsVersion == today ? tr("main.run.semantics", Integer.toString(today))
                : tr("main.run.semanticsOld", Integer.toString(semanticsVersion), Integer.toString(today));
    }

    static int semanticsVersionOf(String canonicalRequest) {
        try {
            JsonNode v = Json.mapper().readTree(canonicalRequest).path("semantics_version");
            return v.isInt() ? v.intValue() : 1;
        } catch (IOException e) {
            throw new IllegalStateException("stored request is not JSON", e);
        }
    }

    /** The ON vs OFF summary with Sharpe and Sortino at {@code riskFree} (kept for the last rate asked). */
    public List<SummaryRow> summaryRows(double riskFree) {
        Summary s = summary;
        if (s == null || Double.compare(s.riskFree(), riskFree) != 0) {
            StoredPaths r = returnPaths();
            List<SummaryRow> rows = SummaryRow.of(run.summary().off(), run.summary().on(), r.dates(),
                    r.off(), r.hasOn() ? r.on() : null, riskFree, run.summary().frequency().value());
            s = new Summary(riskFree, List.copyOf(flows == null ? rows : SummaryRow.timeWeighted(rows)));
            summary = s;
        }
        return s.rows();
    }

    private static String tooltipOf(RebalancingEvent e) {
        return tr("main.run.eventTooltip", LocaleFormat.date(e.eventDate()), WhyText.trigger(e), WhyText.of(e),
                DisplayNumber.percent(e.turnover()), DisplayNumber.money(e.costAmount()), DisplayNumber.rate(e.costRate()),
                DisplayNumber.money(e.valueBefore()), DisplayNumber.money(e.valueAfter()));
    }


    /** Per held class at close k: code, ON weight (NaN when OFF only), OFF weight, target. */
    public List<ClassWeight> weightsAt(int k) {
        List<ClassWeight> out = new ArrayList<>();
        int[] held = paths.heldOrdinals();
        for (int j = 0; j < held.length; j++) {
            AssetClass c = AssetClass.of(held[j]);
            double band = bands != null ? bands[j] : threshold;
            out.add(new ClassWeight(c, paths.hasOn() ? paths.onWeights()[j][k] : Double.NaN, paths.offWeights()[j][k], targets[j],
                    bands != null ? band : Double.isNaN(threshold) ? Double.NaN : threshold));
        }
        return out;
    }

    /**
     * One class's weights at a close against its target, and its band (NaN without a drift rule): what the
     * trigger compares (ON's weight before trading when the run has an ON path, else OFF's).
     */
    public record ClassWeight(AssetClass assetClass, double on, double off, double target, double band) {
        public double onDrift() {
            return on - target;
        }

        /** The class's name in the screen's language: "Equity" or "주식". */
        public String classText() {
            return AssetClassText.of(assetClass);
        }

        /**
         * The weights table's cell: the signed drift and the share of the band it uses, "+2.31 %p (46 %)", short
         * enough to read in full beside three weights at 1280 × 800 (the column's title says "% of band").
         */
        public String driftCell() {
            double d = (Double.isNaN(on) ? off : on) - target;
            String s = DisplayNumber.points(d);
            return Double.isNaN(band) ? s : tr("main.run.driftShare", s, DisplayNumber.percent(Math.abs(d) / band, 0));
        }

        /** The signed drift the trigger sees, and how much of the band it uses: "+2.31 %p (46 % of band 5.00 %p)". */
        public String driftText() {
            double d = (Double.isNaN(on) ? off : on) - target;
            String s = DisplayNumber.points(d);
            return Double.isNaN(band) ? s : tr("main.run.driftOfBand", s, DisplayNumber.percent(Math.abs(d) / band, 0),
                    Points.size(band));
        }
    }

    /** The event on day k, if any. */
    public int eventOnDay(int k) {
        for (int i = 0; i < eventIndex.length; i++) {
            if (eventIndex[i] == k) {
                return i;
            }
        }
        return -1;
    }

    /** For a DRIFT event: "EQUITY(Equity) breached: drift +5.52 %p, 0.52 %p beyond its ABSOLUTE band of 5.00 %p"; otherwise the trigger text. */
    public String breachText(int event) {
        RebalancingEvent e = events.get(event);
        return e.triggerDetail().match(p -> WhyText.of(e), d -> {
            String code = d.breachedAssetClass().name();
            double signed = d.drifts().get(code);
            double band = d.bands() != null ? d.bands().get(code) : d.threshold();
            return tr("main.run.breach", code, AssetClassText.of(code), DisplayNumber.points(signed),
                    Points.size(Math.abs(signed) - band), WhyText.band(d), Points.size(band));
        });
    }

}
