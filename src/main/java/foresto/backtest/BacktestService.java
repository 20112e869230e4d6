package foresto.backtest;

import foresto.model.DatasetRecord;
import foresto.db.EventRepository;
import foresto.db.Jdbc;
import foresto.db.MarketDataRepository;
import foresto.model.PortfolioRecord;
import foresto.db.PortfolioRepository;
import foresto.model.RuleRecord;
import foresto.db.RuleRepository;
import foresto.model.RunRecord;
import foresto.db.RunRepository;
import foresto.model.RunRequestInfo;
import foresto.model.RunSummary;
import foresto.model.StoredPaths;
import foresto.model.Today;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.rule.RuleCodec;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one entry point every face calls to turn a request into a stored run:
 * validate → feature-flag gate → rule checks (against today) → request hash → reuse the stored run or
 * simulate → store the run and all its events in one transaction. Thread-safe.
 */
public final class BacktestService {
    private final DataSource ds;
    private final FeatureFlags flags;
    private final Clock clock;
    private final PortfolioRepository portfolios;
    private final MarketDataRepository datasets;
    private final RuleRepository rules;
    private final RunRepository runs;
    private final EventRepository events;
    private final Map<Long, MarketData> marketCache = new ConcurrentHashMap<>();

    public BacktestService(DataSource ds, FeatureFlags flags, Clock clock) {
        this.ds = ds;
        this.flags = flags;
        this.clock = clock;
        this.portfolios = new PortfolioRepository(ds);
        this.datasets = new MarketDataRepository(ds);
        this.rules = new RuleRepository(ds);
        this.runs = new RunRepository(ds);
        this.events = new EventRepository(ds);
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
        return outcome(req, cancellation).result();
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
    public Shown runAndShow(BacktestRequest req, Cancellation cancellation, java.util.function.Consumer<RunView> computed) {
        Outcome o = outcome(req, cancellation, computed);
        return new Shown(o.result(), o.fresh() != null ? o.fresh() : open(o.result().runId()));
    }

    /** {@code fresh}: the new run's view built from memory; null when the run was reused. */
    private record Outcome(BacktestResult result, RunView fresh) {
    }

    private Outcome outcome(BacktestRequest req, Cancellation cancellation) {
        return outcome(req, cancellation, v -> { });
    }

    private Outcome outcome(BacktestRequest req, Cancellation cancellation, java.util.function.Consumer<RunView> computed) {
        try {
            return runChecked(req, cancellation, computed);
        } catch (foresto.engine.EngineException e) {
            throw Failures.of(e); // the engine's terms become the application's codes here
        }
    }

    private Outcome runChecked(BacktestRequest req, Cancellation cancellation, java.util.function.Consumer<RunView> computed) {
        // 1. validate what needs no database
        double initialValue = req.initialValue() == null ? 1.0 : req.initialValue();
        Scenario.requireInitialValue(initialValue);
        MissingDataPolicy policy = req.missingDataPolicy() == null ? MissingDataPolicy.SKIP : req.missingDataPolicy();
        // 2. the feature-flag gate, before anything is read or written
        if (req.rebalancingRuleId() != null) {
            flags.requireRebalancingAllowed("rebalancing_rule_id");
        }
        if (req.inlineRule() != null) {
            flags.requireRebalancingAllowed("rule");
            if (req.rebalancingRuleId() != null) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "name a stored rule (rebalancing_rule_id) or give "
                        + "an inline rule, not both");
            }
        }
        // 3. what the request refers to
        PortfolioRecord portfolio = portfolios.findById(req.portfolioId()).orElseThrow(() ->
                new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio with id " + req.portfolioId()));
        DatasetRecord dataset = (req.datasetId() == null ? datasets.findDefault() : datasets.findById(req.datasetId()))
                .orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, req.datasetId() == null
                        ? "there is no market dataset yet (import one with import-returns)"
                        : "no dataset with id " + req.datasetId()));
        Optional<RuleRecord> rule = req.rebalancingRuleId() == null ? Optional.empty()
                : Optional.of(usableRule(req.rebalancingRuleId()));
        Optional<RebalancingRule> engineRule = req.inlineRule() != null ? Optional.of(req.inlineRule())
                : rule.map(RuleRecord::toEngineRule);
        LocalDate start = req.startDate() == null ? dataset.firstDate() : req.startDate();
        LocalDate end = req.endDate() == null ? dataset.lastDate() : req.endDate();
        Scenario scenario = new Scenario(portfolio.weights(), start, end, initialValue, policy);
        MarketData data = market(dataset);

        // 4. the hash decides: reuse or simulate
        RequestHash hash = new RequestHash(portfolio.portfolioId(), portfolio.weights(), start, end, initialValue,
                data.fingerprint(), policy, engineRule);
        String hex = hash.hex();
        RunRequestInfo info = new RunRequestInfo(portfolio.portfolioId(), portfolio.name(), dataset.datasetId(),
                dataset.label(), start, end, initialValue, policy.name(), rule.map(RuleRecord::ruleId).orElse(null),
                req.inlineRule() != null ? "inline " + RuleCodec.spec(req.inlineRule()) : rule.map(RuleRecord::ruleName).orElse(null),
                req.inlineRule() != null ? RuleCodec.describe(req.inlineRule()) : rule.map(RuleRecord::describe).orElse(null));
        Optional<RunRecord> existing = runs.findByHash(hex);
        if (existing.isPresent()) {
            return new Outcome(reused(existing.get(), info), null);
        }
        cancellation.checkpoint();
        long t0 = System.nanoTime();
        SimulationResult result = ScenarioSimulation.run(data, scenario, engineRule, true);
        double computeMs = (System.nanoTime() - t0) / 1e6;
        cancellation.checkpoint();

        // 5. store run + events in one transaction; a concurrent twin makes us reuse its run instead
        RunSummary summary = new RunSummary(result.off().metrics(), result.on().map(PathResult::metrics).orElse(null));
        StoredPaths paths = toStored(result);
        List<RebalancingEvent> onEvents = result.on().map(PathResult::events).orElse(List.of());
        String canonical = hash.canonicalJson();
        RunView preview = RunView.of(new RunRecord(0, hex, canonical, info, summary, computeMs, null), paths, onEvents);
        computed.accept(preview);
        Optional<Long> runId = Jdbc.inTransaction(ds, "storing the run", c -> {
            // the data this run was computed on must still be the dataset's data, and stay so until we commit
            if (!MarketDataRepository.lockIfUnchanged(c, dataset.datasetId(), data.fingerprint())) {
                throw datasetChanged(dataset);
            }
            Optional<Long> id = write(c, hex, canonical, info, summary, paths, computeMs,
                    engineRule.isPresent(), rule.map(RuleRecord::ruleId).orElse(null), onEvents);
            cancellation.beginCommit();
            return id;
        });
        if (runId.isEmpty()) {
            return new Outcome(reused(runs.findByHash(hex).orElseThrow(() ->
                    new ForestoException(ErrorCode.INTERNAL_ERROR, "a concurrent run vanished")), info), null);
        }
        RunRecord stored = new RunRecord(runId.get(), hex, canonical, info, summary, computeMs,
                java.time.OffsetDateTime.now(clock));
        return new Outcome(new BacktestResult(runId.get(), hex, false, info, summary),
                new RunView(stored, paths, onEvents, preview.targets(), preview.threshold(), preview.bands()));
    }

    /**
     * A stored run answers an equal request. It is described with this request's own names (its rule id and
     * name may differ from the run's first requester's: equal parameters, another rule row).
     */
    private static BacktestResult reused(RunRecord r, RunRequestInfo asked) {
        return new BacktestResult(r.runId(), r.requestHash(), true, asked, r.summary());
    }

    /** A rule that exists, is active and is effective today (SEMANTICS §6). */
    public RuleRecord usableRule(long ruleId) {
        RuleRecord r = rules.findById(ruleId).orElseThrow(() ->
                new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rebalancing rule with id " + ruleId));
        if (!r.isActive()) {
            throw new ForestoException(ErrorCode.RULE_INACTIVE, "rule '" + r.ruleName() + "' (id " + ruleId + ") is not active");
        }
        Today today = today();
        if (!r.isEffectiveDuring(today)) {
            throw new ForestoException(ErrorCode.RULE_NOT_EFFECTIVE, "rule '" + r.ruleName() + "' (id " + ruleId
                    + ") is effective " + r.effectiveFrom() + ".." + (r.effectiveTo() == null ? "" : r.effectiveTo())
                    + ", not today (" + today + ")");
        }
        return r;
    }

    /** Rules a run may use now: active and effective today. */
    public List<RuleRecord> usableRules() {
        Today today = today();
        return rules.findAll().stream().filter(r -> r.isActive() && r.isEffectiveDuring(today)).toList();
    }

    public List<PortfolioRecord> portfolios() {
        return portfolios.findAll();
    }

    public List<DatasetRecord> datasets() {
        return datasets.findAll();
    }

    public List<RunRecord> history(int limit) {
        return runs.recent(limit);
    }

    public RunRecord findRun(long runId) {
        return runs.findById(runId).orElseThrow(() -> new ForestoException(ErrorCode.RUN_NOT_FOUND, "no run with id " + runId));
    }

    /** A stored run's events, ordered by event_date ascending. */
    public List<RebalancingEvent> events(long runId) {
        findRun(runId);
        return events.findByRun(runId);
    }

    /** The number of events of a stored run ({@code RUN_NOT_FOUND} for an unknown run). */
    public long eventCount(long runId) {
        findRun(runId);
        return events.countByRun(runId);
    }

    /** A stored run's events in event_date order, a page at a time, without holding them all in memory. */
    public void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink) {
        events.stream(runId, offset, limit, sink);
    }

    /** Throws {@code DATABASE_UNAVAILABLE} unless the database answers now. */
    public void checkDatabase() {
        boolean ok = Jdbc.query(ds, "checking the database", c -> c.isValid(2));
        if (!ok) {
            throw new ForestoException(ErrorCode.DATABASE_UNAVAILABLE, "the database does not answer");
        }
    }

    /** A stored run with its paths and events, without recomputing anything. */
    public RunView open(long runId) {
        RunRecord r = findRun(runId);
        return RunView.of(r, runs.loadPaths(runId), events.findByRun(runId));
    }

    /**
     * Prepares for a quick first run, storing nothing: loads the default dataset into the cache and runs the
     * engine a few times on it (first portfolio; a calendar rule and a band rule), so the JIT has compiled the
     * hot loops before the analyst presses Run; returns that run, computed but not stored, so a face can warm its
     * screen with it. Failures are ignored (empty): this is only an optimisation.
     */
    public Optional<RunView> warmUp() {
        try {
            Optional<DatasetRecord> d = datasets.findDefault();
            List<PortfolioRecord> ps = portfolios.findAll();
            if (d.isEmpty() || ps.isEmpty()) {
                return Optional.empty();
            }
            MarketData data = market(d.get());
            PortfolioRecord p = ps.get(0);
            Scenario scenario = new Scenario(p.weights(), d.get().firstDate(), d.get().lastDate(), 10_000, MissingDataPolicy.SKIP);
            RebalancingRule monthly = InlineRule.of("monthly", null, 0.001, null, null);
            List<RebalancingRule> rules = List.of(monthly, InlineRule.of("drift:0.05", null, 0.001, null, null));
            SimulationResult last = null;
            for (int i = 0; i < 4; i++) {
                for (RebalancingRule r : rules) {
                    last = ScenarioSimulation.run(data, scenario, Optional.of(r), true);
                }
            }
            // the storing path too (statements, JSON, the paths' encoding), in a transaction that is rolled back
            RequestHash hash = new RequestHash(p.portfolioId(), p.weights(), scenario.start(), scenario.end(), 10_000,
                    data.fingerprint(), MissingDataPolicy.SKIP, Optional.of(rules.get(1)));
            String hex = hash.hex();
            String canonical = hash.canonicalJson();
            RunRequestInfo info = new RunRequestInfo(p.portfolioId(), p.name(), d.get().datasetId(), d.get().label(),
                    scenario.start(), scenario.end(), 10_000, MissingDataPolicy.SKIP.name(), null, "warm-up", "warm-up");
            RunSummary summary = new RunSummary(last.off().metrics(), last.on().map(PathResult::metrics).orElse(null));
            StoredPaths paths = toStored(last);
            List<RebalancingEvent> events = last.on().map(PathResult::events).orElse(List.of());
            Jdbc.rolledBack(ds, "warming up", c -> write(c, hex, canonical, info, summary, paths, 0.0, true, null, events));
            history(200);
            // the last warm-up run as a face would show it (computed, not stored: run id 0), to warm the screen too
            return Optional.of(RunView.of(new RunRecord(0, hex, canonical, info, summary, 0.0, null), paths, events));
        } catch (RuntimeException ignored) {
            // a warm-up that fails changes nothing: the first run will simply be slower
            return Optional.empty();
        }
    }

    /** Writes a run and, when it has a rule, its events; empty when a run with this hash is already stored. */
    private static Optional<Long> write(java.sql.Connection c, String hex, String canonical, RunRequestInfo info,
                                        RunSummary summary, StoredPaths paths, double computeMs, boolean withRule,
                                        Long ruleId, List<RebalancingEvent> events) throws java.sql.SQLException {
        Optional<Long> id = RunRepository.insertIfAbsent(c, hex, canonical, info, summary, paths, computeMs);
        if (id.isPresent() && withRule) {
            EventRepository.insertAll(c, id.get(), ruleId, events);
        }
        return id;
    }

    /** A dataset's market data (cached per dataset while its fingerprint is unchanged). */
    public MarketData marketData(DatasetRecord d) {
        return market(d);
    }

    MarketData market(DatasetRecord d) {
        MarketData cached = marketCache.get(d.datasetId());
        if (cached != null && cached.fingerprint().equals(d.fingerprint())) {
            return cached;
        }
        MarketData loaded;
        try {
            loaded = datasets.load(d.datasetId());
        } catch (ForestoException e) {
            if (e.code() == ErrorCode.DATASET_NOT_FOUND) {
                throw datasetChanged(d);
            }
            throw e;
        }
        if (!loaded.fingerprint().equals(d.fingerprint())) {
            throw datasetChanged(d); // replaced between the look-up and the load
        }
        marketCache.put(d.datasetId(), loaded);
        return loaded;
    }

    static ForestoException datasetChanged(DatasetRecord d) {
        return new ForestoException(ErrorCode.DATASET_CHANGED, "the dataset '" + d.name() + "' was replaced or removed "
                + "while this run was being computed; nothing was stored, run it again");
    }

    private static StoredPaths toStored(SimulationResult r) {
        PathResult off = r.off();
        PathResult on = r.on().orElse(null);
        return new StoredPaths(off.dates(), off.values(), on == null ? null : on.values(), off.heldOrdinals(),
                off.closeWeights(), on == null ? null : on.closeWeights());
    }
}
