package foresto.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.db.StudyRepository;
import foresto.engine.EngineException;
import foresto.engine.RebalancingRule;
import foresto.engine.ScenarioCalendar;
import foresto.engine.Sweep;
import foresto.engine.robust.BootstrapStudy;
import foresto.engine.robust.RollingWindows;
import foresto.engine.robust.StationaryBootstrap;
import foresto.engine.robust.TimingGrid;
import foresto.engine.robust.TimingStudy;
import foresto.engine.robust.WindowsStudy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.RuleRecord;
import foresto.model.StudyInfo;
import foresto.model.StudyRecord;
import foresto.rule.RuleCodec;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one entry for the robustness studies (SEMANTICS §12) on stored data, for every face: check the request
 * (coded 400-class errors, nothing stored), reuse the stored study of the same hash, or compute it through the pure
 * studies of {@code engine.robust} (cancellable, with progress) and store it. Gated by {@code USE_REBALANCING}: every
 * study runs a rule. Thread-safe.
 */
public final class RobustnessService {
    /**
     * How many path-days of the batch engine one path-day of a bootstrap with a flow schedule counts for: such a path
     * runs through the single-path engine (the batch engine has no flows), about as dear per path-day as a start-date
     * study's windows. Measured: a 1,000-path daily bootstrap took 3.3 s plain and 7.5 s with a monthly contribution
     * on the same machine, and a start-date study costs about 1 µs per path-day against the bootstrap's 0.3 µs; 3 keeps
     * the request deadline's estimate on the safe side.
     */
    static final int FLOW_PATH_WEIGHT = 3;
    private final Stores stores;
    private final FeatureFlags flags;
    private final RunPipeline pipeline;

    /** Progress: {@code done} of {@code total} variants, windows or paths (called from worker threads). */
    @FunctionalInterface
    public interface Progress {
        void done(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    /**
     * The engine's own result of a study, handed over before its JSON is stored (the app draws per-variant value
     * paths and per-path differences that the stored answer does not hold). Called on the worker thread.
     */
    public interface Computed {
        default void timing(TimingStudy.Result result) {
        }

        default void windows(WindowsStudy.Result result) {
        }

        default void bootstrap(BootstrapStudy.Result result) {
        }

        Computed NONE = new Computed() {
        };
    }

    public RobustnessService(Stores stores, FeatureFlags flags, Clock clock) {
        this(stores, flags, new RunPipeline(stores, flags, clock));
    }

    /** Sharing a backtest service's pipeline (and so its market data cache). */
    RobustnessService(Stores stores, FeatureFlags flags, RunPipeline pipeline) {
        this.stores = stores;
        this.flags = flags;
        this.pipeline = pipeline;
    }

    public FeatureFlags flags() {
        return flags;
    }

    /** Check → reuse or compute → store; a cancelled study stores nothing and ends with a CancellationException. */
    public StudyResult run(StudyRequest req, Cancellation cancellation, Progress progress) {
        StudyPlan plan = check(req);
        Optional<StudyResult> stored = stored(plan);
        return stored.isPresent() ? stored.get() : compute(plan, 0, cancellation, progress);
    }

    /**
     * As {@link #run(StudyRequest, Cancellation, Progress)}, and the engine's result goes to {@code computed}: the
     * one just computed and stored, or, for a reused study, the same plan computed again without storing anything.
     * The studies are deterministic (fixed seed, one path's sums sequential, identical for any thread count), so the
     * recomputed result is bit for bit the one the stored answer was made from. A bootstrap's paths run on
     * {@code threads} threads (a desktop leaves a core to its screen; the numbers are the same for any count).
     */
    public StudyResult run(StudyRequest req, Cancellation cancellation, Progress progress, Computed computed,
                           int threads) {
        StudyPlan plan = check(req);
        Optional<StudyResult> stored = stored(plan);
        if (stored.isEmpty()) {
            return compute(plan, 0, cancellation, progress, computed, threads);
        }
        cancellation.checkpoint();
        try {
            answer(plan, cancellation, progress, computed, threads);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
        return stored.get();
    }

    /**
     * Step 1: the request checked (flag, referenced rows, the window, the kind's parameters) and resolved, with its
     * hash. Nothing is computed or stored; every refusal is a coded 400-class error.
     */
    public StudyPlan check(StudyRequest req) {
        try {
            return checked(req);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
    }

    private StudyPlan checked(StudyRequest req) {
        flags.requireRebalancingAllowed("rule"); // a study always runs a rule
        BacktestRequest s = req.scenario();
        if (s.rebalancingRuleId() == null && s.inlineRule() == null) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "a robustness study needs a rule: name a stored rule "
                    + "(rebalancing_rule_id) or give an inline rule (rule)");
        }
        checkParametersAlone(req);
        RunPipeline.Plan scenario = pipeline.check(s);
        RebalancingRule a = scenario.rule().orElseThrow();
        Optional<RebalancingRule> b = Optional.empty();
        String versusName = null;
        if (req.kind() == StudyKind.BOOTSTRAP) {
            if (req.versusRuleId() != null && req.versusInline() != null) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "name rule B as a stored rule or give it inline, "
                        + "not both");
            }
            if (req.versusRuleId() != null) {
                RuleRecord r = pipeline.usableRule(req.versusRuleId());
                b = Optional.of(r.toEngineRule());
                versusName = r.ruleName();
            } else if (req.versusInline() != null) {
                b = Optional.of(req.versusInline());
                versusName = "inline " + RuleCodec.spec(req.versusInline());
            }
            if (b.isPresent() && b.get().equals(a)) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "rule B (versus) is rule A itself: compare A with "
                        + "another rule or with off (buy-and-hold)");
            }
        }
        if (scenario.cashFlows() != null) {
            // the schedule needs a flow date in the study's window, as a single run's does (INVALID_REQUEST otherwise);
            // its other checks ran when it was built, the rule it needs is there
            Sweep.prepare(scenario.data(), scenario.scenario(), scenario.cashFlows(), true);
        }
        ScenarioCalendar calendar = ScenarioCalendar.prepare(scenario.data(), scenario.scenario());
        LocalDate[] dates = calendar.dates();
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<TimingGrid.Cell> cells = List.of();
        int[] phases = null;
        int[] offsets = null;
        int lengthMonths = 0;
        int stepMonths = 0;
        int paths = 0;
        double block = 0;
        long seed = 0;
        long work;
        String words;
        switch (req.kind()) {
            case TIMING -> {
                cells = TimingStudy.grid(a, req.phases(), req.offsets()); // INVALID_RULE for a daily-checked band
                phases = cells.stream().mapToInt(TimingGrid.Cell::phase).distinct().toArray();
                offsets = cells.stream().mapToInt(TimingGrid.Cell::dayOffset).distinct().sorted().toArray();
                parameters.put("phases", list(phases));
                parameters.put("offsets", list(offsets));
                work = (long) (cells.size() + 1) * dates.length;
                words = "phases " + list(phases) + ", offsets " + list(offsets);
            }
            case WINDOWS -> {
                lengthMonths = req.lengthMonths();
                stepMonths = req.stepMonths() == null ? 1 : req.stepMonths();
                List<RollingWindows.Window> windows = RollingWindows.windows(scenario.scenario().start(),
                        scenario.scenario().end(), lengthMonths, stepMonths); // INVALID_REQUEST when none fits
                parameters.put("length_months", lengthMonths);
                parameters.put("step_months", stepMonths);
                work = 0;
                for (RollingWindows.Window w : windows) {
                    work += 2L * datesBetween(dates, w.start(), w.end());
                }
                words = "L = " + lengthMonths + " months, step " + stepMonths + " months, " + windows.size() + " windows";
            }
            case BOOTSTRAP -> {
                paths = req.paths() == null ? BootstrapStudy.DEFAULT_PATHS : req.paths();
                block = req.block() == null
                        ? StationaryBootstrap.defaultMeanBlock(calendar.periodsPerYear().value()) : req.block();
                seed = req.seed() == null ? BootstrapStudy.DEFAULT_SEED : req.seed();
                parameters.put("paths", paths);
                parameters.put("block", block);
                parameters.put("seed", Long.toUnsignedString(seed));
                work = 2L * paths * dates.length * (scenario.cashFlows() == null ? 1 : FLOW_PATH_WEIGHT);
                words = "J = " + paths + ", b = " + CanonicalJson.number(block) + ", seed " + Long.toUnsignedString(seed);
            }
            default -> throw new IllegalStateException(req.kind().name());
        }
        StudyHash hash = new StudyHash(req.kind(), scenario.hash(), b, parameters);
        var ri = scenario.info();
        StudyInfo info = new StudyInfo(ri.portfolioId(), ri.portfolioName(), ri.datasetId(), ri.datasetName(),
                ri.startDate(), ri.endDate(), ri.initialValue(), ri.missingDataPolicy(), ri.ruleName(),
                req.kind() == StudyKind.BOOTSTRAP && versusName == null ? "OFF" : versusName, words);
        return new StudyPlan(req.kind(), scenario, a, b, cells, phases, offsets, lengthMonths, stepMonths, paths, block,
                seed, parameters, hash, info, work);
    }

    /** What can be refused before anything is read: J, b, L, s, and the sets' plain ranges. */
    private static void checkParametersAlone(StudyRequest req) {
        switch (req.kind()) {
            case TIMING -> {
                if (req.lengthMonths() != null || req.paths() != null || req.versusRuleId() != null
                        || req.versusInline() != null) {
                    throw new ForestoException(ErrorCode.INVALID_REQUEST, "a timing study takes phases and offsets, "
                            + "not windows' or bootstrap parameters");
                }
            }
            case WINDOWS -> {
                if (req.lengthMonths() == null) {
                    throw new ForestoException(ErrorCode.INVALID_REQUEST, "a start-date study needs the window length "
                            + "in months (length_months)");
                }
                if (req.lengthMonths() < 1 || (req.stepMonths() != null && req.stepMonths() < 1)) {
                    throw new ForestoException(ErrorCode.INVALID_REQUEST, "window length and step must be at least 1 "
                            + "month, got L = " + req.lengthMonths() + ", s = " + req.stepMonths());
                }
            }
            case BOOTSTRAP -> {
                if (req.paths() != null) {
                    StationaryBootstrap.requirePaths(req.paths());
                }
                if (req.block() != null) {
                    StationaryBootstrap.requireMeanBlock(req.block());
                }
            }
            default -> throw new IllegalStateException(req.kind().name());
        }
    }

    private static String list(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** How many of the ascending {@code dates} lie in [from, to]. */
    private static int datesBetween(LocalDate[] dates, LocalDate from, LocalDate to) {
        int lo = Arrays.binarySearch(dates, from);
        int hi = Arrays.binarySearch(dates, to);
        int first = lo >= 0 ? lo : -lo - 1;
        int afterLast = hi >= 0 ? hi + 1 : -hi - 1;
        return Math.max(0, afterLast - first);
    }

    /** The stored study of the plan's hash, as an answer with {@code reused} true. */
    public Optional<StudyResult> stored(StudyPlan plan) {
        return stores.studies().findByHash(plan.hash()).map(r -> result(r, true));
    }

    /** An id for a study that will be stored later by {@link #compute} (a face names it while it runs). */
    public long reserveId() {
        return stores.studies().reserveId();
    }

    /**
     * Steps 2 and 3: computes the plan and stores it with {@code studyId} (0: a new id), in one transaction on the
     * dataset's unchanged data; {@code cancellation}'s commit point is the transaction's last step. When an identical
     * study was stored meanwhile, that one answers ({@code reused}).
     */
    public StudyResult compute(StudyPlan plan, long studyId, Cancellation cancellation, Progress progress) {
        return compute(plan, studyId, cancellation, progress, Computed.NONE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #compute(StudyPlan, long, Cancellation, Progress)}, handing the engine's result to {@code computed};
     * a bootstrap's paths run on {@code threads} threads.
     */
    public StudyResult compute(StudyPlan plan, long studyId, Cancellation cancellation, Progress progress,
                               Computed computed, int threads) {
        cancellation.checkpoint();
        long t0 = System.nanoTime();
        ObjectNode answer;
        try {
            answer = answer(plan, cancellation, progress, computed, threads);
        } catch (EngineException e) {
            throw Failures.of(e);
        }
        double computeMs = (System.nanoTime() - t0) / 1e6;
        cancellation.checkpoint();
        String text = Json.write(answer);
        StudyRepository.NewRow row = new StudyRepository.NewRow(studyId, plan.hash(), plan.kind.name(),
                plan.hash.canonicalJson(), plan.info, CanonicalJson.write(plan.parameters),
                plan.kind == StudyKind.BOOTSTRAP ? plan.seed : null, Json.write(summary(plan.kind, answer)), text,
                computeMs);
        var dataset = plan.scenario.dataset();
        String fingerprint = plan.scenario.data().fingerprint();
        Optional<Long> id = stores.runs().inTransaction("storing the study", w -> {
            if (!w.lockDatasetIfUnchanged(dataset.datasetId(), fingerprint)) {
                throw RunPipeline.datasetChanged(dataset);
            }
            Optional<Long> stored = w.insertStudyIfAbsent(row);
            cancellation.beginCommit();
            return stored;
        });
        if (id.isEmpty()) { // a concurrent twin was stored first
            return stored(plan).orElseThrow(() -> new ForestoException(ErrorCode.INTERNAL_ERROR, "a concurrent study vanished"));
        }
        return new StudyResult(id.get(), false, plan.kind, answer);
    }

    private static ObjectNode answer(StudyPlan plan, Cancellation cancellation, Progress progress, Computed computed,
                                     int threads) {
        var data = plan.scenario.data();
        var scenario = plan.scenario.scenario();
        var flows = plan.scenario.cashFlows(); // null without a schedule: every study exactly as without flows
        return switch (plan.kind) {
            case TIMING -> {
                TimingStudy.Result r = TimingStudy.run(data, scenario, plan.ruleA, flows, plan.phases, plan.offsets,
                        progress::done, cancellation::isCancelled);
                computed.timing(r);
                yield RobustnessJson.timing(r);
            }
            case WINDOWS -> {
                WindowsStudy.Result r = WindowsStudy.run(data, scenario, plan.ruleA, flows, plan.lengthMonths,
                        plan.stepMonths, progress::done, cancellation::isCancelled);
                computed.windows(r);
                yield RobustnessJson.windows(r);
            }
            case BOOTSTRAP -> {
                BootstrapStudy.Result r = BootstrapStudy.run(data, scenario, plan.ruleA, plan.ruleB, flows, plan.paths,
                        plan.block, plan.seed, threads, progress::done,
                        cancellation::isCancelled);
                computed.bootstrap(r);
                yield RobustnessJson.bootstrap(r, true);
            }
        };
    }

    /** The headline figures History lists, taken from the answer. */
    static ObjectNode summary(StudyKind kind, ObjectNode answer) {
        ObjectNode s = Json.mapper().createObjectNode();
        switch (kind) {
            case TIMING -> {
                s.put("variants", answer.get("variants").size());
                s.set("timing_luck", answer.get("timing_luck"));
                s.set("spread", answer.get("spread"));
            }
            case WINDOWS -> {
                JsonNode sum = answer.get("summary");
                s.set("count", sum.get("count"));
                s.set("median", sum.get("median"));
                s.set("share_positive", sum.get("share_positive"));
            }
            case BOOTSTRAP -> {
                s.set("p_beats", answer.get("p_beats"));
                s.set("p_beats_se", answer.get("p_beats_se"));
                s.set("cagr_diff_median", answer.get("cagr_diff").get("median"));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return s;
    }

    /** The latest stored studies first (without their answers). */
    public List<StudyRecord> recent(int limit) {
        return stores.studies().recent(limit);
    }

    /** A stored study's answer, as when it was computed ({@code reused} true); empty for an unknown id. */
    public Optional<StudyResult> open(long studyId) {
        return stores.studies().findById(studyId).map(r -> result(r, true));
    }

    /**
     * A stored study as it was asked and answered, read back without recomputing it: its record, rule A (and a
     * bootstrap's B) from its canonical request, its parameters and its answer ({@code reused} true); empty for an
     * unknown id.
     */
    public Optional<OpenedStudy> opened(long studyId) {
        Optional<StudyRecord> found = stores.studies().findById(studyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StudyRecord r = found.get();
        String canonical = stores.studies().canonicalRequest(studyId).orElseThrow(() ->
                new ForestoException(ErrorCode.NOT_FOUND, "no study with id " + studyId));
        try {
            JsonNode doc = Json.mapper().readTree(canonical);
            RebalancingRule a = rule(doc.path("scenario").path("rebalancing"), studyId);
            JsonNode versus = doc.path("versus");
            Optional<RebalancingRule> b = versus.isObject() ? Optional.of(rule(versus, studyId)) : Optional.empty();
            return Optional.of(new OpenedStudy(r, a, b, Json.mapper().readTree(r.parameters()), result(r, true),
                    RunView.scheduleIn(doc.path("scenario"))));
        } catch (JsonProcessingException e) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored study " + studyId + " has an unreadable request: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static RebalancingRule rule(JsonNode parameters, long studyId) {
        if (!parameters.isObject()) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored study " + studyId + " names no rule in its request");
        }
        return RuleCodec.fromHashParameters(Json.mapper().convertValue(parameters, RULE_PARAMETERS));
    }

    private static final TypeReference<Map<String, Object>> RULE_PARAMETERS = new TypeReference<>() {
    };

    private StudyResult result(StudyRecord r, boolean reused) {
        String text = stores.studies().answer(r.studyId()).orElseThrow(() ->
                new ForestoException(ErrorCode.NOT_FOUND, "no study with id " + r.studyId()));
        try {
            return new StudyResult(r.studyId(), reused, StudyKind.valueOf(r.kind()),
                    Json.mapper().readValue(text, ObjectNode.class));
        } catch (JsonProcessingException e) {
            throw new ForestoException(ErrorCode.DATABASE_ERROR, "stored study " + r.studyId() + " has unreadable JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
