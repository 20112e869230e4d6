package foresto.db;

import foresto.backtest.RuleService;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The v2 columns: defaults keep the seed rules' meaning, CHECKs keep ranges and consistency. */
class RuleModelV2SchemaTest {
    static Database db;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void theSeedRulesKeepTheirMeaning() {
        RuleRepository rules = new RuleRepository(db.dataSource());
        assertThat(rules.findAll()).hasSize(3).allSatisfy(r -> {
            assertThat(r.driftBand()).isEqualTo("ABSOLUTE");
            assertThat(r.bandRho()).isNull();
            assertThat(r.checkFrequency()).isEqualTo("DAILY");
            assertThat(r.rebalanceTo()).isZero();
        });
        RuleRecord drift = rules.findAll().get(2);
        assertThat(drift.toEngineRule()).isEqualTo(new RebalancingRule.Drift(0.05,
                BaseDayPolicy.FIRST_TRADING_DAY, 0.001));
    }

    @Test
    void v2RulesRoundTripThroughTheTable() {
        RuleRecord hybrid = new RuleRecord(null, "5/25 quarterly halfway", "DRIFT", null, "LAST_TRADING_DAY",
                new BigDecimal("0.05"), new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null,
                "HYBRID", new BigDecimal("0.25"), "QUARTERLY", new BigDecimal("0.5"));
        RuleRecord stored = new RuleService(db.dataSource()).create(hybrid);
        assertThat(stored.toEngineRule()).isEqualTo(new RebalancingRule.Drift(0.05,
                BaseDayPolicy.LAST_TRADING_DAY, 0.001, BandKind.HYBRID, 0.25, CheckFrequency.QUARTERLY, 0.5));
        assertThat(stored.describe()).contains("min(0.05, 25 % of target)").contains("checked quarterly").contains("0.5 of the band");
        RuleRecord relative = new RuleService(db.dataSource()).create(new RuleRecord(null, "relative 20", "DRIFT", null,
                "FIRST_TRADING_DAY", null, new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null,
                "RELATIVE", new BigDecimal("0.2"), "DAILY", BigDecimal.ZERO));
        assertThat(relative.toEngineRule()).isInstanceOf(RebalancingRule.Drift.class);
        RuleRecord annual = new RuleService(db.dataSource()).create(new RuleRecord(null, "annual", "PERIODIC", "ANNUAL",
                "FIRST_TRADING_DAY", null, new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null));
        assertThat(annual.frequency()).isEqualTo("ANNUAL");
    }

    @Test
    void theValidatorRefusesInconsistentV2Rules() {
        RuleService svc = new RuleService(db.dataSource());
        for (RuleRecord bad : new RuleRecord[] {
                v2("rho on absolute", "DRIFT", null, "0.05", "ABSOLUTE", "0.25", "DAILY", "0"),
                v2("relative with theta", "DRIFT", null, "0.05", "RELATIVE", "0.25", "DAILY", "0"),
                v2("hybrid without rho", "DRIFT", null, "0.05", "HYBRID", null, "DAILY", "0"),
                v2("rho above one", "DRIFT", null, null, "RELATIVE", "1.5", "DAILY", "0"),
                v2("g of one", "DRIFT", null, "0.05", "ABSOLUTE", null, "DAILY", "1"),
                v2("periodic with a check", "PERIODIC", "MONTHLY", null, "ABSOLUTE", null, "QUARTERLY", "0"),
                v2("periodic with g", "PERIODIC", "MONTHLY", null, "ABSOLUTE", null, "DAILY", "0.5"),
                v2("weekly", "PERIODIC", "WEEKLY", null, "ABSOLUTE", null, "DAILY", "0")}) {
            ForestoException e = catchThrowableOfType(ForestoException.class, () -> svc.create(bad));
            assertThat(e).as(bad.ruleName()).isNotNull();
            assertThat(e.code()).as(bad.ruleName()).isEqualTo(ErrorCode.INVALID_RULE);
        }
    }

    @Test
    void theTableRefusesThemToo() {
        String[] bad = {
                "('a', 'DRIFT', NULL, 0.05, 'ABSOLUTE', 0.25, 'DAILY', 0)",
                "('b', 'DRIFT', NULL, 0.05, 'RELATIVE', 0.25, 'DAILY', 0)",
                "('c', 'DRIFT', NULL, NULL, 'HYBRID', 0.25, 'DAILY', 0)",
                "('d', 'DRIFT', NULL, NULL, 'RELATIVE', 1.5, 'DAILY', 0)",
                "('e', 'DRIFT', NULL, 0.05, 'ABSOLUTE', NULL, 'DAILY', 1)",
                "('f', 'PERIODIC', 'MONTHLY', NULL, 'ABSOLUTE', NULL, 'QUARTERLY', 0)",
                "('g', 'PERIODIC', 'MONTHLY', NULL, 'ABSOLUTE', NULL, 'DAILY', 0.5)",
                "('h', 'PERIODIC', 'WEEKLY', NULL, 'ABSOLUTE', NULL, 'DAILY', 0)",
                "('i', 'DRIFT', NULL, 0.05, 'WIDE', NULL, 'DAILY', 0)"};
        for (String row : bad) {
            assertThatThrownBy(() -> insert(row)).as(row).isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
        }
        for (String ok : new String[] {"('ok1', 'DRIFT', NULL, NULL, 'RELATIVE', 0.25, 'MONTHLY', 0.5)",
                "('ok2', 'PERIODIC', 'SEMIANNUAL', NULL, 'ABSOLUTE', NULL, 'DAILY', 0)"}) {
            Assertions.assertThatCode(() -> insert(ok)).doesNotThrowAnyException();
        }
    }

    private static void insert(String values) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, drift_threshold, drift_band, band_rho, "
                    + "check_frequency, rebalance_to) VALUES " + values);
        }
    }

    private static RuleRecord v2(String name, String type, String frequency, String theta, String band, String rho,
                                 String check, String g) {
        return new RuleRecord(null, name, type, frequency, "FIRST_TRADING_DAY", theta == null ? null : new BigDecimal(theta),
                new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null, band,
                rho == null ? null : new BigDecimal(rho), check, new BigDecimal(g));
    }
}
