package foresto.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import foresto.db.RuleRepository;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEvent;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BacktestServiceTest {
    static ServiceFixture fx;
    static PortfolioRecord balanced;
    static RuleRecord monthly;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
        balanced = fx.portfolio("Balanced 60/30/10");
        monthly = fx.rule("P2_PERIODIC_MONTHLY_FTD_10BP");
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    static BacktestRequest request(Long ruleId) {
        return new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 3, 1),
                LocalDate.of(2022, 6, 30), 100.0, MissingDataPolicy.SKIP, ruleId);
    }

    private static ErrorCode codeOf(Runnable r) {
        ForestoException e = catchThrowableOfType(ForestoException.class, r::run);
        assertThat(e).as("expected a ForestoException").isNotNull();
        return e.code();
    }

    @Test
    void flagOffWithARuleIsRejectedAndWritesNothing() {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        assertThat(codeOf(() -> fx.service(false).run(request(monthly.ruleId())))).isEqualTo(ErrorCode.REBALANCING_DISABLED);
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
    }

    @Test
    void flagOffWithoutARuleRunsBuyAndHold() {
        BacktestResult r = fx.service(false).run(request(null).withRule(null));
        assertThat(r.summary().on()).isNull();
        assertThat(r.eventCount()).isZero();
        assertThat(fx.service(true).events(r.runId())).isEmpty();
    }

    @Test
    void missingInactiveAndNotEffectiveRulesHaveTheirCodes() {
        RuleRepository rules = new RuleRepository(fx.db.dataSource());
        RuleRecord inactive = rules.insert(new RuleRecord(null, "inactive", "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY",
                null, new BigDecimal("0.001"), ServiceFixture.TODAY, null, false, null, null));
        RuleRecord future = rules.insert(new RuleRecord(null, "future", "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY",
                null, new BigDecimal("0.001"), ServiceFixture.TODAY.plusDays(10), null, true, null, null));
        RuleRecord expired = rules.insert(new RuleRecord(null, "expired", "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY",
                null, new BigDecimal("0.001"), ServiceFixture.TODAY.minusDays(30), ServiceFixture.TODAY.minusDays(2), true, null, null));
        long runs = fx.count("simulation_run");
        BacktestService s = fx.service(true);
        assertThat(codeOf(() -> s.run(request(999_999L)))).isEqualTo(ErrorCode.RULE_NOT_FOUND);
        assertThat(codeOf(() -> s.run(request(inactive.ruleId())))).isEqualTo(ErrorCode.RULE_INACTIVE);
        assertThat(codeOf(() -> s.run(request(future.ruleId())))).isEqualTo(ErrorCode.RULE_NOT_EFFECTIVE);
        assertThat(codeOf(() -> s.run(request(expired.ruleId())))).isEqualTo(ErrorCode.RULE_NOT_EFFECTIVE);
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(s.usableRules()).extracting(RuleRecord::ruleName).doesNotContain("inactive", "future", "expired");
    }

    @Test
    void unknownPortfolioDatasetAndBadInputHaveCodes() {
        BacktestService s = fx.service(true);
        BacktestRequest r = request(null);
        assertThat(codeOf(() -> s.run(new BacktestRequest(424242, r.datasetId(), r.startDate(), r.endDate(), 1.0, null, null))))
                .isEqualTo(ErrorCode.PORTFOLIO_NOT_FOUND);
        assertThat(codeOf(() -> s.run(new BacktestRequest(r.portfolioId(), 424242L, r.startDate(), r.endDate(), 1.0, null, null))))
                .isEqualTo(ErrorCode.DATASET_NOT_FOUND);
        assertThat(codeOf(() -> s.run(new BacktestRequest(r.portfolioId(), r.datasetId(), LocalDate.of(1990, 1, 1), r.endDate(), 1.0, null, null))))
                .isEqualTo(ErrorCode.WINDOW_OUTSIDE_DATA);
        assertThat(codeOf(() -> s.run(new BacktestRequest(r.portfolioId(), r.datasetId(), r.startDate(), r.endDate(), -5.0, null, null))))
                .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void sameRequestTwiceReusesTheRunAndWritesNothingNew() {
        BacktestService s = fx.service(true);
        BacktestRequest req = new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 5, 3),
                LocalDate.of(2022, 5, 31), 1.0, MissingDataPolicy.ZERO, monthly.ruleId());
        BacktestResult first = s.run(req);
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        BacktestResult second = fx.service(true).run(req);
        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).isTrue();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(second.requestHash()).isEqualTo(first.requestHash());
        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
    }

    @Test
    void changingAnySingleHashedParameterMakesANewRun() {
        BacktestService s = fx.service(true);
        BacktestRequest base = new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 2, 1),
                LocalDate.of(2021, 12, 31), 1.0, MissingDataPolicy.SKIP, monthly.ruleId());
        RuleRecord pricier = new RuleRepository(fx.db.dataSource()).insert(new RuleRecord(null, "monthly 20bp", "PERIODIC",
                "MONTHLY", "FIRST_TRADING_DAY", null, new BigDecimal("0.002"), ServiceFixture.TODAY, null, true, null, null));
        RuleRecord lastDay = new RuleRepository(fx.db.dataSource()).insert(new RuleRecord(null, "monthly last day", "PERIODIC",
                "MONTHLY", "LAST_TRADING_DAY", null, new BigDecimal("0.001"), ServiceFixture.TODAY, null, true, null, null));
        List<BacktestRequest> variants = List.of(base,
                new BacktestRequest(fx.portfolio("Growth 80/20").portfolioId(), base.datasetId(), base.startDate(), base.endDate(), 1.0, MissingDataPolicy.SKIP, base.rebalancingRuleId()),
                new BacktestRequest(base.portfolioId(), base.datasetId(), base.startDate().plusDays(1), base.endDate(), 1.0, MissingDataPolicy.SKIP, base.rebalancingRuleId()),
                new BacktestRequest(base.portfolioId(), base.datasetId(), base.startDate(), base.endDate().minusDays(1), 1.0, MissingDataPolicy.SKIP, base.rebalancingRuleId()),
                new BacktestRequest(base.portfolioId(), base.datasetId(), base.startDate(), base.endDate(), 2.0, MissingDataPolicy.SKIP, base.rebalancingRuleId()),
                new BacktestRequest(base.portfolioId(), base.datasetId(), base.startDate(), base.endDate(), 1.0, MissingDataPolicy.ZERO, base.rebalancingRuleId()),
                base.withRule(fx.rule("P2_PERIODIC_QUARTERLY_FTD_10BP").ruleId()),
                base.withRule(fx.rule("P2_DRIFT_5PCT_10BP").ruleId()),
                base.withRule(pricier.ruleId()),
                base.withRule(lastDay.ruleId()),
                base.withRule(null));
        Set<Long> ids = new HashSet<>();
        for (BacktestRequest v : variants) {
            BacktestResult r = s.run(v);
            assertThat(ids.add(r.runId())).as(v.toString()).isTrue();
        }
    }

    @Test
    void eightConcurrentIdenticalRequestsEndWithOneRun() throws Exception {
        BacktestRequest req = new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2022, 1, 3),
                LocalDate.of(2023, 6, 30), 7.0, MissingDataPolicy.SKIP, monthly.ruleId());
        long runsBefore = fx.count("simulation_run");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BacktestResult>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BacktestService s = fx.service(true); // separate services: no shared in-memory state
            futures.add(pool.submit(() -> {
                go.await();
                return s.run(req);
            }));
        }
        go.countDown();
        Set<Long> ids = new HashSet<>();
        int fresh = 0;
        for (Future<BacktestResult> f : futures) {
            BacktestResult r = f.get();
            ids.add(r.runId());
            fresh += r.reused() ? 0 : 1;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(fresh).isEqualTo(1);
        assertThat(fx.count("simulation_run")).isEqualTo(runsBefore + 1);
        assertThat(fx.service(true).events(ids.iterator().next())).hasSize(17); // Feb 2022 .. Jun 2023
    }

    @Test
    void aFailureWhileEventsAreWrittenLeavesNeitherRunNorEvents() {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        // a real database failure in the middle of the event batch: the 5th event of any run raises
        fx.execute("CREATE FUNCTION foresto.fail_fifth() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF (SELECT count(*) FROM foresto.rebalancing_event WHERE simulation_run_id = NEW.simulation_run_id) >= 4 "
                + "THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
        fx.execute("CREATE TRIGGER fail_fifth BEFORE INSERT ON foresto.rebalancing_event FOR EACH ROW EXECUTE FUNCTION foresto.fail_fifth()");
        try {
            BacktestRequest req = new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 1, 4),
                    LocalDate.of(2021, 12, 31), 3.0, MissingDataPolicy.SKIP, monthly.ruleId());
            ForestoException e = catchThrowableOfType(ForestoException.class, () -> fx.service(true).run(req));
            assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_ERROR);
            assertThat(e.getMessage()).doesNotContain("password").doesNotContain("INSERT");
            assertThat(fx.count("simulation_run")).isEqualTo(runs);
            assertThat(fx.count("rebalancing_event")).isEqualTo(events);
        } finally {
            fx.execute("DROP TRIGGER fail_fifth ON foresto.rebalancing_event");
            fx.execute("DROP FUNCTION foresto.fail_fifth()");
        }
    }

    @Test
    void aMonthlyRunStoresOneEventPerMonthReadBackInDateOrderWithTheStandardKeys() {
        BacktestResult r = fx.service(true).run(new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(),
                LocalDate.of(2021, 1, 4), LocalDate.of(2023, 12, 29), 10_000.0, MissingDataPolicy.SKIP, monthly.ruleId()));
        List<RebalancingEvent> events = fx.service(true).events(r.runId());
        assertThat(events).hasSize(35); // Feb 2021 .. Dec 2023
        assertThat(r.eventCount()).isEqualTo(35);
        assertThat(events).extracting(RebalancingEvent::eventDate).isSorted();
        assertThat(events.stream().map(e -> YearMonth.from(e.eventDate())).collect(Collectors.toSet())).hasSize(35);
        JsonNode json = ResultJson.events(events);
        JsonNode e0 = json.get(0);
        assertThat(e0.fieldNames()).toIterable().containsExactlyInAnyOrder("event_date", "trigger_type", "trigger_detail",
                "before_weights", "after_weights", "turnover", "cost_rate", "cost_amount", "value_before", "value_after");
        assertThat(e0.get("after_weights").fieldNames()).toIterable().containsExactly("BOND", "EQUITY", "SHORT_TERM");
        assertThat(e0.get("trigger_detail").get("frequency").asText()).isEqualTo("MONTHLY");
        // stored values read back bit-identical to what the engine produced
        var open = fx.service(true).open(r.runId());
        assertThat(open.events()).isEqualTo(events);
        assertThat(open.paths().on()[open.paths().on().length - 1]).isEqualTo(r.summary().on().finalValue());
        assertThat(open.paths().offWeights()).hasNumberOfRows(3);
    }

    @Test
    void aNewRunIsShownFromMemoryExactlyAsItReadsBackAndAReusedRunIsReadBack() throws Exception {
        BacktestService svc = fx.service(true);
        // a drift rule with relative bands, so targets, threshold and per-class bands all matter
        BacktestRequest req = request(null).withInlineRule(InlineRule.of("drift-rel:0.25", null, 0.001, null, null));
        BacktestService.Shown fresh = svc.runAndShow(req, new Cancellation());
        assertThat(fresh.result().reused()).isFalse();
        RunView stored = svc.open(fresh.result().runId());
        RunView mem = fresh.view();
        assertThat(mem.paths().dates()).containsExactly(stored.paths().dates());
        assertThat(mem.paths().on()).containsExactly(stored.paths().on());
        assertThat(mem.paths().off()).containsExactly(stored.paths().off());
        assertThat(mem.paths().onWeights()).isDeepEqualTo(stored.paths().onWeights());
        assertThat(mem.events()).isEqualTo(stored.events());
        assertThat(mem.targets()).containsExactly(stored.targets());
        assertThat(mem.bands()).containsExactly(stored.bands());
        assertThat(mem.threshold()).isEqualTo(stored.threshold()).isEqualTo(1.0);
        assertThat(Json.mapper().readTree(mem.run().canonicalRequest()))
                .isEqualTo(Json.mapper().readTree(stored.run().canonicalRequest())); // jsonb re-spaces it
        // Balanced 60/30/10 with relative bands ρ = 0.25: β = ρ·w per class, from the request, not the code under test
        assertThat(mem.bands()).containsExactly(0.25 * 0.6, 0.25 * 0.3, 0.25 * 0.1);

        BacktestService.Shown again = svc.runAndShow(req, new Cancellation());
        assertThat(again.result().reused()).isTrue();
        assertThat(again.view().run().runId()).isEqualTo(fresh.result().runId());
        assertThat(again.view().events()).isEqualTo(stored.events());
    }

    @Test
    void warmUpStoresNothing() {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        var computed = fx.service(true).warmUp();
        // it hands back its last run as computed, not stored: run id 0, the band rule's 5 % threshold
        assertThat(computed).hasValueSatisfying(v -> {
            assertThat(v.run().runId()).isZero();
            assertThat(v.threshold()).isEqualTo(0.05);
            assertThat(v.paths().hasOn()).isTrue();
        });
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
    }
}
