package foresto.backtest;

import foresto.engine.RebalancingRule;
import foresto.engine.robust.TimingGrid;
import foresto.model.StudyInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked robustness study: everything resolved (defaults filled in, input refused before anything is computed
 * or stored), its hash, and an estimate of its work so a face can decide whether to wait for it.
 */
public final class StudyPlan {
    final StudyKind kind;
    final RunPipeline.Plan scenario;
    final RebalancingRule ruleA;
    final Optional<RebalancingRule> ruleB;
    final List<TimingGrid.Cell> cells;
    final int[] phases;
    final int[] offsets;
    final int lengthMonths;
    final int stepMonths;
    final int paths;
    final double block;
    final long seed;
    final Map<String, Object> parameters;
    final StudyHash hash;
    final StudyInfo info;
    final long workUnits;

    StudyPlan(StudyKind kind, RunPipeline.Plan scenario, RebalancingRule ruleA, Optional<RebalancingRule> ruleB,
              List<TimingGrid.Cell> cells, int[] phases, int[] offsets, int lengthMonths, int stepMonths, int paths,
              double block, long seed, Map<String, Object> parameters, StudyHash hash, StudyInfo info, long workUnits) {
        this.kind = kind;
        this.scenario = scenario;
        this.ruleA = ruleA;
        this.ruleB = ruleB;
        this.cells = cells;
        this.phases = phases;
        this.offsets = offsets;
        this.lengthMonths = lengthMonths;
        this.stepMonths = stepMonths;
        this.paths = paths;
        this.block = block;
        this.seed = seed;
        this.parameters = parameters;
        this.hash = hash;
        this.info = info;
        this.workUnits = workUnits;
    }

    public StudyKind kind() {
        return kind;
    }

    /** The study hash (SHA-256, lower-case hex). */
    public String hash() {
        return hash.hex();
    }

    public StudyInfo info() {
        return info;
    }

    /**
     * Path-days the study will simulate: variants × dates (timing, OFF included), ON and OFF × each window's dates
     * (windows), A and B × paths × dates (bootstrap).
     */
    public long workUnits() {
        return workUnits;
    }
}
