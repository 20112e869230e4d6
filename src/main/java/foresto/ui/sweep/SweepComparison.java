package foresto.ui.sweep;

import static foresto.i18n.Messages.tr;
import foresto.backtest.InlineRule;
import foresto.backtest.SweepRunner;
import foresto.engine.CashFlowSchedule;
import foresto.engine.MarketData;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.ui.chart.ChartColour;
import foresto.ui.chart.TimeSeriesChart;
import foresto.ui.common.TaskExecutor;
import foresto.ui.common.UiError;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The swept cells chosen for comparison and their value paths, overlaid with OFF's. Each path is the same single
 * run as its cell, recomputed in the background on the last sweep's data, scenario and flow schedule.
 */
final class SweepComparison {
    static final String OFF_NAME = "main.charts.offName";
    static final String FAILED = "sweep.compareFailed";
    /**
     * The compared cells' line colours in order: the palette without OFF's grey, which is OFF's here as on every
     * other chart, the blues and purple first so their frames show on the heatmap's greens and reds (palette slots,
     * so a theme's colours apply).
     */
    private static final List<Color> COLOURS = List.of(TimeSeriesChart.ON_COLOUR, ChartColour.SERIES_4.fallback(),
            ChartColour.SERIES_6.fallback(), ChartColour.SERIES_7.fallback(), ChartColour.SERIES_5.fallback(),
            ChartColour.SERIES_8.fallback(), ChartColour.SERIES_3.fallback());
    private final TaskExecutor executor;
    private final Consumer<UiError> errors;
    private final int max;
    /** Up to {@link #max} cells ({rule, cost}) whose value paths are overlaid for comparison. */
    private final ObservableList<int[]> compared = FXCollections.observableArrayList();
    /** The compared cells' value paths and OFF's (computed in the background when the choice changes). */
    private final ObjectProperty<List<TimeSeriesChart.Line>> paths = new SimpleObjectProperty<>(List.of());
    private MarketData lastData;
    private Scenario lastScenario;
    private CashFlowSchedule lastFlows;

    SweepComparison(TaskExecutor executor, Consumer<UiError> errors, int max) {
        this.executor = executor;
        this.errors = errors;
        this.max = max;
    }

    ObservableList<int[]> compared() {
        return compared;
    }

    ObjectProperty<List<TimeSeriesChart.Line>> pathsProperty() {
        return paths;
    }

    /** A new sweep starts: nothing is compared. */
    void clear() {
        compared.clear();
        paths.set(List.of());
    }

    /**
     * The data, scenario and flow schedule (null: none) the sweep under way runs on (set from its worker), which the
     * paths are computed on.
     */
    void sweptOn(MarketData data, Scenario scenario, CashFlowSchedule flows) {
        lastData = data;
        lastScenario = scenario;
        lastFlows = flows;
    }

    /**
     * Adds cell (rule i, cost j) of {@code r} to the comparison, or removes it when it is there; at most
     * {@link #max} (the oldest goes). The paths are then recomputed in the background.
     */
    void toggle(SweepRunner.Result r, int i, int j) {
        boolean removed = compared.removeIf(c -> c[0] == i && c[1] == j);
        if (!removed) {
            if (compared.size() == max) {
                compared.remove(0);
            }
            compared.add(new int[] {i, j});
        }
        List<int[]> cells = List.copyOf(compared);
        MarketData data = lastData;
        Scenario scenario = lastScenario;
        CashFlowSchedule flows = lastFlows;
        executor.submit("compare", () -> {
            List<TimeSeriesChart.Line> lines = new ArrayList<>();
            for (int k = 0; k < cells.size(); k++) {
                SweepRunner.Row row = r.at(cells.get(k)[0], cells.get(k)[1]);
                RebalancingRule rule = InlineRule.of(row.rule(), null, row.costRate(), row.check(), row.rebalanceTo());
                var on = ScenarioSimulation.run(data, scenario, Optional.of(rule), flows, false).on().orElseThrow();
                lines.add(line(CellWords.cell(row), on, colour(k)));
            }
            lines.add(line(tr(OFF_NAME), off(data, scenario, flows), TimeSeriesChart.OFF_COLOUR));
            return lines;
        }, paths::set, t -> errors.accept(UiError.of(tr(FAILED), t)), () -> { });
    }

    /** OFF's path, on the flow schedule (allocated pro rata, as OFF always is) when there is one. */
    static PathResult off(MarketData data, Scenario scenario, CashFlowSchedule flows) {
        return flows == null ? ScenarioSimulation.off(data, scenario, false).off()
                : ScenarioSimulation.run(data, scenario, Optional.empty(), flows.withAllocation(null), false).off();
    }

    /** The line colour (a palette slot) of the {@code k}-th compared cell; never OFF's grey. */
    static Color colour(int k) {
        return COLOURS.get(k % COLOURS.size());
    }

    private static TimeSeriesChart.Line line(String name, PathResult p, Color colour) {
        double[] x = new double[p.dates().length];
        for (int k = 0; k < x.length; k++) {
            x[k] = p.dates()[k].toEpochDay();
        }
        return new TimeSeriesChart.Line(name, x, p.values(), colour);
    }
}
