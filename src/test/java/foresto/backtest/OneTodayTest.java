package foresto.backtest;

import foresto.db.RuleRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.engine.MissingDataPolicy;
import foresto.error.ForestoException;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.Today;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules seeded in any zone are usable at once from an app in any zone (fixed clocks: the outcome never
 * depends on when or where the tests run), and a reused run is described with the request's own rule.
 */
class OneTodayTest {
    static ServiceFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new ServiceFixture();
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    static final String[] INSTANTS = {"2026-12-01T00:30:00Z", "2026-12-01T10:30:00Z", "2026-12-01T23:59:00Z",
            "2027-01-01T11:00:00Z"};
    static final String[] ZONES = {"Pacific/Kiritimati", "Asia/Seoul", "UTC", "America/New_York", "Pacific/Pago_Pago",
            "Etc/GMT+12"};

    @Test
    void aRuleStampedTodayInAnyZoneIsUsableNowInEveryZone() {
        for (String at : INSTANTS) {
            Instant now = Instant.parse(at);
            for (String seeder : ZONES) {
                LocalDate stamped = LocalDate.ofInstant(now, ZoneId.of(seeder)); // what CURRENT_DATE gave there
                RuleRecord r = rule("stamped " + at + " " + seeder, stamped, null);
                for (String app : ZONES) {
                    BacktestService svc = new BacktestService(fx.db.dataSource(), FeatureFlags.ON,
                            Clock.fixed(now, ZoneId.of(app)));
                    assertThat(svc.usableRule(r.ruleId()).ruleId()).as(at + ": seeded in " + seeder + ", used in " + app)
                            .isEqualTo(r.ruleId());
                }
            }
        }
    }

    @Test
    void aRuleStartingAfterTodayEverywhereOrEndedBeforeItIsNotEffective() {
        Instant now = Instant.parse("2026-12-01T10:30:00Z"); // 2026-11-30 at UTC-12, 2026-12-02 at UTC+14
        assertThat(Today.at(now)).isEqualTo(new Today(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2)));
        BacktestService svc = new BacktestService(fx.db.dataSource(), FeatureFlags.ON, Clock.fixed(now, ZoneId.of("UTC")));
        RuleRecord tomorrowEverywhere = rule("from 12-03", LocalDate.of(2026, 12, 3), null);
        RuleRecord endedEverywhere = rule("to 11-29", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 29));
        RuleRecord lastDayWest = rule("to 11-30", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30));
        RuleRecord firstDayEast = rule("from 12-02", LocalDate.of(2026, 12, 2), null);
        assertThat(codeOf(svc, tomorrowEverywhere)).isEqualTo("RULE_NOT_EFFECTIVE");
        assertThat(codeOf(svc, endedEverywhere)).isEqualTo("RULE_NOT_EFFECTIVE");
        assertThat(codeOf(svc, lastDayWest)).isEqualTo("OK");
        assertThat(codeOf(svc, firstDayEast)).isEqualTo("OK");
    }

    @Test
    void theSeedFileRunInAFarEastSessionIsUsableFromAFarWestApp() throws Exception {
        var fresh = TestDatabase.freshMigrated();
        try (Connection c = fresh.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'Pacific/Kiritimati'");
            st.execute(SqlScripts.text(SqlScripts.RULE_SEED)); // what psql -f does, in that session's zone
            st.execute("RESET TIME ZONE");
        }
        try {
            BacktestService west = new BacktestService(fresh.dataSource(), FeatureFlags.ON,
                    Clock.system(ZoneId.of("Pacific/Pago_Pago")));
            assertThat(west.usableRules()).extracting(RuleRecord::ruleName).contains("P2_PERIODIC_MONTHLY_FTD_10BP",
                    "P2_PERIODIC_QUARTERLY_FTD_10BP", "P2_DRIFT_5PCT_10BP");
        } finally {
            fresh.close();
        }
    }

    @Test
    void aReusedRunIsDescribedWithTheRequestsOwnRule() {
        RuleRecord a = rule("twin A", LocalDate.of(2020, 1, 1), null);
        RuleRecord b = rule("twin B", LocalDate.of(2020, 1, 1), null); // same parameters, so the same hash
        PortfolioRecord p = fx.portfolio("Balanced 60/30/10");
        BacktestService svc = fx.service(true);
        BacktestRequest req = new BacktestRequest(p.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 2, 1),
                LocalDate.of(2021, 9, 30), 10.0, MissingDataPolicy.SKIP, a.ruleId());
        BacktestResult first = svc.run(req);
        BacktestResult second = svc.run(req.withRule(b.ruleId()));
        assertThat(second.reused()).isTrue();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(second.request().rebalancingRuleId()).isEqualTo(b.ruleId());
        assertThat(second.request().ruleName()).isEqualTo("twin B");
        assertThat(first.request().ruleName()).isEqualTo("twin A");
    }

    private static String codeOf(BacktestService svc, RuleRecord r) {
        try {
            svc.usableRule(r.ruleId());
            return "OK";
        } catch (ForestoException e) {
            return e.code().name();
        }
    }

    private static RuleRecord rule(String name, LocalDate from, LocalDate to) {
        return new RuleRepository(fx.db.dataSource()).insert(new RuleRecord(null, name, "PERIODIC", "MONTHLY",
                "FIRST_TRADING_DAY", null, new BigDecimal("0.001"), from, to, true, null, null));
    }
}
