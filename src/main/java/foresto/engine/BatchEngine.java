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
 * (SEMANTICS §12.4: the bootstrap's idx; the identity sequence is the window's real history). Lanes run in blocks
 * of {@link #BLOCK}: without events, each lane of a block runs over the closes with its positions and drawdown in
 * locals (up to {@link #LANE_CLASSES} held classes); with events (or more classes) the loop runs over the closes and,
 * inside a close, over the block's lanes. Both leave the block's value paths in one buffer, from which one division
 * loop (vectorised) makes the period returns, and their mean and sum of squares then run over the lanes side by side.
 * Either way each lane keeps its own sums in exactly the order of the single-path loop ({@link PathLoop},
 * {@link BuyAndHold}, {@link Metrics#of}), so every lane's value path, events and metrics are bit for bit those of
 * a single run on that path's market. No per-path market copy is made: the dates (and a rule's calendar days, computed once per
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
    /**
     * The lane kernel's growth factors: {@link #growth} with LANE_CLASSES factors a row, 1 for the classes j ≥ h, so
     * the kernel runs five classes whatever h (an absent class's position stays ±0 and adds nothing to a value that is never −0).
     */
    private final double[] growth5;
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
        if (h <= LANE_CLASSES) {
            this.growth5 = new double[n * LANE_CLASSES];
            Arrays.fill(growth5, 1.0);
            for (int t = 1; t < n; t++) {
                System.arraycopy(growth, t * h, growth5, t * LANE_CLASSES, h);
            }
        } else {
            this.growth5 = null;
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
        /**
         * The lane kernel's pre-check bound per class, β[j]·{@link #MARGIN} (one rounding, far inside the band's own
         * margin, so it lets through every close the band's checks could act on); +∞ where there is no band or class.
         */
        private final double[] reach = new double[Math.max(LANE_CLASSES, h)];

        private Plan(RebalancingRule rule) {
            this.rule = rule;
            Arrays.fill(reach, Double.POSITIVE_INFINITY);
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
            for (int j = 0; band != null && j < h; j++) {
                reach[j] = band.beta[j] * MARGIN;
            }
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
            // a branch-free pass the compiler vectorises: (x − 1) | (n − 1 − x) is negative exactly when x is not in
            // 1 … n − 1 (x − 1 wraps only for the smallest int, and then n − 1 − x does); the message is searched for
            // only on failure
            int outside = 0;
            for (int t = 1; t < n; t++) {
                int x = ix[t];
                outside |= (x - 1) | (n - 1 - x);
            }
            if (outside < 0) {
                for (int t = 1; t < n; t++) {
                    if (ix[t] < 1 || ix[t] >= n) {
                        throw new IllegalArgumentException("lane " + l + ": idx[" + t + "] = " + ix[t] + " is not a row 1.." + (n - 1));
                    }
                }
            }
        }
        into.start(plan, lanes);
        boolean inLocals = h <= LANE_CLASSES && into.events == null;
        for (int lo = 0; lo < lanes; lo += BLOCK) {
            int hi = Math.min(lanes, lo + BLOCK);
            if (inLocals) {
                for (int l = lo; l < hi; l++) {
                    simulateLane(plan, idx[l], l, l - lo, hi - lo, into);
                }
            } else {
                simulate(plan, idx, lo, hi, into);
            }
            into.finishBlock(lo, hi);
        }
        into.finish();
    }

    /**
     * Lanes lo … hi−1 over every close: apply the returns (as {@link PathArithmetic#applyReturns}), let the rule
     * decide, then the path value (into the block's value buffer) and the drawdown of {@link Metrics#of}.
     * The block's state is lane-contiguous (class j of block lane i at j·{@link #BLOCK} + i), and each step of a close
     * is its own counted loop over the lanes, so the loops without a gather or a branch (the value sum) are vectorised
     * by the compiler; each lane still does exactly the single run's operations in its order.
     */
    private void simulate(Plan plan, int[][] idx, int lo, int hi, Batch b) {
        final int n = dates.length;
        final int h = this.h;
        final int width = hi - lo;
        final int stride = BLOCK;
        final double[] g = growth;
        final double[] w = this.w;
        final double[] ps = b.ps;
        final double[] vs = b.vs;
        final int[] row = b.row;
        final double[] vb = b.blockValues;
        final double[] peak = b.bPeak;
        final double[] floor = b.bFloor;
        final double[] maxDd = b.bMaxDd;
        final double[] values = b.values;
        final boolean keep = values != null;
        final int lanes = b.lanes;
        final boolean[] days = plan.calendarDays;
        final Band band = plan.band;
        final double[] beta = band == null ? null : band.beta;
        final boolean off = plan.rule == null;
        final boolean calendarRule = !off && band == null;
        final boolean daily = plan.daily;
        final boolean full = b.events != null;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < width; i++) {
                ps[j * stride + i] = w[j] * v0;
            }
        }
        for (int i = 0; i < width; i++) {
            vb[i] = v0;
            peak[i] = v0; // Metrics.of's drawdown loop starts at values[0]
            maxDd[i] = 0;
            floor[i] = v0;
        }
        for (int k = 1; k < n; k++) {
            for (int i = 0; i < width; i++) {
                row[i] = idx[lo + i][k] * h;
            }
            // step 1: P[j] ← P[j]·(1 + r), V = 0 + P[0] + P[1] + … in class order, lane by lane
            for (int i = 0; i < width; i++) {
                double pj = ps[i] * g[row[i]];
                ps[i] = pj;
                vs[i] = 0.0 + pj;
            }
            for (int j = 1; j < h; j++) {
                final int jo = j * stride;
                for (int i = 0; i < width; i++) {
                    double pj = ps[jo + i] * g[row[i] + j];
                    ps[jo + i] = pj;
                    vs[i] += pj;
                }
            }
            // step 2: the rule
            if (off) {
                // buy-and-hold: no rule code
            } else if (calendarRule) {
                if (days[k]) {
                    for (int i = 0; i < width; i++) {
                        vs[i] = full ? b.fire(plan, k, lo + i, i, vs[i], true) : b.tradeTo(plan, lo + i, i, vs[i], null);
                    }
                }
            } else if (daily || (days != null && days[k])) {
                final boolean day = days != null && days[k];
                for (int i = 0; i < width; i++) {
                    if (mayBreach(ps, i, w, beta, vs[i])) {
                        vs[i] = full ? b.fire(plan, k, lo + i, i, vs[i], day) : b.drift(plan, lo + i, i, vs[i]);
                    }
                }
            }
            // step 3: the value, for the block's period returns (Batch.finishBlock)
            System.arraycopy(vs, 0, vb, k * stride, width);
            if (keep) {
                System.arraycopy(vs, 0, values, k * lanes + lo, width);
            }
            // step 4: the drawdown (Metrics.of's second loop)
            for (int i = 0; i < width; i++) {
                double v = vs[i];
                if (v > peak[i]) {
                    peak[i] = v;
                    floor[i] = Metrics.drawdownFloor(v, maxDd[i]);
                } else if (v < floor[i]) {
                    double dd = 1 - v / peak[i];
                    if (dd > maxDd[i]) {
                        maxDd[i] = dd;
                        floor[i] = Metrics.drawdownFloor(peak[i], dd);
                    }
                }
            }
        }
    }


    /** The most held classes {@link #simulateLane} keeps in locals (every asset class). */
    static final int LANE_CLASSES = 5;

    /**
     * One lane (block lane i of {@code width}) of up to {@link #LANE_CLASSES} held classes over every close, its
     * positions and drawdown in locals (registers): the same operations as {@link #simulate} in the same order,
     * without a memory round trip on the chain from one close to the next. It always runs five classes, so no branch
     * per class is taken at a close: a class j ≥ h grows by {@link #growth5}'s 1 from ±0 and adds ±0 to the value,
     * which changes nothing (the value, a sum starting at +0, is never −0); the band's pre-check skips those classes.
     */
    private void simulateLane(Plan plan, int[] ix, int l, int i, int width, Batch b) {
        final int n = dates.length;
        final int h = this.h;
        final double[] g = growth5;
        final double w0 = w[0];
        final double w1 = h > 1 ? w[1] : 0;
        final double w2 = h > 2 ? w[2] : 0;
        final double w3 = h > 3 ? w[3] : 0;
        final double w4 = h > 4 ? w[4] : 0;
        final boolean[] days = plan.calendarDays;
        final Band band = plan.band;
        final boolean off = plan.rule == null;
        final boolean calendarRule = !off && band == null;
        final boolean daily = plan.daily;
        final double[] reach = plan.reach;
        final double m0 = reach[0];
        final double m1 = reach[1];
        final double m2 = reach[2];
        final double m3 = reach[3];
        final double m4 = reach[4];
        final double costRate = plan.costRate;
        final double[] vb = b.blockValues;
        final double[] values = b.values;
        final int lanes = b.lanes;
        final double[] scratch = b.scratch;
        double p0 = w0 * v0;
        double p1 = w1 * v0;
        double p2 = w2 * v0;
        double p3 = w3 * v0;
        double p4 = w4 * v0;
        vb[i] = v0;
        double peak = v0; // Metrics.of's drawdown loop starts at values[0]
        double floor = v0;
        double maxDd = 0;
        int events = 0;
        double turnover = 0;
        double cost = 0;
        for (int k = 1; k < n; k++) {
            // step 1 (PathArithmetic.applyReturns): P[j] ← P[j]·(1 + r), V = 0 + P[0] + P[1] + … in class order
            final int o = ix[k] * LANE_CLASSES;
            p0 = p0 * g[o];
            p1 = p1 * g[o + 1];
            p2 = p2 * g[o + 2];
            p3 = p3 * g[o + 3];
            p4 = p4 * g[o + 4];
            double v = 0.0 + p0 + p1 + p2 + p3 + p4;
            // step 2: the rule; a trade as Batch.tradeTo (FixedCost's arithmetic)
            double[] to = null;
            if (off) {
                // buy-and-hold: no rule code
            } else if (calendarRule) {
                if (days[k]) {
                    to = w;
                }
            } else if ((daily || (days != null && days[k]))
                    && (Math.abs(p0 - w0 * v) >= m0 * v
                    || h > 1 && Math.abs(p1 - w1 * v) >= m1 * v
                    || h > 2 && Math.abs(p2 - w2 * v) >= m2 * v
                    || h > 3 && Math.abs(p3 - w3 * v) >= m3 * v
                    || h > 4 && Math.abs(p4 - w4 * v) >= m4 * v)) {
                // the band's own checks, as BandTrigger.check
                put(scratch, h, p0, p1, p2, p3, p4);
                int worst = band.clearlyInside(scratch, w, v) ? -1 : band.breached(scratch, w, v);
                if (worst >= 0) {
                    to = TradeTo.afterWeights(scratch, v, w, band.beta, worst, plan.tradeTo);
                    if (to == null) {
                        to = w;
                    }
                }
            }
            if (to != null) {
                double t = 0;
                t += Math.abs(to[0] - p0 / v);
                if (h > 1) {
                    t += Math.abs(to[1] - p1 / v);
                    if (h > 2) {
                        t += Math.abs(to[2] - p2 / v);
                        if (h > 3) {
                            t += Math.abs(to[3] - p3 / v);
                            if (h > 4) {
                                t += Math.abs(to[4] - p4 / v);
                            }
                        }
                    }
                }
                double c = costRate * t * v;
                double vAfter = v - c;
                p0 = to[0] * vAfter;
                p1 = h > 1 ? to[1] * vAfter : 0;
                p2 = h > 2 ? to[2] * vAfter : 0;
                p3 = h > 3 ? to[3] * vAfter : 0;
                p4 = h > 4 ? to[4] * vAfter : 0;
                events++;
                turnover += t;
                cost += c;
                v = vAfter;
            }
            // step 3: the value (the period returns follow in Batch.finishBlock), the drawdown (Metrics.of's loop)
            vb[k * BLOCK + i] = v;
            if (values != null) {
                values[k * lanes + l] = v;
            }
            // RunningDrawdown's steps, written out on locals: through a RunningDrawdown object the lane ran slower
            // (BatchBench, idle, batch drift 52.0 ± 9.6 vs 43.8 ± 1.1 µs per path)
            if (v > peak) {
                peak = v;
                floor = Metrics.drawdownFloor(v, maxDd);
            } else if (v < floor) {
                double dd = 1 - v / peak;
                if (dd > maxDd) {
                    maxDd = dd;
                    floor = Metrics.drawdownFloor(peak, dd);
                }
            }
        }
        b.bMaxDd[i] = maxDd;
        b.eventCount[l] = events;
        b.turnover[l] = turnover;
        b.cost[l] = cost;
    }

    /** The first h of a lane's positions into {@code into}. */
    private static void put(double[] into, int h, double p0, double p1, double p2, double p3, double p4) {
        into[0] = p0;
        if (h > 1) {
            into[1] = p1;
        }
        if (h > 2) {
            into[2] = p2;
        }
        if (h > 3) {
            into[3] = p3;
        }
        if (h > 4) {
            into[4] = p4;
        }
    }

    /**
     * A pre-check wider than {@link Band#clearlyInside}: false only when that check, too, finds every class of block
     * lane i clearly inside its band (its margin is {@link #MARGIN}, narrower than the band's, so a lane it lets
     * through is looked at by the band's own checks, as the single run does).
     */
    private static boolean mayBreach(double[] ps, int i, double[] w, double[] beta, double v) {
        for (int j = 0; j < w.length; j++) {
            if (Math.abs(ps[j * BLOCK + i] - w[j] * v) >= beta[j] * v * MARGIN) {
                return true;
            }
        }
        return false;
    }

    /** Below {@link Band}'s own margin (1 − 1e-9), so {@link #mayBreach} never misses a close the band looks at. */
    private static final double MARGIN = 1 - 1e-8;

    /**
     * One thread's buffers and the results of the last batch run into it: per lane its summary figures and, by
     * {@link Output}, its value path and events. Not thread-safe.
     */
    public final class Batch {
        private final int maxLanes;
        private final Output output;
        private final double[] ps; // the block's positions: block lane i's class j at j·BLOCK + i
        private final double[] vs; // the block's values at the close being run
        private final int[] row; // the block's window rows at the close being run, times h
        private final double[] bPeak; // the block's running drawdown, by block lane

        private final double[] bFloor;
        private final double[] bMaxDd;
        private final double[] scratch;
        private final double[] blockValues; // the block's values: block lane i's at close k at k·BLOCK + i
        private final double[] returns; // the block's period returns: block lane i's at close k at (k − 1)·BLOCK + i
        private final double[] values; // lane l's value at close k at k·L + l, or null
        private final double[] last;
        private final double[] ss;
        private final double[] maxDd;
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
            ps = new double[BLOCK * h];
            vs = new double[BLOCK];
            row = new int[BLOCK];
            bPeak = new double[BLOCK];
            bFloor = new double[BLOCK];
            bMaxDd = new double[BLOCK];
            scratch = new double[h];
            blockValues = new double[n * BLOCK];
            returns = new double[(n - 1) * BLOCK];
            ss = new double[maxLanes];
            values = output == Output.SUMMARY ? null : new double[n * maxLanes];
            last = new double[maxLanes];
            maxDd = new double[maxLanes];
            eventCount = new int[maxLanes];
            turnover = new double[maxLanes];
            cost = new double[maxLanes];
        }

        private void start(Plan plan, int lanes) {
            this.lanes = lanes;
            this.metrics = null;
            for (int l = 0; l < lanes; l++) {
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
        private double tradeTo(Plan plan, int l, int i, double v, double[] after) {
            double[] to = after == null ? w : after;
            double t = 0;
            for (int j = 0; j < h; j++) {
                double before = ps[j * BLOCK + i] / v;
                t += Math.abs(to[j] - before);
            }
            double c = plan.costRate * t * v;
            double vAfter = v - c;
            for (int j = 0; j < h; j++) {
                ps[j * BLOCK + i] = to[j] * vAfter;
            }
            eventCount[l]++;
            turnover[l] += t;
            cost[l] += c;
            return vAfter;
        }

        /**
         * Lane l (block lane i) at a close its drift rule looks at, without events: the band's own checks (as
         * {@link BandTrigger#check}), then the trade; returns the value after.
         */
        private double drift(Plan plan, int l, int i, double v) {
            gather(i);
            Band band = plan.band;
            if (band.clearlyInside(scratch, w, v)) {
                return v;
            }
            int worst = band.breached(scratch, w, v);
            return worst < 0 ? v : tradeTo(plan, l, i, v, TradeTo.afterWeights(scratch, v, w, band.beta, worst, plan.tradeTo));
        }

        private void gather(int i) {
            for (int j = 0; j < h; j++) {
                scratch[j] = ps[j * BLOCK + i];
            }
        }

        /** Lane l's (block lane i's) close k through the single run's own trigger and {@link FixedCost}, recording the event. */
        private double fire(Plan plan, int k, int l, int i, double v, boolean calendarDay) {
            gather(i);
            Trigger.Fire fire = trigger.check(scratch, v, calendarDay);
            if (fire == null) {
                return v;
            }
            RebalancingEvent e = FixedCost.trade(scratch, w, held, targetCodes, dates[k], plan.rule, v, fire);
            for (int j = 0; j < h; j++) {
                ps[j * BLOCK + i] = scratch[j];
            }
            events.get(l).add(e);
            eventCount[l]++;
            turnover[l] += e.turnover();
            cost[l] += e.costAmount();
            return e.valueAfter();
        }

        /**
         * The block's period returns r = V_k / V_{k−1} − 1 (one division loop over all its lanes and closes, which the
         * compiler vectorises), then per lane their mean and the sample variance's sum of squares (SEMANTICS §5), each
         * summed in close order as {@link Metrics#of} does, eight lanes' sums side by side.
         */
        private void finishBlock(int lo, int hi) {
            int n = dates.length;
            int width = hi - lo;
            final double[] vb = blockValues;
            for (int i = 0; i < width; i++) {
                last[lo + i] = vb[(n - 1) * BLOCK + i];
            }
            System.arraycopy(bMaxDd, 0, maxDd, lo, width);
            if (n < 3) {
                return;
            }
            if (width < BLOCK) { // lanes not run in this block: any finite values, never read back
                for (int k = 0; k < n; k++) {
                    Arrays.fill(vb, k * BLOCK + width, (k + 1) * BLOCK, 1.0);
                }
            }
            final double[] r = returns;
            final int len = (n - 1) * BLOCK;
            for (int x = 0; x < len; x++) {
                r[x] = vb[x + BLOCK] / vb[x] - 1;
            }
            double m0 = 0;
            double m1 = 0;
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            double m5 = 0;
            double m6 = 0;
            double m7 = 0;
            for (int x = 0; x < len; x += BLOCK) {
                m0 += r[x];
                m1 += r[x + 1];
                m2 += r[x + 2];
                m3 += r[x + 3];
                m4 += r[x + 4];
                m5 += r[x + 5];
                m6 += r[x + 6];
                m7 += r[x + 7];
            }
            m0 /= (n - 1);
            m1 /= (n - 1);
            m2 /= (n - 1);
            m3 /= (n - 1);
            m4 /= (n - 1);
            m5 /= (n - 1);
            m6 /= (n - 1);
            m7 /= (n - 1);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int x = 0; x < len; x += BLOCK) {
                double d0 = r[x] - m0;
                s0 += d0 * d0;
                double d1 = r[x + 1] - m1;
                s1 += d1 * d1;
                double d2 = r[x + 2] - m2;
                s2 += d2 * d2;
                double d3 = r[x + 3] - m3;
                s3 += d3 * d3;
                double d4 = r[x + 4] - m4;
                s4 += d4 * d4;
                double d5 = r[x + 5] - m5;
                s5 += d5 * d5;
                double d6 = r[x + 6] - m6;
                s6 += d6 * d6;
                double d7 = r[x + 7] - m7;
                s7 += d7 * d7;
            }
            double[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
            System.arraycopy(sums, 0, ss, lo, width);
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
