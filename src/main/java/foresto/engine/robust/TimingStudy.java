package foresto.engine.robust;

import foresto.engine.CashFlow;
import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PathResult;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Sweep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The timing study (SEMANTICS §12.2): the same calendar rule (PERIODIC, or DRIFT with a check calendar) run with
 * every phase p ∈ P and day offset k ∈ K, everything else equal, on one scenario. Each variant is an ordinary run of
 * the engine (the path loop a single {@code simulate} runs, on a calendar prepared once; OFF is shared), so its
 * numbers are bit for bit those of a single run of that rule. Variants may run side by side; each is computed on
 * its own and the summary sums in variant order, so the result never depends on the threads. Pure: no database,
 * no JSON.
 */
public final class TimingStudy {

    private TimingStudy() {
    }

    /** Progress as variants done out of the study's total (called from worker threads). */
    @FunctionalInterface
    public interface Progress {
        void done(int done, int total);

        /** Progress nobody watches. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * One variant's run: its phase and day offset, its metrics (§5; with a flow schedule those of its time-weighted
     * index, §13.4), its value path and, with a schedule, its flows and their figures (null without one).
     */
    public record Variant(int phase, int dayOffset, Metrics metrics, double[] values, CashFlowResult cashFlows) {
        /** A variant run without a flow schedule. */
        public Variant(int phase, int dayOffset, Metrics metrics, double[] values) {
            this(phase, dayOffset, metrics, values, null);
        }
    }

    /**
     * The tranched portfolio's flows with a schedule: each of the N sleeves runs on the schedule scaled by 1/N (an
     * amount A/N, a rate ρ of the sleeve), so the tranche's flow on a date is the mean of the variants' flows there
     * (summed in variant order). {@code depletedOn}: the date the last sleeve was depleted when every sleeve was,
     * else null.
     */
    public record TrancheFlows(double contributed, double withdrawn, double netFlow, LocalDate depletedOn) {
    }

    /**
     * The tranched portfolio's figures: its value path (the mean of the variants' paths), metrics of §5 on that path
     * with the scenario's initial value and the dataset's f, the mean of the variants' costs and the sum of their
     * event counts.
     */
    public record Tranche(double[] values, double finalValue, double cagr, double volatility, double maxDrawdown,
                          double totalCost, int eventCount, TrancheFlows flows) {
        /** The tranche of a study without a flow schedule. */
        public Tranche(double[] values, double finalValue, double cagr, double volatility, double maxDrawdown,
                       double totalCost, int eventCount) {
            this(values, finalValue, cagr, volatility, maxDrawdown, totalCost, eventCount, null);
        }
    }

    /**
     * The study's result.
     *
     * @param dates          the run's closes (every variant's and OFF's path has these dates)
     * @param off            the shared buy-and-hold path
     * @param variants       in variant order: phases ascending, then offsets ascending
     * @param best           the variant with the highest CAGR (the first in variant order on ties)
     * @param worst          the variant with the lowest CAGR (likewise)
     */
    public record Result(PeriodsPerYear periodsPerYear, LocalDate[] dates, PathResult off, List<Variant> variants,
                         double timingLuck, double spread, Variant best, Variant worst, Tranche tranche) {
    }

    /**
     * Months per period m of the rule's calendar (its frequency, or a drift rule's check calendar). A drift rule
     * checked every close has no dates to shift: INVALID_RULE pointing to the start-date study.
     */
    public static int monthsPerPeriod(RebalancingRule rule) {
        return rule.match(p -> p.frequency().monthsPerPeriod(), d -> {
            if (d.check() == CheckFrequency.DAILY) {
                throw new EngineException(EngineException.Kind.INVALID_RULE, "a drift rule checked DAILY has no "
                        + "rebalance dates to shift, so it has no timing study; give it a check calendar (--check monthly, "
                        + "quarterly, …) or study its luck over start dates instead (robustness windows, SEMANTICS §12.3)");
            }
            return d.check().period().monthsPerPeriod();
        });
    }

    /**
     * The variants' (phase, day offset) in variant order: {@code phases} and {@code offsets} as given, or where null
     * the defaults of §12.2 (m &gt; 1: P = {0, …, m−1}, K = {the rule's k}; MONTHLY: P = {0}, K = {0, …, 9}).
     * INVALID_RULE for a drift rule checked DAILY, a phase outside 0 … m−1, an offset outside 0 … 20, an empty set
     * or a repeated value.
     */
    public static List<TimingGrid.Cell> grid(RebalancingRule rule, int[] phases, int[] offsets) {
        int m = monthsPerPeriod(rule);
        int[] p = phases != null ? phases : TimingGrid.defaultPhases(m);
        int[] k = offsets != null ? offsets : TimingGrid.defaultOffsets(m, rule.dayOffset());
        return TimingGrid.variants(p, k, m);
    }

    /** {@code rule} with phase p and day offset k, everything else equal. */
    public static RebalancingRule withShift(RebalancingRule rule, int phase, int dayOffset) {
        return rule.match(
                p -> new RebalancingRule.Periodic(p.frequency(), p.baseDayPolicy(), p.costRate(), phase, dayOffset),
                d -> new RebalancingRule.Drift(d.threshold(), d.baseDayPolicy(), d.costRate(), d.band(), d.rho(),
                        d.check(), d.rebalanceTo(), phase, dayOffset));
    }

    /**
     * Runs the study.
     *
     * @param phases    P, or null for the default
     * @param offsets   K, or null for the default
     * @param progress  told after each variant (variants done, total)
     * @param cancelled polled before each variant; when true the study ends with a {@link CancellationException}
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule rule, int[] phases, int[] offsets,
                             Progress progress, BooleanSupplier cancelled) {
        return run(data, scenario, rule, null, phases, offsets, progress, cancelled);
    }

    /**
     * As {@link #run(MarketData, Scenario, RebalancingRule, int[], int[], Progress, BooleanSupplier)} with OFF and
     * every variant on the flow schedule {@code flows} (null: none, exactly that run): each variant is then the single
     * run of its rule with that schedule (the flow dates are the schedule's own, whatever the variant's phase), and the
     * tranche's sleeves each take 1/N of every flow ({@link TrancheFlows}). INVALID_REQUEST when the schedule has no
     * flow date in the window.
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule rule, CashFlowSchedule flows,
                             int[] phases, int[] offsets, Progress progress, BooleanSupplier cancelled) {
        List<TimingGrid.Cell> cells = grid(rule, phases, offsets);
        checkCancelled(cancelled);
        Sweep prepared = Sweep.prepare(data, scenario, flows, true);
        int n = cells.size();
        AtomicInteger done = new AtomicInteger();
        Variant[] runs = IntStream.range(0, n).parallel().mapToObj(i -> {
            checkCancelled(cancelled);
            TimingGrid.Cell c = cells.get(i);
            PathResult on = prepared.cell(withShift(rule, c.phase(), c.dayOffset())).on();
            Variant v = new Variant(c.phase(), c.dayOffset(), on.metrics(), on.values(), on.cashFlows());
            progress.done(done.incrementAndGet(), n);
            return v;
        }).toArray(Variant[]::new);

        List<TimingSummary.Variant> forSummary = new ArrayList<>(n);
        for (Variant v : runs) {
            forSummary.add(new TimingSummary.Variant(v.phase(), v.dayOffset(), v.metrics().cagr(), v.values(),
                    v.metrics().totalCost(), v.metrics().eventCount()));
        }
        TimingSummary summary = TimingSummary.of(forSummary);
        PathResult off = prepared.off();
        PeriodsPerYear f = prepared.periodsPerYear();
        TimingSummary.Tranche t = summary.tranche();
        Tranche tranche;
        if (flows == null) {
            Metrics tm = Metrics.of(off.dates(), t.values(), scenario.initialValue(), List.of(), f.value());
            tranche = new Tranche(t.values(), tm.finalValue(), tm.cagr(), tm.volatility(), tm.maxDrawdown(),
                    t.totalCost(), t.eventCount());
        } else {
            tranche = trancheWithFlows(off.dates(), t, runs, f);
        }
        List<Variant> ordered = List.of(runs); // cells are already in variant order
        return new Result(f, off.dates(), off, ordered, summary.timingLuck(), summary.spread(),
                find(ordered, summary.best()), find(ordered, summary.worst()), tranche);
    }

    /**
     * The tranche on a schedule: its flow F_k on each date is the mean of the variants' flows there, and its figures are
     * those of its time-weighted index (§13.4) on its value path V_k (the mean path): r_k = (V_k − F_k) / V_{k−1} − 1,
     * 0 once V_{k−1} = 0, I_k = I_{k−1}·(1 + r_k); total return, CAGR, volatility and max drawdown of the index as
     * §5 takes them of a value path; the final value is V_n.
     */
    static Tranche trancheWithFlows(LocalDate[] dates, TimingSummary.Tranche t, Variant[] runs, PeriodsPerYear f) {
        double[] values = t.values();
        int n = values.length;
        double[] flowSum = new double[n];
        double contributed = 0;
        double withdrawn = 0;
        LocalDate lastDepletion = null;
        boolean allDepleted = true;
        for (Variant v : runs) {
            CashFlowResult cf = v.cashFlows();
            int k = 0;
            for (CashFlow flow : cf.flows()) {
                while (!dates[k].equals(flow.date())) {
                    k++;
                }
                flowSum[k] += flow.amount();
            }
            contributed += cf.contributed();
            withdrawn += cf.withdrawn();
            if (cf.depletedOn() == null) {
                allDepleted = false;
            } else if (lastDepletion == null || cf.depletedOn().isAfter(lastDepletion)) {
                lastDepletion = cf.depletedOn();
            }
        }
        int sleeves = runs.length;
        double[] index = new double[n];
        index[0] = 1;
        for (int k = 1; k < n; k++) {
            double previous = values[k - 1];
            double rk = previous == 0 ? 0 : (values[k] - flowSum[k] / sleeves) / previous - 1;
            index[k] = index[k - 1] * (1 + rk);
        }
        Metrics im = Metrics.of(dates, index, 1.0, List.of(), f.value());
        TrancheFlows tf = new TrancheFlows(contributed / sleeves, withdrawn / sleeves,
                contributed / sleeves - withdrawn / sleeves, allDepleted ? lastDepletion : null);
        return new Tranche(values, values[n - 1], im.cagr(), im.volatility(), im.maxDrawdown(), t.totalCost(),
                t.eventCount(), tf);
    }

    private static Variant find(List<Variant> variants, TimingSummary.Variant v) {
        for (Variant x : variants) {
            if (x.phase() == v.phase() && x.dayOffset() == v.dayOffset()) {
                return x;
            }
        }
        throw new IllegalStateException("no variant " + v.phase() + "/" + v.dayOffset());
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("the timing study was cancelled");
        }
    }
}
