package foresto.engine.robust;

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

    /** One variant's run: its phase and day offset, its metrics (§5) and its value path. */
    public record Variant(int phase, int dayOffset, Metrics metrics, double[] values) {
    }

    /**
     * The tranched portfolio's figures: its value path (the mean of the variants' paths), metrics of §5 on that path
     * with the scenario's initial value and the dataset's f, the mean of the variants' costs and the sum of their
     * event counts.
     */
    public record Tranche(double[] values, double finalValue, double cagr, double volatility, double maxDrawdown,
                          double totalCost, int eventCount) {
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
        List<TimingGrid.Cell> cells = grid(rule, phases, offsets);
        checkCancelled(cancelled);
        Sweep prepared = Sweep.prepare(data, scenario);
        int n = cells.size();
        AtomicInteger done = new AtomicInteger();
        Variant[] runs = IntStream.range(0, n).parallel().mapToObj(i -> {
            checkCancelled(cancelled);
            TimingGrid.Cell c = cells.get(i);
            PathResult on = prepared.cell(withShift(rule, c.phase(), c.dayOffset())).on();
            Variant v = new Variant(c.phase(), c.dayOffset(), on.metrics(), on.values());
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
        Metrics tm = Metrics.of(off.dates(), t.values(), scenario.initialValue(), List.of(), f.value());
        Tranche tranche = new Tranche(t.values(), tm.finalValue(), tm.cagr(), tm.volatility(), tm.maxDrawdown(),
                t.totalCost(), t.eventCount());
        List<Variant> ordered = List.of(runs); // cells are already in variant order
        return new Result(f, off.dates(), off, ordered, summary.timingLuck(), summary.spread(),
                find(ordered, summary.best()), find(ordered, summary.worst()), tranche);
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
