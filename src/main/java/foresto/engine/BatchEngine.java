package foresto.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Many paths of one window side by side: one rule (or OFF, buy-and-hold) run on L lanes at once, each lane a path
 * whose returns on the window's closes d_1 … d_n are rows of the window's own returns chosen by an index sequence
 * (SEMANTICS §12.4: the bootstrap's idx; the identity sequence is the window's real history). The loop runs over
 * the closes, and inside a close over the lanes, so the lanes' independent sums overlap in the processor; each
 * lane keeps its own sums in exactly the order of the single-path loop ({@link PathLoop}, {@link BuyAndHold},
 * {@link Metrics#of}), so every lane's value path, events and metrics are bit for bit those of a single run on
 * that path's market. No per-path market copy is made: the dates (and a rule's calendar days, computed once per
 * {@link Plan}) are the window's and shared by every lane, and f is the dataset's.
 *
 * <p>How to use it (thread-safe except {@link Batch}, which is one thread's buffers):
 * <pre>{@code
 * BatchEngine engine = BatchEngine.prepare(data, scenario);          // once per scenario window
 * BatchEngine.Plan a = engine.plan(ruleA);                            // once per rule (cost rate included)
 * BatchEngine.Plan off = engine.off();                                // buy-and-hold
 * BatchEngine.Batch buf = engine.newBatch(64, BatchEngine.Output.SUMMARY); // one per thread, reused
 * int[][] idx = new int[64][engine.rows() + 1];                      // idx[lane][t], t = 1 … n: a 1-based window row
 * for (...) { sampler.fill(j0 + lane, idx[lane]); ...; engine.run(a, idx, lanes, buf); buf.finalValue(lane) ... }
 * }</pre>
 * {@link Output#SUMMARY} keeps only each lane's summary figures ({@link Batch#metrics}: final value, total return,
 * CAGR, volatility, max drawdown, event count, turnover, cost), so a robust sweep never holds J × n values;
 * {@link Output#VALUES} also keeps the lanes' value paths for this batch (a fan chart); {@link Output#EVENTS} also
 * records every lane's events ({@link Batch#path} gives a lane as the single run's {@link PathResult}). Summary
 * figures are the same in every mode. A path that leaves the representable range fails as {@link Metrics#of} does
 * (VALUE_OUT_OF_RANGE). Lanes are independent: the result of a path does not depend on the batch it runs in, its
 * lane, the batch size or the thread.
 */
public final class BatchEngine {
    private final ScenarioCalendar cal;
    private final LocalDate[] dates; // d_0 … d_n
    private final int[] held;
    private final double[] w; // held targets, standard order
    private final double v0;
    private final int h;
    private final double[] growth; // 1 + r of window row t (1 … n), held class j, at t·h + j (row 0: none)
    private final long days; // calendar days d_0 → d_n
    private final PeriodsPerYear f;
    /**
     * Lanes simulated together: enough independent sums to keep the processor busy, few enough that the block's
     * buffered period returns (BLOCK × n doubles) stay in the core's cache; a batch runs its lanes block by block.
     */
    static final int BLOCK = 8;

    private BatchEngine(ScenarioCalendar cal, Scenario scenario) {
        this.cal = cal;
        this.dates = cal.dates();
        this.held = cal.held();
        this.h = held.length;
        this.v0 = scenario.initialValue();
        this.w = new double[h];
        for (int j = 0; j < h; j++) {
            w[j] = scenario.targets().get(AssetClass.of(held[j]));
        }
        int n = cal.length();
        double[] r = cal.zeroFilledRows();
        this.growth = new double[n * h];
        for (int t = 1; t < n; t++) {
            int offset = cal.rowOffset(t);
            for (int j = 0; j < h; j++) {
                growth[t * h + j] = 1 + r[offset + held[j]]; // the factor PathArithmetic.applyReturns applies
            }
        }
        this.days = ChronoUnit.DAYS.between(dates[0], dates[n - 1]);
        this.f = cal.periodsPerYear();
    }

    /** Prepares the scenario's window (its calendar, as {@link ScenarioCalendar#prepare}). */
    public static BatchEngine prepare(MarketData data, Scenario scenario) {
        return new BatchEngine(ScenarioCalendar.prepare(data, scenario), scenario);
    }

    /** The window of an already prepared calendar of {@code scenario}. */
    public static BatchEngine of(ScenarioCalendar cal, Scenario scenario) {
        return new BatchEngine(cal, scenario);
    }

    /** n: the window's closes after the purchase close (the rows an index sequence chooses from, 1 … n). */
    public int rows() {
        return dates.length - 1;
    }

    /** The window's closes d_0 … d_n, shared by every lane (a copy). */
    public LocalDate[] dates() {
        return dates.clone();
    }

    /** f of the dataset's calendar in use (SEMANTICS §5). */
    public PeriodsPerYear periodsPerYear() {
        return f;
    }

    /** The index sequence of the window's own history: idx[t] = t (element 0 unused). */
    public int[] identity() {
        int[] idx = new int[dates.length];
        for (int t = 0; t < idx.length; t++) {
            idx[t] = t;
        }
        return idx;
    }

    /** Buy-and-hold (rebalancing OFF): no rule code runs, as in {@link BuyAndHold}. */
    public Plan off() {
        return new Plan(null);
    }

    /** {@code rule} (its cost rate and shape included) on this window; its calendar days are computed here, once. */
    public Plan plan(RebalancingRule rule) {
        return new Plan(Objects.requireNonNull(rule, "rule"));
    }

    /** What a batch keeps besides each lane's summary figures. */
    public enum Output {
        /** Summary figures only (memory: a few values per lane plus one buffer of n × 8 period returns). */
        SUMMARY,
        /** Also every lane's value path. */
        VALUES,
        /** Also every lane's value path and events. */
        EVENTS
    }

    /**
     * A rule prepared for this window: its kind's constants and its calendar days. Immutable: share it between
     * threads and batches.
     */
    public final class Plan {
        private final RebalancingRule rule; // null: OFF
        private final boolean[] calendarDays; // null: no calendar
        private final Band band; // drift only
        private final boolean daily; // drift checked every close
        private final double costRate;
        private final double tradeTo;

        private Plan(RebalancingRule rule) {
            this.rule = rule;
            if (rule == null) {
                calendarDays = null;
                band = null;
                daily = false;
                costRate = 0;
                tradeTo = 0;
                return;
            }
            CalendarTrigger calendar = rule.calendar();
            this.calendarDays = calendar == null ? null : calendar.days(cal);
            this.costRate = rule.costRate();
            this.band = rule.match(p -> null, d -> new Band(d.band(), d.threshold(), d.rho(), w));
            this.daily = rule.match(p -> false, d -> d.check() == CheckFrequency.DAILY);
            this.tradeTo = rule.match(p -> 0.0, RebalancingRule.Drift::rebalanceTo);
        }

        /** The rule, or null for OFF. */
        public RebalancingRule rule() {
            return rule;
        }

        private BatchEngine owner() {
            return BatchEngine.this;
        }
    }

    /** A batch's buffers for up to {@code maxLanes} lanes (one per thread; reuse it for every batch). */
    public Batch newBatch(int maxLanes, Output output) {
        return new Batch(maxLanes, output);
    }

    /** Runs {@code plan} on {@code idx.length} lanes into a new batch. */
    public Batch run(Plan plan, int[][] idx, Output output) {
        Batch b = newBatch(idx.length, output);
        run(plan, idx, idx.length, b);
        return b;
    }

    /**
     * Runs {@code plan} on lanes 0 … {@code lanes}−1 into {@code into} (overwriting what it held). Lane l's returns on
     * close t (1 … n) are the window's row {@code idx[l][t]} (1 … n); {@code idx[l][0]} is not read.
     */
    public void run(Plan plan, int[][] idx, int lanes, Batch into) {
        if (plan.owner() != this) {
            throw new IllegalArgumentException("the plan was made for another window");
        }
        if (lanes < 1 || lanes > into.maxLanes || lanes > idx.length) {
            throw new IllegalArgumentException("lanes must be in 1.." + Math.min(into.maxLanes, idx.length) + ", got " + lanes);
        }
        int n = dates.length;
        for (int l = 0; l < lanes; l++) {
            int[] ix = idx[l];
            if (ix.length < n) {
                throw new IllegalArgumentException("lane " + l + " needs " + n + " indices, got " + ix.length);
            }
            for (int t = 1; t < n; t++) {
                if (ix[t] < 1 || ix[t] >= n) {
                    throw new IllegalArgumentException("lane " + l + ": idx[" + t + "] = " + ix[t] + " is not a row 1.." + (n - 1));
                }
            }
        }
        into.start(plan, lanes);
        for (int lo = 0; lo < lanes; lo += BLOCK) {
            int hi = Math.min(lanes, lo + BLOCK);
            simulate(plan, idx, lo, hi, into);
            into.finishBlock(lo, hi);
        }
        into.finish();
    }

    /**
     * Lanes lo … hi−1 over every close: apply the returns (as {@link PathArithmetic#applyReturns}), let the rule
     * decide, then the path value and the running sums of {@link Metrics#of} (period return, its mean, the drawdown).
     * The buffers are held in locals so that the compiler keeps them in registers across the lanes.
     */
    private void simulate(Plan plan, int[][] idx, int lo, int hi, Batch b) {
        final int n = dates.length;
        final int h = this.h;
        final double[] g = growth;
        final double[] w = this.w;
        final double[] p = b.p;
        final double[] last = b.last;
        final double[] mean = b.mean;
        final double[] returns = b.returns;
        final double[] values = b.values;
        final double[] peak = b.peak;
        final double[] floor = b.floor;
        final double[] maxDd = b.maxDd;
        final double[] scratch = b.scratch;
        final boolean keep = values != null;
        final int lanes = b.lanes;
        final int width = hi - lo;
        final boolean[] days = plan.calendarDays;
        final Band band = plan.band;
        final boolean off = plan.rule == null;
        final boolean calendarRule = !off && band == null;
        final boolean daily = plan.daily;
        final boolean full = b.events != null;
        for (int k = 1; k < n; k++) {
            final boolean day = days != null && days[k];
            final boolean look = band != null && (daily || day);
            final int rb = (k - 1) * width - lo;
            final int vb = k * lanes;
            for (int l = lo; l < hi; l++) {
                final int[] ix = idx[l];
                final int o = ix[k] * h;
                final int po = l * h;
                double v = 0;
                for (int j = 0; j < h; j++) {
                    double pj = p[po + j] * g[o + j];
                    p[po + j] = pj;
                    v += pj;
                }
                if (off) {
                    // buy-and-hold: no rule code
                } else if (calendarRule) {
                    if (day) {
                        v = full ? b.fire(plan, k, l, v, true) : b.tradeTo(plan, l, v, null);
                    }
                } else if (look && !band.clearlyInside(p, po, w, v)) {
                    if (full) {
                        v = b.fire(plan, k, l, v, day);
                    } else {
                        System.arraycopy(p, po, scratch, 0, h);
                        int worst = band.breached(scratch, w, v);
                        if (worst >= 0) {
                            v = b.tradeTo(plan, l, v, TradeTo.afterWeights(scratch, v, w, band.beta, worst, plan.tradeTo));
                        }
                    }
                }
                double r = v / last[l] - 1;
                returns[rb + l] = r;
                mean[l] += r;
                last[l] = v;
                if (keep) {
                    values[vb + l] = v;
                }
                if (v > peak[l]) {
                    peak[l] = v;
                    floor[l] = Metrics.drawdownFloor(v, maxDd[l]);
                } else if (v < floor[l]) {
                    double dd = 1 - v / peak[l];
                    if (dd > maxDd[l]) {
                        maxDd[l] = dd;
                        floor[l] = Metrics.drawdownFloor(peak[l], dd);
                    }
                }
            }
        }
    }

    /**
     * One thread's buffers and the results of the last batch run into it: per lane its summary figures and, by
     * {@link Output}, its value path and events. Not thread-safe.
     */
    public final class Batch {
        private final int maxLanes;
        private final Output output;
        private final double[] p; // lane l's positions at l·h + j
        private final double[] scratch;
        private final double[] returns; // the block's period returns: lane l's at close k at (k − 1)·(hi − lo) + l − lo
        private final double[] values; // lane l's value at close k at k·L + l, or null
        private final double[] last;
        private final double[] mean;
        private final double[] ss;
        private final double[] peak;
        private final double[] maxDd;
        private final double[] floor;
        private final int[] eventCount;
        private final double[] turnover;
        private final double[] cost;
        private List<List<RebalancingEvent>> events; // per lane, or null
        private Trigger trigger; // EVENTS: the single run's trigger of the plan's rule
        private CodeWeights targetCodes;
        private Metrics[] metrics;
        private int lanes;

        private Batch(int maxLanes, Output output) {
            if (maxLanes < 1) {
                throw new IllegalArgumentException("a batch needs at least one lane, got " + maxLanes);
            }
            this.maxLanes = maxLanes;
            this.output = Objects.requireNonNull(output, "output");
            int n = dates.length;
            p = new double[maxLanes * h];
            scratch = new double[h];
            returns = new double[Math.max(1, (n - 1) * Math.min(BLOCK, maxLanes))];
            ss = new double[maxLanes];
            values = output == Output.SUMMARY ? null : new double[n * maxLanes];
            last = new double[maxLanes];
            mean = new double[maxLanes];
            peak = new double[maxLanes];
            maxDd = new double[maxLanes];
            floor = new double[maxLanes];
            eventCount = new int[maxLanes];
            turnover = new double[maxLanes];
            cost = new double[maxLanes];
        }

        private void start(Plan plan, int lanes) {
            this.lanes = lanes;
            this.metrics = null;
            for (int l = 0; l < lanes; l++) {
                for (int j = 0; j < h; j++) {
                    p[l * h + j] = w[j] * v0;
                }
                last[l] = v0;
                mean[l] = 0;
                peak[l] = v0; // Metrics.of's drawdown loop starts at values[0]
                maxDd[l] = 0;
                floor[l] = v0;
                eventCount[l] = 0;
                turnover[l] = 0;
                cost[l] = 0;
                if (values != null) {
                    values[l] = v0;
                }
            }
            if (output == Output.EVENTS && plan.rule != null) {
                events = new ArrayList<>(lanes);
                for (int l = 0; l < lanes; l++) {
                    events.add(new ArrayList<>());
                }
                trigger = plan.rule.trigger(w, held);
                targetCodes = CodeWeights.ofHeld(held, w);
            } else {
                events = null;
                trigger = null;
                targetCodes = null;
            }
        }

        /**
         * A trade of lane l at value v to {@code after} (null: the targets), with {@link FixedCost}'s arithmetic;
         * returns the value after.
         */
        private double tradeTo(Plan plan, int l, double v, double[] after) {
            double[] to = after == null ? w : after;
            int po = l * h;
            double t = 0;
            for (int j = 0; j < h; j++) {
                double before = p[po + j] / v;
                t += Math.abs(to[j] - before);
            }
            double c = plan.costRate * t * v;
            double vAfter = v - c;
            for (int j = 0; j < h; j++) {
                p[po + j] = to[j] * vAfter;
            }
            eventCount[l]++;
            turnover[l] += t;
            cost[l] += c;
            return vAfter;
        }

        /** Lane l's close k through the single run's own trigger and {@link FixedCost}, recording the event. */
        private double fire(Plan plan, int k, int l, double v, boolean calendarDay) {
            int po = l * h;
            System.arraycopy(p, po, scratch, 0, h);
            Trigger.Fire fire = trigger.check(scratch, v, calendarDay);
            if (fire == null) {
                return v;
            }
            RebalancingEvent e = FixedCost.trade(scratch, w, held, targetCodes, dates[k], plan.rule, v, fire);
            System.arraycopy(scratch, 0, p, po, h);
            events.get(l).add(e);
            eventCount[l]++;
            turnover[l] += e.turnover();
            cost[l] += e.costAmount();
            return e.valueAfter();
        }

        /** The sample variance's second pass (SEMANTICS §5) over the block's buffered period returns. */
        private void finishBlock(int lo, int hi) {
            int n = dates.length;
            if (n < 3) {
                return;
            }
            for (int l = lo; l < hi; l++) {
                mean[l] /= (n - 1);
                ss[l] = 0;
            }
            for (int k = 0; k < n - 1; k++) {
                int base = k * (hi - lo) - lo;
                for (int l = lo; l < hi; l++) {
                    double d = returns[base + l] - mean[l];
                    ss[l] += d * d;
                }
            }
        }

        private void finish() {
            int n = dates.length;
            double periods = f.value();
            metrics = new Metrics[lanes];
            for (int l = 0; l < lanes; l++) {
                double volatility = n >= 3 ? Math.sqrt(periods) * Math.sqrt(ss[l] / (n - 2)) : 0.0;
                metrics[l] = Metrics.checked(last[l], v0, days, volatility, maxDd[l], eventCount[l], turnover[l], cost[l]);
            }
        }

        /** The lanes of the last run. */
        public int lanes() {
            return lanes;
        }

        /** Lane l's summary figures, bit for bit {@link Metrics#of} of the single run. */
        public Metrics metrics(int lane) {
            return metrics[checkLane(lane)];
        }

        /** Lane l's final value. */
        public double finalValue(int lane) {
            return metrics(lane).finalValue();
        }

        /** Lane l's value at each close d_0 … d_n (a new array; {@link Output#VALUES} or {@link Output#EVENTS}). */
        public double[] values(int lane) {
            checkLane(lane);
            if (values == null) {
                throw new IllegalStateException("this batch keeps no value paths (Output.SUMMARY)");
            }
            double[] out = new double[dates.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = values[k * lanes + lane];
            }
            return out;
        }

        /**
         * Every lane's value at close k into {@code dst[off] …} (lane order, {@link #lanes()} values): a fan's row of
         * paths at one date in one copy ({@link Output#VALUES} or {@link Output#EVENTS}).
         */
        public void valuesAt(int k, double[] dst, int off) {
            if (metrics == null) {
                throw new IllegalStateException("nothing has run into this batch");
            }
            if (values == null) {
                throw new IllegalStateException("this batch keeps no value paths (Output.SUMMARY)");
            }
            System.arraycopy(values, Objects.checkIndex(k, dates.length) * lanes, dst, off, lanes);
        }

        /** Lane l's events in date order ({@link Output#EVENTS}; none for OFF). */
        public List<RebalancingEvent> events(int lane) {
            checkLane(lane);
            if (output != Output.EVENTS) {
                throw new IllegalStateException("this batch keeps no events (Output." + output + ")");
            }
            return events == null ? List.of() : events.get(lane);
        }

        /** Lane l as the single run's result ({@link Output#EVENTS}; no tracked weights). */
        public PathResult path(int lane) {
            return new PathResult(dates.clone(), values(lane), events(lane), metrics(lane), held.clone(), null, f);
        }

        private int checkLane(int lane) {
            if (metrics == null) {
                throw new IllegalStateException("nothing has run into this batch");
            }
            Objects.checkIndex(lane, lanes);
            return lane;
        }
    }

    @Override
    public String toString() {
        return "BatchEngine[" + dates[0] + ".." + dates[dates.length - 1] + ", n=" + (dates.length - 1) + ", held="
                + Arrays.toString(held) + "]";
    }
}
