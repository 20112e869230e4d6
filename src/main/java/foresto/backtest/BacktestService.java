package foresto.backtest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.db.EventRepository;
import foresto.engine.CashFlowSchedule;
import foresto.engine.EngineException;
import foresto.engine.FlowAllocation;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.engine.Scenario;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.DatasetRecord;
import foresto.model.ListedPortfolio;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import foresto.model.Today;
import foresto.rule.RuleCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one entry point every face calls to turn a request into a stored run, through the {@link RunPipeline}
 * (check → compute → store), and to read what is stored. Built on {@link Stores} (ports), so it runs on
 * PostgreSQL or on anything else that keeps runs. Thread-safe.
 */
public final class BacktestService {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestService.class);
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };
    private final Stores stores;
    private final FeatureFlags flags;
    private final Clock clock;
    private final RunPipeline pipeline;
    private final RobustnessService robustness;

    public BacktestService(Stores stores, FeatureFlags flags, Clock clock) {
        this.stores = stores;
        this.flags = flags;
        this.clock = clock;
        this.pipeline = new RunPipeline(stores, flags, clock);
        this.robustness = new RobustnessService(stores, flags, pipeline);
    }

    /** The service on one PostgreSQL database ({@link JdbcStores}), as every face wires it. */
    public BacktestService(DataSource ds, FeatureFlags flags, Clock clock) {
        this(JdbcStores.on(ds), flags, clock);
    }

    /** The robustness studies on the same stores, flags and market data cache. */
    public RobustnessService robustness() {
        return robustness;
    }

    public FeatureFlags flags() {
        return flags;
    }

    /** The dates that are today somewhere on Earth, against which rule validity is checked. */
    public Today today() {
        return Today.of(clock);
    }

    public BacktestResult run(BacktestRequest req) {
        return run(req, new Cancellation());
    }

    /**
     * As {@link #run(BacktestRequest)}, cancellable through {@code cancellation} until the run starts to
     * commit: a cancelled run stores nothing and ends with a CancellationException.
     */
    public BacktestResult run(BacktestRequest req, Cancellation cancellation) {
        return outcome(req, cancellation, v -> { }).result();
    }

    /** A run's answer and what to show for it. */
    public record Shown(BacktestResult result, RunView view) {
    }

    /**
     * As {@link #run(BacktestRequest, Cancellation)}, and the run to show: a new run's paths and events as they
     * were just computed and stored (not read back), a reused run as stored.
     */
    public Shown runAndShow(BacktestRequest req, Cancellation cancellation) {
        return runAndShow(req, cancellation, v -> { });
    }

    /**
     * As {@link #runAndShow(BacktestRequest, Cancellation)}; a new run is also handed to {@code computed} as soon as
     * it is computed, before it is stored (its record's run id is 0 then), so a face can show it while it is
     * being stored. If storing then fails or is cancelled, this throws as usual and nothing was stored.
     */
    public Shown runAndShow(BacktestRequest req, Cancellation cancellation, Consumer<RunView> computed) {
        RunPipeline.Outcome o = outcome(req, cancellation, computed);
        return new Shown(o.result(), o.fresh() != null ? o.fresh() : open(o.result().runId()));
    }

    private RunPipeline.Outcome outcome(BacktestRequest req, Cancellation cancellation, Consumer<RunView> computed) {
        try {
            return pipeline.run(req, cancellation, computed);
        } catch (EngineException e) {
            throw Failures.of(e); // the engine's terms become the application's codes here
        }
    }

    /**
     * What the stored run {@code run} (one with a rule and a flow schedule, SEMANTICS §13) would have been had its ON
     * path allocated the same flows by {@code allocation}: the run's own request with only the allocation changed,
     * through the pipeline's check and compute steps (the engine entry every run takes), computed and not stored, so
     * the history gets no row the analyst never asked for. Empty when the run has no rule or no schedule, or when that
     * request today would not be the same run with another allocation (its portfolio or dataset changed, was
     * deactivated or removed since, or it was computed under older semantics); cancellable before and after the
     * simulation.
     */
    public Optional<RunSummary> withAllocation(RunRecord run, FlowAllocation allocation, Cancellation cancellation) {
        CashFlowSchedule schedule = RunView.scheduleOf(run);
        JsonNode canonical = canonical(run);
        JsonNode rule = canonical.path("rebalancing");
        if (schedule == null || !rule.isObject()) {
            return Optional.empty();
        }
        RunRequestInfo info = run.request();
        BacktestRequest req = new BacktestRequest(info.portfolioId(), info.datasetId(), info.startDate(),
                info.endDate(), info.initialValue(), MissingDataPolicy.valueOf(info.missingDataPolicy()), null,
                RuleCodec.fromHashParameters(Json.mapper().convertValue(rule, PARAMETERS)),
                schedule.withAllocation(allocation));
        try {
            RunPipeline.Plan plan;
            try {
                plan = pipeline.check(req);
            } catch (ForestoException e) {
                LOG.info("run #{} is not compared with {} allocation: {}", run.runId(), allocation, e.getMessage());
                return Optional.empty();
            }
            ObjectNode expected = canonical.deepCopy();
            ((ObjectNode) expected.get("cash_flows")).put("flow_allocation", allocation.name());
            if (!expected.equals(canonical(plan.hash().canonicalJson(), run.runId()))) {
                LOG.info("run #{} is not compared with {} allocation: its request no longer makes the same run",
                        run.runId(), allocation);
                return Optional.empty();
            }
            return Optional.of(pipeline.compute(plan, cancellation).run().summary());
        } catch (EngineException e) {
            throw Failures.of(e);
        }
    }

    private static JsonNode canonical(RunRecord run) {
        return canonical(run.canonicalRequest(), run.runId());
    }

    private static JsonNode canonical(String json, long runId) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("canonical request of run " + runId + " is not JSON", e);
        }
    }

    /** A rule that exists, is active and is effective today (SEMANTICS §6). */
    public RuleRecord usableRule(long ruleId) {
        return pipeline.usableRule(ruleId);
    }

    /** Rules a run may use now: active and effective today. */
    public List<RuleRecord> usableRules() {
        Today today = today();
        return stores.rules().findAll().stream().filter(r -> r.isActive() && r.isEffectiveDuring(today)).toList();
    }

    public List<PortfolioRecord> portfolios() {
        return stores.portfolios().findAll();
    }

    /** Every portfolio, active or not (the pickers use {@link #portfolios()}, the active ones). */
    public List<ListedPortfolio> portfolioListing() {
        return stores.portfolios().listAll();
    }

    public List<DatasetRecord> datasets() {
        return stores.datasets().findAll();
    }

    public List<RunRecord> history(int limit) {
        return stores.runs().recent(limit);
    }

    public RunRecord findRun(long runId) {
        return stores.runs().findById(runId).orElseThrow(() ->
                new ForestoException(ErrorCode.RUN_NOT_FOUND, "no run with id " + runId));
    }

    /** A stored run's events, ordered by event_date ascending. */
    public List<RebalancingEvent> events(long runId) {
        findRun(runId);
        return stores.runs().events(runId);
    }

    /** The number of events of a stored run ({@code RUN_NOT_FOUND} for an unknown run). */
    public long eventCount(long runId) {
        findRun(runId);
        return stores.runs().countEvents(runId);
    }

    /** A stored run's events in event_date order, a page at a time, without holding them all in memory. */
    public void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink) {
        stores.runs().streamEvents(runId, offset, limit, sink);
    }

    /** Throws {@code DATABASE_UNAVAILABLE} unless the database answers now. */
    public void checkDatabase() {
        if (!stores.runs().answers()) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "the database does not answer");
        }
    }

    /** A stored run's cash flows (SEMANTICS §13.5); empty for a run without a flow schedule. */
    public Optional<RunFlows> cashFlows(long runId) {
        findRun(runId);
        return stores.runs().cashFlows(runId);
    }

    /** A stored run's paths (dates, values, weights) without its events, which may be many. */
    public StoredPaths paths(long runId) {
        findRun(runId);
        return stores.runs().loadPaths(runId);
    }

    /** A stored run with its paths, events and cash flows, without recomputing anything. */
    public RunView open(long runId) {
        RunRecord r = findRun(runId);
        return RunView.of(r, stores.runs().loadPaths(runId), stores.runs().events(runId),
                stores.runs().cashFlows(runId).orElse(null));
    }

    /**
     * Prepares for a quick first run, storing nothing: loads the default dataset into the cache and runs the
     * pipeline's compute step a few times on it (first portfolio; a calendar rule and a band rule), so the JIT has
     * compiled the hot loops before the analyst presses Run, then its store step rolled back; returns that run,
     * computed but not stored, so a face can warm its screen with it. Failures are ignored (empty): this is only
     * an optimisation.
     */
    public Optional<RunView> warmUp() {
        try {
            Optional<DatasetRecord> d = stores.datasets().findDefault();
            List<PortfolioRecord> ps = stores.portfolios().findAll();
            if (d.isEmpty() || ps.isEmpty()) {
                return Optional.empty();
            }
            MarketData data = pipeline.market(d.get());
            PortfolioRecord p = ps.get(0);
            Scenario scenario = new Scenario(p.weights(), d.get().firstDate(), d.get().lastDate(), 10_000, MissingDataPolicy.SKIP);
            RunRequestInfo info = new RunRequestInfo(p.portfolioId(), p.name(), d.get().datasetId(), d.get().label(),
                    scenario.start(), scenario.end(), 10_000, MissingDataPolicy.SKIP.name(), null, "warm-up", "warm-up");
            List<RunPipeline.Plan> plans = List.of(InlineRule.of("monthly", null, 0.001, null, null),
                    InlineRule.of("drift:0.05", null, 0.001, null, null)).stream()
                    .map(r -> RunPipeline.Plan.of(p, d.get(), data, scenario, Optional.of(r), null, info)).toList();
            RunPipeline.Computed last = null;
            for (int i = 0; i < 4; i++) {
                for (RunPipeline.Plan plan : plans) {
                    last = pipeline.compute(plan, new Cancellation());
                }
            }
            // the storing path too (statements, JSON, the paths' encoding), in a transaction that is rolled back
            RunPipeline.Computed band = last.withComputeMs(0.0);
            pipeline.rehearse(band);
            history(200);
            // the last warm-up run as a face would show it (computed, not stored: run id 0), to warm the screen too
            return Optional.of(band.preview());
        } catch (RuntimeException ignored) {
            // a warm-up that fails changes nothing: the first run will simply be slower
            return Optional.empty();
        }
    }

    /** A dataset's market data (cached per dataset while its fingerprint is unchanged). */
    public MarketData marketData(DatasetRecord d) {
        return pipeline.market(d);
    }

    MarketData market(DatasetRecord d) {
        return pipeline.market(d);
    }
}
