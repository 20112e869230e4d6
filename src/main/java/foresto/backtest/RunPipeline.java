package foresto.backtest;

import foresto.engine.CashFlowSchedule;
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

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one way a run is made, in three explicit steps:
 * <ol>
 *   <li>{@link #check}: validate the request, the feature-flag gate, what it refers to (portfolio, dataset, a
 *       usable rule, today), the window, and its request hash — a {@link Plan};</li>
 *   <li>{@link #compute}: simulate the plan, cancellable before and after — a {@link Computed} run;</li>
 *   <li>{@link #store}: the run and its events in one transaction, on the dataset's unchanged data, with the
 *       {@link Cancellation} commit point right before the commit.</li>
 * </ol>
 * {@link #run} puts them together for a request (reusing a stored run of the same hash); the warm-up makes a plan
 * without a request, computes it and stores it {@linkplain #rehearse rolled back}; the studies run many plans.
 * Thread-safe.
 */
final class RunPipeline {
    private final Stores stores;
    private final FeatureFlags flags;
    private final Clock clock;
    private final Map<Long, MarketData> marketCache = new ConcurrentHashMap<>();

    RunPipeline(Stores stores, FeatureFlags flags, Clock clock) {
        this.stores = stores;
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * A checked run: what will be simulated on which data (with its flow schedule, null for none), its hash, and
     * the names it is described with.
     */
    record Plan(DatasetRecord dataset, MarketData data, Scenario scenario, Optional<RebalancingRule> rule, Long ruleId,
                CashFlowSchedule cashFlows, RequestHash hash, RunRequestInfo info) {
        /** The plan of {@code scenario} for {@code portfolio}, without flows. */
        static Plan of(PortfolioRecord portfolio, DatasetRecord dataset, MarketData data, Scenario scenario,
                       Optional<RebalancingRule> rule, Long ruleId, RunRequestInfo info) {
            return of(portfolio, dataset, data, scenario, rule, ruleId, null, info);
        }

        /** The plan of {@code scenario} for {@code portfolio}; its hash is the request hash of exactly that. */
        static Plan of(PortfolioRecord portfolio, DatasetRecord dataset, MarketData data, Scenario scenario,
                       Optional<RebalancingRule> rule, Long ruleId, CashFlowSchedule cashFlows, RunRequestInfo info) {
            RequestHash hash = new RequestHash(portfolio.portfolioId(), portfolio.weights(), scenario.start(),
                    scenario.end(), scenario.initialValue(), data.fingerprint(), scenario.missingDataPolicy(), rule,
                    cashFlows);
            return new Plan(dataset, data, scenario, rule, ruleId, cashFlows, hash, info);
        }
    }

    /** A computed run, not stored yet. */
    record Computed(Plan plan, NewRun run) {
        /** As a face shows it before it is stored: run id 0, no creation time. */
        RunView preview() {
            NewRun r = run;
            return RunView.of(new RunRecord(0, r.requestHash(), r.canonicalRequest(), r.info(), r.summary(),
                    r.computeMs(), null), r.paths(), r.events(), r.flows());
        }

        /** The same run with another compute time. */
        Computed withComputeMs(double ms) {
            NewRun r = run;
            return new Computed(plan, new NewRun(r.requestHash(), r.canonicalRequest(), r.info(), r.summary(), r.paths(),
                    ms, r.withRule(), r.ruleId(), r.events(), r.flows()));
        }
    }

    /** A run's answer; {@code fresh}: the new run's view built from memory, null when the run was reused. */
    record Outcome(BacktestResult result, RunView fresh) {
    }

    /**
     * Check → reuse the stored run of the same hash, or compute → hand the computed run to {@code computed} →
     * store. A cancelled run stores nothing and ends with a CancellationException.
     */
    Outcome run(BacktestRequest req, Cancellation cancellation, Consumer<RunView> computed) {
        Plan plan = check(req);
        Optional<RunRecord> existing = stores.runs().findByHash(plan.hash().hex());
        if (existing.isPresent()) {
            return new Outcome(reused(existing.get(), plan.info()), null);
        }
        Computed run = compute(plan, cancellation);
        RunView preview = run.preview();
        computed.accept(preview);
        Optional<Long> runId = store(run, cancellation);
        NewRun r = run.run();
        if (runId.isEmpty()) { // a concurrent twin was stored first: reuse its run
            return new Outcome(reused(stores.runs().findByHash(r.requestHash()).orElseThrow(() ->
                    new ForestoException(ErrorCode.INTERNAL_ERROR, "a concurrent run vanished")), plan.info()), null);
        }
        RunRecord stored = new RunRecord(runId.get(), r.requestHash(), r.canonicalRequest(), r.info(), r.summary(),
                r.computeMs(), OffsetDateTime.now(clock));
        return new Outcome(new BacktestResult(runId.get(), r.requestHash(), false, r.info(), r.summary()),
                preview.withRecord(stored));
    }

    /**
     * A stored run answers an equal request. It is described with this request's own names (its rule id and
     * name may differ from the run's first requester's: equal parameters, another rule row).
     */
    private static BacktestResult reused(RunRecord r, RunRequestInfo asked) {
        return new BacktestResult(r.runId(), r.requestHash(), true, asked, r.summary());
    }

    /** Step 1: the request checked against the flags, the stored data and today, as a plan with its hash. */
    Plan check(BacktestRequest req) {
        // what needs no database
        double initialValue = req.initialValue() == null ? 1.0 : req.initialValue();
        Scenario.requireInitialValue(initialValue);
        MissingDataPolicy policy = req.missingDataPolicy() == null ? MissingDataPolicy.SKIP : req.missingDataPolicy();
        // the feature-flag gate, before anything is read or written
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
        // what the request refers to
        PortfolioRecord portfolio = activePortfolio(req.portfolioId());
        Stores.Datasets datasets = stores.datasets();
        DatasetRecord dataset = (req.datasetId() == null ? datasets.findDefault() : datasets.findById(req.datasetId()))
                .orElseThrow(() -> new ForestoException(ErrorCode.DATASET_NOT_FOUND, req.datasetId() == null
                        ? "there is no market dataset yet (import one with import-returns)"
                        : "no dataset with id " + req.datasetId()));
        Optional<RuleRecord> rule = req.rebalancingRuleId() == null ? Optional.empty()
                : Optional.of(usableRule(req.rebalancingRuleId()));
        Optional<RebalancingRule> engineRule = req.inlineRule() != null ? Optional.of(req.inlineRule())
                : rule.map(RuleRecord::toEngineRule);
        if (req.cashFlows() != null) {
            req.cashFlows().requireRuleFor(engineRule.isPresent());
        }
        LocalDate start = req.startDate() == null ? dataset.firstDate() : req.startDate();
        LocalDate end = req.endDate() == null ? dataset.lastDate() : req.endDate();
        Scenario scenario = new Scenario(portfolio.weights(), start, end, initialValue, policy);
        MarketData data = market(dataset);
        RunRequestInfo info = new RunRequestInfo(portfolio.portfolioId(), portfolio.name(), dataset.datasetId(),
                dataset.label(), start, end, initialValue, policy.name(), rule.map(RuleRecord::ruleId).orElse(null),
                req.inlineRule() != null ? "inline " + RuleCodec.spec(req.inlineRule()) : rule.map(RuleRecord::ruleName).orElse(null),
                req.inlineRule() != null ? RuleCodec.describe(req.inlineRule()) : rule.map(RuleRecord::describe).orElse(null));
        return Plan.of(portfolio, dataset, data, scenario, engineRule, rule.map(RuleRecord::ruleId).orElse(null),
                req.cashFlows(), info);
    }

    /**
     * A portfolio that exists and is active: a deactivated one is hidden from the pickers and takes no new runs
     * (its stored runs still open, read by id without this check).
     */
    PortfolioRecord activePortfolio(long portfolioId) {
        ListedPortfolio p = stores.portfolios().findListed(portfolioId).orElseThrow(() ->
                new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio with id " + portfolioId));
        if (!p.active()) {
            throw inactive(p.portfolio());
        }
        return p.portfolio();
    }

    static ForestoException inactive(PortfolioRecord p) {
        return new ForestoException(ErrorCode.PORTFOLIO_INACTIVE, "portfolio '" + p.name() + "' (id " + p.portfolioId()
                + ") is deactivated: it takes no new runs (its stored runs still open)");
    }

    /** A rule that exists, is active and is effective today (SEMANTICS §6). */
    RuleRecord usableRule(long ruleId) {
        RuleRecord r = stores.rules().findById(ruleId).orElseThrow(() ->
                new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rebalancing rule with id " + ruleId));
        if (!r.isActive()) {
            throw new ForestoException(ErrorCode.RULE_INACTIVE, "rule '" + r.ruleName() + "' (id " + ruleId + ") is not active");
        }
        Today today = Today.of(clock);
        if (!r.isEffectiveDuring(today)) {
            throw new ForestoException(ErrorCode.RULE_NOT_EFFECTIVE, "rule '" + r.ruleName() + "' (id " + ruleId
                    + ") is effective " + r.effectiveFrom() + ".." + (r.effectiveTo() == null ? "" : r.effectiveTo())
                    + ", not today (" + today + ")");
        }
        return r;
    }

    /** Step 2: simulates the plan (OFF and, with a rule, ON); cancellable before it starts and after it ends. */
    Computed compute(Plan plan, Cancellation cancellation) {
        cancellation.checkpoint();
        long t0 = System.nanoTime();
        SimulationResult result = ScenarioSimulation.run(plan.data(), plan.scenario(), plan.rule(), plan.cashFlows(),
                true);
        double computeMs = (System.nanoTime() - t0) / 1e6;
        cancellation.checkpoint();
        RunSummary summary = new RunSummary(result.off().metrics(), result.on().map(PathResult::metrics).orElse(null),
                result.off().periodsPerYear().value());
        List<RebalancingEvent> onEvents = result.on().map(PathResult::events).orElse(List.of());
        return new Computed(plan, new NewRun(plan.hash().hex(), plan.hash().canonicalJson(), plan.info(), summary,
                toStored(result), computeMs, plan.rule().isPresent(), plan.ruleId(), onEvents, RunFlows.of(result)));
    }

    /**
     * Step 3: stores the run and its events in one transaction, while the dataset still holds the data it was
     * computed on (else {@code DATASET_CHANGED}); {@code cancellation}'s commit point is the transaction's last
     * step. Empty when a run with the same hash was stored first.
     */
    Optional<Long> store(Computed run, Cancellation cancellation) {
        DatasetRecord dataset = run.plan().dataset();
        String fingerprint = run.plan().data().fingerprint();
        try {
            return stores.runs().inTransaction("storing the run", w -> {
                // the data this run was computed on must still be the dataset's data, and stay so until we commit
                if (!w.lockDatasetIfUnchanged(dataset.datasetId(), fingerprint)) {
                    throw datasetChanged(dataset);
                }
                Optional<Long> id = write(w, run.run());
                cancellation.beginCommit();
                return id;
            });
        } catch (RuntimeException e) {
            if (!cancellation.isCommitting()) {
                throw e; // before the point of no return: the transaction was rolled back, as a cancel would
            }
            return commitFailed(run.run().requestHash(), e);
        }
    }

    /**
     * The commit of a run that was past its point of no return failed (a cancel was answered "too late"). What is
     * stored decides the answer: the run stored after all (the commit's answer was lost) is answered as stored
     * (empty: the caller reads it back by its hash); else one coded failure that says nothing was stored.
     */
    private Optional<Long> commitFailed(String requestHash, RuntimeException e) {
        ForestoException failure = Failures.of(e);
        Optional<RunRecord> stored;
        try {
            stored = stores.runs().findByHash(requestHash);
        } catch (RuntimeException unknown) {
            failure.addSuppressed(unknown);
            throw new ForestoException(failure.code(), "storing the run failed at its commit and the database does not "
                    + "answer, so whether it was stored is not known; the history shows it if it was ("
                    + failure.getMessage() + ")", failure);
        }
        if (stored.isPresent()) {
            return Optional.empty();
        }
        throw new ForestoException(failure.code(), "storing the run failed at its commit; nothing was stored, run it "
                + "again (" + failure.getMessage() + ")", failure);
    }

    /** Step 3 rehearsed: the same writes in a transaction that is rolled back (nothing stays). */
    void rehearse(Computed run) {
        stores.runs().rolledBack("warming up", w -> write(w, run.run()));
    }

    /**
     * Writes a run, its events when it has a rule and its cash flows when it has a schedule; empty when a run with
     * this hash is already stored.
     */
    private static Optional<Long> write(Stores.Writer w, NewRun run) throws SQLException {
        Optional<Long> id = w.insertRunIfAbsent(run);
        if (id.isPresent() && run.withRule()) {
            w.insertEvents(id.get(), run.ruleId(), run.events());
        }
        if (id.isPresent() && run.flows() != null) {
            w.insertCashFlows(id.get(), run.flows());
        }
        return id;
    }

    /** A dataset's market data (cached per dataset while its fingerprint is unchanged). */
    MarketData market(DatasetRecord d) {
        MarketData cached = marketCache.get(d.datasetId());
        if (cached != null && cached.fingerprint().equals(d.fingerprint())) {
            return cached;
        }
        MarketData loaded;
        try {
            loaded = stores.datasets().load(d.datasetId());
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
