package foresto.engine.robust;

import foresto.engine.CashFlowResult;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioCalendar;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Sweep;
import foresto.engine.robust.RollingWindows.Summary;
import foresto.engine.robust.RollingWindows.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The start-date study (SEMANTICS §12.3): the scenario's requested [start, end] cut into windows of L months every
 * s months ({@link RollingWindows}), each window a fresh, ordinary run of that window ON and OFF through
 * {@link ScenarioSimulation#run} (bought at the close of its first date), its premium CAGR_ON − CAGR_OFF, and the
 * summary over the premiums. Periods per year f is the whole dataset's (the engine computes it from the dataset's
 * calendar in use, not from the window), so every window shares it. Pure and sequential: no threads, no I/O.
 */
public final class WindowsStudy {
    private WindowsStudy() {
    }

    /** Progress: {@code done} of {@code total} windows have run. Called on the study's thread. */
    @FunctionalInterface
    public interface Progress {
        void windowsDone(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * One window: its requested dates, its ON and OFF metrics and its premium; with a flow schedule each side's flows
     * and their figures (null without one; with one, null too for a window where the schedule has no flow date).
     */
    public record WindowResult(Window window, Metrics on, Metrics off, double premium, CashFlowResult onFlows,
                               CashFlowResult offFlows) {
        /** A window run without flows. */
        public WindowResult(Window window, Metrics on, Metrics off, double premium) {
            this(window, on, off, premium, null, null);
        }
    }

    /** The study: f of the dataset, every window in order, and the summary over the premiums. */
    public record Result(PeriodsPerYear periodsPerYear, int lengthMonths, int stepMonths, List<WindowResult> windows,
                         Summary summary, boolean withFlows) {
        public Result {
            windows = List.copyOf(windows);
        }

        /** A study without a flow schedule. */
        public Result(PeriodsPerYear periodsPerYear, int lengthMonths, int stepMonths, List<WindowResult> windows,
                      Summary summary) {
            this(periodsPerYear, lengthMonths, stepMonths, windows, summary, false);
        }
    }

    /**
     * Runs the study. Throws INVALID_REQUEST (an {@link foresto.engine.EngineException}) when L or s is below 1 or no
     * window fits in the scenario's [start, end], the engine's own errors for a bad scenario or rule, and a
     * {@link CancellationException} when {@code cancelled} turns true (polled before each window).
     *
     * @param scenario     the study's scenario: its start and end are the study's requested dates
     * @param lengthMonths L ≥ 1
     * @param stepMonths   s ≥ 1
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule rule, int lengthMonths, int stepMonths,
                             Progress progress, BooleanSupplier cancelled) {
        return run(data, scenario, rule, null, lengthMonths, stepMonths, progress, cancelled);
    }

    /**
     * As {@link #run(MarketData, Scenario, RebalancingRule, int, int, Progress, BooleanSupplier)} with every window's ON
     * and OFF on the flow schedule {@code flows} (null: none, exactly that run), each window as a single run of that
     * window with the schedule: its flow dates are the schedule's closes inside the window (never its own first date),
     * and growth counts from the window's first date d_0. A window in which the schedule has no flow date (a short
     * window under an annual schedule, or one outside flows_from … flows_until) is an ordinary run without flows; the
     * whole study's window must hold one (INVALID_REQUEST otherwise, as a single run).
     */
    public static Result run(MarketData data, Scenario scenario, RebalancingRule rule, CashFlowSchedule flows,
                             int lengthMonths, int stepMonths, Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        List<Window> windows = RollingWindows.windows(scenario.start(), scenario.end(), lengthMonths, stepMonths);
        // the whole study's scenario first: its errors (window outside the data, a class not in it) name the
        // study's dates, and its calendar gives f, the dataset's (every window's run has the same)
        PeriodsPerYear f = ScenarioCalendar.prepare(data, scenario).periodsPerYear();
        if (flows != null) {
            Sweep.prepare(data, scenario, flows, true); // the study's window holds a flow date, as a single run's must
        }
        Optional<RebalancingRule> on = Optional.of(rule);
        List<WindowResult> out = new ArrayList<>(windows.size());
        double[] premiums = new double[windows.size()];
        for (Window w : windows) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the start-date study was cancelled");
            }
            Scenario ws = new Scenario(scenario.targets(), w.start(), w.end(), scenario.initialValue(),
                    scenario.missingDataPolicy());
            SimulationResult r = flows == null ? ScenarioSimulation.run(data, ws, on, false) : withFlows(data, ws, on, flows);
            Metrics onMetrics = r.on().orElseThrow().metrics();
            Metrics offMetrics = r.off().metrics();
            double premium = RollingWindows.premium(onMetrics.cagr(), offMetrics.cagr());
            premiums[w.index()] = premium;
            out.add(new WindowResult(w, onMetrics, offMetrics, premium, r.on().orElseThrow().cashFlows(),
                    r.off().cashFlows()));
            progress.windowsDone(out.size(), windows.size());
        }
        Summary summary = RollingWindows.summarize(premiums, scenario.start(), scenario.end(), lengthMonths);
        return new Result(f, lengthMonths, stepMonths, out, summary, flows != null);
    }

    /**
     * The window's run on the schedule, or without flows when the schedule has no flow date in it: the engine refuses
     * such a run before its loop starts (INVALID_REQUEST), and every other refusal of the window's scenario is the plain
     * run's too, so it is raised there.
     */
    private static SimulationResult withFlows(MarketData data, Scenario window, Optional<RebalancingRule> on,
                                              CashFlowSchedule flows) {
        try {
            return ScenarioSimulation.run(data, window, on, flows, false);
        } catch (EngineException e) {
            if (e.kind() != EngineException.Kind.INVALID_REQUEST) {
                throw e;
            }
            return ScenarioSimulation.run(data, window, on, false);
        }
    }
}
