package foresto.engine.robust;

import foresto.engine.MarketData;
import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioCalendar;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
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

    /** One window: its requested dates, its ON and OFF metrics and its premium. */
    public record WindowResult(Window window, Metrics on, Metrics off, double premium) {
    }

    /** The study: f of the dataset, every window in order, and the summary over the premiums. */
    public record Result(PeriodsPerYear periodsPerYear, int lengthMonths, int stepMonths, List<WindowResult> windows,
                         Summary summary) {
        public Result {
            windows = List.copyOf(windows);
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
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        List<Window> windows = RollingWindows.windows(scenario.start(), scenario.end(), lengthMonths, stepMonths);
        // the whole study's scenario first: its errors (window outside the data, a class not in it) name the
        // study's dates, and its calendar gives f, the dataset's (every window's run has the same)
        PeriodsPerYear f = ScenarioCalendar.prepare(data, scenario).periodsPerYear();
        Optional<RebalancingRule> on = Optional.of(rule);
        List<WindowResult> out = new ArrayList<>(windows.size());
        double[] premiums = new double[windows.size()];
        for (Window w : windows) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the start-date study was cancelled");
            }
            Scenario ws = new Scenario(scenario.targets(), w.start(), w.end(), scenario.initialValue(),
                    scenario.missingDataPolicy());
            SimulationResult r = ScenarioSimulation.run(data, ws, on, false);
            Metrics onMetrics = r.on().orElseThrow().metrics();
            Metrics offMetrics = r.off().metrics();
            double premium = RollingWindows.premium(onMetrics.cagr(), offMetrics.cagr());
            premiums[w.index()] = premium;
            out.add(new WindowResult(w, onMetrics, offMetrics, premium));
            progress.windowsDone(out.size(), windows.size());
        }
        Summary summary = RollingWindows.summarize(premiums, scenario.start(), scenario.end(), lengthMonths);
        return new Result(f, lengthMonths, stepMonths, out, summary);
    }
}
