package foresto.backtest;

import foresto.engine.RebalancingRule;

import java.util.Objects;

/**
 * A robustness study as any face asks for it: the scenario and rule A as a {@link BacktestRequest} (stored rule id or
 * inline rule), the kind, and the kind's own parameters; null means the default of SEMANTICS §12. Use the factory
 * of each kind.
 *
 * @param phases        timing: the phases P (null: 0 … m−1)
 * @param offsets       timing: the day offsets K (null: the rule's k; monthly 0 … 9)
 * @param lengthMonths  windows: L
 * @param stepMonths    windows: s (null: 1)
 * @param versusRuleId  bootstrap: rule B as a stored rule (with {@code versusInline} null: OFF when both are null)
 * @param versusInline  bootstrap: rule B given by its parameters
 * @param paths         bootstrap: J (null: 1,000)
 * @param block         bootstrap: b (null: max(1, round(f/12)))
 * @param seed          bootstrap: the seed, an unsigned 64-bit integer held in a long (null: 1)
 */
public record StudyRequest(StudyKind kind, BacktestRequest scenario, int[] phases, int[] offsets, Integer lengthMonths,
                           Integer stepMonths, Long versusRuleId, RebalancingRule versusInline, Integer paths,
                           Double block, Long seed) {
    public StudyRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scenario, "scenario");
        phases = phases == null ? null : phases.clone();
        offsets = offsets == null ? null : offsets.clone();
    }

    public static StudyRequest timing(BacktestRequest scenario, int[] phases, int[] offsets) {
        return new StudyRequest(StudyKind.TIMING, scenario, phases, offsets, null, null, null, null, null, null, null);
    }

    public static StudyRequest windows(BacktestRequest scenario, Integer lengthMonths, Integer stepMonths) {
        return new StudyRequest(StudyKind.WINDOWS, scenario, null, null, lengthMonths, stepMonths, null, null, null, null,
                null);
    }

    public static StudyRequest bootstrap(BacktestRequest scenario, Long versusRuleId, RebalancingRule versusInline,
                                         Integer paths, Double block, Long seed) {
        return new StudyRequest(StudyKind.BOOTSTRAP, scenario, null, null, null, null, versusRuleId, versusInline, paths,
                block, seed);
    }

    @Override
    public int[] phases() {
        return phases == null ? null : phases.clone();
    }

    @Override
    public int[] offsets() {
        return offsets == null ? null : offsets.clone();
    }
}
