package foresto.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CashFlowSchedule;
import foresto.engine.Frequency;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.json.Json;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The robustness service on the real PostgreSQL: answers, storage, reuse, refusals and cancellation. */
class RobustnessServiceTest {
    static final LocalDate START = LocalDate.of(2021, 3, 1);
    static final LocalDate END = LocalDate.of(2022, 6, 30);
    static ServiceFixture fx;
    static PortfolioRecord balanced;
    static RuleRecord quarterly;
    static RuleRecord monthly;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
        balanced = fx.portfolio("Balanced 60/30/10");
        quarterly = fx.rule("P2_PERIODIC_QUARTERLY_FTD_10BP");
        monthly = fx.rule("P2_PERIODIC_MONTHLY_FTD_10BP");
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    static BacktestRequest scenario(LocalDate start, LocalDate end) {
        return new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), start, end, 100.0,
                MissingDataPolicy.SKIP, null);
    }

    static BacktestRequest withRule(Long ruleId) {
        return scenario(START, END).withRule(ruleId);
    }

    static BacktestRequest inline(String spec) {
        return scenario(START, END).withInlineRule(InlineRule.of(spec, null, null, null, null));
    }

    RobustnessService service() {
        return fx.service(true).robustness();
    }

    StudyResult run(StudyRequest r) {
        return service().run(r, new Cancellation(), RobustnessService.Progress.NONE);
    }

    @Test
    void aBootstrapWithAFlowScheduleWeighsMoreAgainstTheRequestDeadline() {
        BacktestRequest plain = withRule(monthly.ruleId());
        BacktestRequest flows = plain.withCashFlows(CashFlowSchedule.ofAmount(10, Frequency.MONTHLY,
                BaseDayPolicy.FIRST_TRADING_DAY));
        StudyRequest req = StudyRequest.bootstrap(plain, null, null, 20, 5.0, 7L);
        int closes = run(req).answer().get("fan").get("dates").size(); // d_0 … d_n of the window
        StudyPlan a = service().check(req);
        StudyPlan b = service().check(StudyRequest.bootstrap(flows, null, null, 20, 5.0, 7L));
        assertThat(a.workUnits()).isEqualTo(2L * 20 * closes); // A and B × 20 paths × the window's closes
        assertThat(b.workUnits()).isEqualTo(3 * a.workUnits()); // the single-path route for flows
    }

    @Test
    void everyTimingVariantIsTheStoredRunOfThatPhase() {
        StudyResult r = run(StudyRequest.timing(withRule(quarterly.ruleId()), null, null));
        JsonNode variants = r.answer().get("variants");
        assertThat(variants).hasSize(3); // quarterly: phases 0, 1, 2 with the rule's own offset 0
        for (int p = 0; p < 3; p++) {
            RebalancingRule shifted = InlineRule.of("quarterly", null, 0.001, null, null, p, 0);
            BacktestResult single = fx.service(true).run(scenario(START, END).withInlineRule(shifted));
            assertThat(variants.get(p).get("phase").asInt()).isEqualTo(p);
            assertThat(variants.get(p).get("final_value").asDouble()).isEqualTo(single.summary().on().finalValue());
            assertThat(variants.get(p).get("cagr").asDouble()).isEqualTo(single.summary().on().cagr());
        }
        assertThat(r.answer().get("off").get("final_value").asDouble()).isEqualTo(
                fx.service(true).run(scenario(START, END)).summary().off().finalValue());
    }

    @Test
    void anIdenticalRequestReturnsTheStoredStudyAsItWasComputed() {
        StudyRequest req = StudyRequest.windows(withRule(monthly.ruleId()), 6, 2);
        StudyResult first = run(req);
        long count = fx.count("robustness_study");
        StudyResult again = run(req);
        assertThat(first.reused()).isFalse();
        assertThat(again.reused()).isTrue();
        assertThat(again.studyId()).isEqualTo(first.studyId());
        assertThat(Json.write(again.json(false))).isEqualTo(Json.write(first.json(false)).replace("\"reused\":false",
                "\"reused\":true"));
        assertThat(fx.count("robustness_study")).isEqualTo(count);
        // the first window is an ordinary run of its own dates: 2021-03-01 + 6 months − 1 day
        JsonNode w0 = first.answer().get("windows").get(0);
        assertThat(w0.get("end").asText()).isEqualTo("2021-08-31");
        BacktestResult single = fx.service(true).run(scenario(START, LocalDate.of(2021, 8, 31)).withRule(monthly.ruleId()));
        assertThat(w0.get("on").get("final_value").asDouble()).isEqualTo(single.summary().on().finalValue());
        assertThat(w0.get("off").get("final_value").asDouble()).isEqualTo(single.summary().off().finalValue());
    }

    @Test
    void aDefaultAndTheSameValueGivenExplicitlyAreOneStudy() {
        StudyResult byDefault = run(StudyRequest.timing(withRule(quarterly.ruleId()), null, null));
        StudyResult explicit = run(StudyRequest.timing(withRule(quarterly.ruleId()), new int[] {2, 1, 0}, new int[] {0}));
        assertThat(explicit.studyId()).isEqualTo(byDefault.studyId());
        assertThat(explicit.reused()).isTrue();
        // the same parameters as an inline rule: equal parameters, one study
        StudyResult asInline = run(StudyRequest.timing(inline("quarterly"), null, null));
        assertThat(asInline.studyId()).isEqualTo(byDefault.studyId());
    }

    @Test
    void aChangedSeedPathsBlockOrPhaseSetIsANewStudy() {
        BacktestRequest a = withRule(monthly.ruleId());
        List<Long> ids = new ArrayList<>();
        ids.add(run(StudyRequest.bootstrap(a, null, null, 20, 5.0, 7L)).studyId());
        ids.add(run(StudyRequest.bootstrap(a, null, null, 20, 5.0, 8L)).studyId());
        ids.add(run(StudyRequest.bootstrap(a, null, null, 21, 5.0, 7L)).studyId());
        ids.add(run(StudyRequest.bootstrap(a, null, null, 20, 6.0, 7L)).studyId());
        ids.add(run(StudyRequest.bootstrap(a, quarterly.ruleId(), null, 20, 5.0, 7L)).studyId());
        ids.add(run(StudyRequest.timing(withRule(quarterly.ruleId()), new int[] {0, 1}, null)).studyId());
        ids.add(run(StudyRequest.timing(withRule(quarterly.ruleId()), new int[] {0}, null)).studyId());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(run(StudyRequest.bootstrap(a, null, null, 20, 5.0, 7L))).satisfies(r -> {
            assertThat(r.reused()).isTrue();
            assertThat(r.studyId()).isEqualTo(ids.get(0));
        });
    }

    @Test
    void aBootstrapStoresEveryPathAndShowsThemOnlyWhenAsked() {
        StudyResult r = run(StudyRequest.bootstrap(withRule(monthly.ruleId()), null, null, 12, null, -1L));
        ObjectNode shown = r.json(false);
        assertThat(shown.has("per_path")).isFalse();
        assertThat(shown.get("seed").asText()).isEqualTo("18446744073709551615"); // 2^64 − 1, unsigned
        assertThat(shown.get("block").asDouble()).isEqualTo(21.0); // round(252 / 12) for daily data
        assertThat(shown.get("paths").asInt()).isEqualTo(12);
        StudyResult stored = service().open(r.studyId()).orElseThrow();
        JsonNode perPath = stored.json(true).get("per_path");
        assertThat(perPath).hasSize(12);
        assertThat(perPath.get(11).get("path").asInt()).isEqualTo(11);
        assertThat(fx.scalar("SELECT count(*) FROM robustness_study WHERE robustness_study_id = " + r.studyId()
                + " AND seed = 18446744073709551615")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithItsCodeAndNothingIsStored() {
        long before = fx.count("robustness_study");
        BacktestRequest m = withRule(monthly.ruleId());
        assertThat(codeOf(StudyRequest.bootstrap(m, null, null, 0, null, null))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(codeOf(StudyRequest.bootstrap(m, null, null, 100_001, null, null))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(codeOf(StudyRequest.bootstrap(m, null, null, 10, 0.5, null))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(codeOf(StudyRequest.bootstrap(m, monthly.ruleId(), null, 10, null, null)))
                .isEqualTo(ErrorCode.INVALID_REQUEST); // versus the rule itself
        assertThat(codeOf(StudyRequest.bootstrap(m, null, InlineRule.of("monthly", null, null, null, null), 10, null,
                null))).isEqualTo(ErrorCode.INVALID_REQUEST); // the same rule given inline
        assertThat(codeOf(StudyRequest.windows(m, 17, null))).isEqualTo(ErrorCode.INVALID_REQUEST); // 16 months only
        assertThat(codeOf(StudyRequest.windows(m, 0, null))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(codeOf(StudyRequest.windows(m, 3, 0))).isEqualTo(ErrorCode.INVALID_REQUEST);
        BacktestRequest q = withRule(quarterly.ruleId());
        assertThat(codeOf(StudyRequest.timing(q, new int[] {3}, null))).isEqualTo(ErrorCode.INVALID_RULE);
        assertThat(codeOf(StudyRequest.timing(q, null, new int[] {21}))).isEqualTo(ErrorCode.INVALID_RULE);
        StudyRequest dailyBand = StudyRequest.timing(inline("drift:0.05"), null, null);
        assertThat(codeOf(dailyBand)).isEqualTo(ErrorCode.INVALID_RULE);
        assertThatThrownBy(() -> service().check(dailyBand)).hasMessageContaining("robustness windows");
        assertThat(codeOf(StudyRequest.timing(scenario(START, END), null, null))).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(ServiceFixture.codeOf(() -> fx.service(false).robustness().check(
                StudyRequest.timing(q, null, null)))).isEqualTo(ErrorCode.REBALANCING_DISABLED);
        assertThat(fx.count("robustness_study")).isEqualTo(before);
    }

    @Test
    void aCancelledStudyStoresNothing() {
        long before = fx.count("robustness_study");
        Cancellation c = new Cancellation();
        List<Integer> seen = new ArrayList<>();
        StudyRequest req = StudyRequest.windows(withRule(monthly.ruleId()), 2, 1);
        assertThatThrownBy(() -> service().run(req, c, (done, total) -> {
            seen.add(total);
            c.cancel();
        })).isInstanceOf(CancellationException.class);
        assertThat(seen).isNotEmpty();
        assertThat(fx.count("robustness_study")).isEqualTo(before);
        StudyResult after = run(req); // and the same request later is computed afresh
        assertThat(after.reused()).isFalse();
    }

    @Test
    void progressCountsEveryVariantUpToTheTotal() {
        List<int[]> ticks = new ArrayList<>();
        service().run(StudyRequest.timing(withRule(monthly.ruleId()), null, new int[] {0, 1, 2, 3}), new Cancellation(),
                (done, total) -> {
                    synchronized (ticks) {
                        ticks.add(new int[] {done, total});
                    }
                });
        assertThat(ticks).hasSize(4).allSatisfy(t -> assertThat(t[1]).isEqualTo(4));
        assertThat(ticks.stream().mapToInt(t -> t[0]).max().orElseThrow()).isEqualTo(4);
    }

    @Test
    void historyListsStudiesNewestFirstWithTheirNames() {
        StudyResult r = run(StudyRequest.windows(withRule(quarterly.ruleId()), 12, 3));
        var latest = service().recent(1).get(0);
        assertThat(latest.studyId()).isEqualTo(r.studyId());
        assertThat(latest.kind()).isEqualTo("WINDOWS");
        assertThat(latest.request().ruleName()).isEqualTo("P2_PERIODIC_QUARTERLY_FTD_10BP");
        assertThat(latest.request().portfolioName()).isEqualTo("Balanced 60/30/10");
        assertThat(latest.request().parameters()).isEqualTo("L = 12 months, step 3 months, 2 windows");
        assertThat(latest.createdAt()).isNotNull();
    }

    private ErrorCode codeOf(StudyRequest req) {
        return ServiceFixture.codeOf(() -> service().run(req, new Cancellation(), RobustnessService.Progress.NONE));
    }
}
