package foresto.db;

import foresto.backtest.RuleService;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.Frequency;
import foresto.engine.RebalancingRule;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.RuleRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** V10's phase and day_offset (SEMANTICS §12.1): 0 for the seed rules, ranges and the rule's calendar checked. */
class CalendarShiftSchemaTest {
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
    void theSeedRulesHaveNoShift() {
        // the seed's three rules are the first three (other tests here add more)
        assertThat(new RuleRepository(db.dataSource()).findAll().subList(0, 3)).extracting(RuleRecord::ruleId)
                .containsExactly(1L, 2L, 3L);
        assertThat(new RuleRepository(db.dataSource()).findAll().subList(0, 3)).allSatisfy(r -> {
            assertThat(r.phase()).isZero();
            assertThat(r.dayOffset()).isZero();
        });
    }

    @Test
    void shiftedRulesRoundTripThroughTheTableAndUpdate() {
        RuleService svc = new RuleService(db.dataSource());
        RuleRecord stored = svc.create(rule("quarterly from February, 3rd day", "PERIODIC", "QUARTERLY", null, "DAILY", 1, 2));
        assertThat(stored.phase()).isEqualTo(1);
        assertThat(stored.dayOffset()).isEqualTo(2);
        assertThat(stored.toEngineRule()).isEqualTo(new RebalancingRule.Periodic(Frequency.QUARTERLY,
                BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 1, 2));
        assertThat(stored.describe()).isEqualTo("PERIODIC QUARTERLY, 3rd trading day of each quarter starting February, "
                + "cost 0.001");
        RuleRecord moved = svc.update(new RuleRecord(stored.ruleId(), stored.ruleName(), "PERIODIC", "ANNUAL",
                "FIRST_TRADING_DAY", null, new BigDecimal("0.001"), stored.effectiveFrom(), null, true, null, null,
                "ABSOLUTE", null, "DAILY", BigDecimal.ZERO, 11, 20));
        assertThat(new RuleRepository(db.dataSource()).findById(moved.ruleId()).orElseThrow())
                .satisfies(r -> assertThat(r.phase()).isEqualTo(11)).satisfies(r -> assertThat(r.dayOffset()).isEqualTo(20));
        RuleRecord drift = svc.create(rule("5 % checked half-yearly from April", "DRIFT", null, "0.05", "SEMIANNUAL", 3, 0));
        assertThat(drift.toEngineRule()).isEqualTo(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
                BandKind.ABSOLUTE, Double.NaN, CheckFrequency.SEMIANNUAL, 0, 3, 0));
    }

    @Test
    void theValidatorRefusesShiftsOutOfRangeOrWithoutACalendarAndStoresNothing() throws SQLException {
        RuleService svc = new RuleService(db.dataSource());
        long before = count();
        for (RuleRecord bad : new RuleRecord[] {
                rule("monthly phase 1", "PERIODIC", "MONTHLY", null, "DAILY", 1, 0),
                rule("quarterly phase 3", "PERIODIC", "QUARTERLY", null, "DAILY", 3, 0),
                rule("annual phase 12", "PERIODIC", "ANNUAL", null, "DAILY", 12, 0),
                rule("negative phase", "PERIODIC", "ANNUAL", null, "DAILY", -1, 0),
                rule("offset 21", "PERIODIC", "MONTHLY", null, "DAILY", 0, 21),
                rule("negative offset", "PERIODIC", "MONTHLY", null, "DAILY", 0, -1),
                rule("daily drift, offset", "DRIFT", null, "0.05", "DAILY", 0, 1),
                rule("daily drift, phase", "DRIFT", null, "0.05", "DAILY", 1, 0),
                rule("monthly check, phase", "DRIFT", null, "0.05", "MONTHLY", 1, 0)}) {
            ForestoException e = catchThrowableOfType(ForestoException.class, () -> svc.create(bad));
            assertThat(e).as(bad.ruleName()).isNotNull();
            assertThat(e.code()).as(bad.ruleName()).isEqualTo(ErrorCode.INVALID_RULE);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theTableRefusesThemToo() {
        String[] bad = {
                "('a', 'PERIODIC', 'MONTHLY', NULL, 'DAILY', 1, 0)",
                "('b', 'PERIODIC', 'QUARTERLY', NULL, 'DAILY', 3, 0)",
                "('c', 'PERIODIC', 'SEMIANNUAL', NULL, 'DAILY', 6, 0)",
                "('d', 'PERIODIC', 'ANNUAL', NULL, 'DAILY', 12, 0)",
                "('e', 'PERIODIC', 'ANNUAL', NULL, 'DAILY', -1, 0)",
                "('f', 'PERIODIC', 'MONTHLY', NULL, 'DAILY', 0, 21)",
                "('g', 'PERIODIC', 'MONTHLY', NULL, 'DAILY', 0, -1)",
                "('h', 'DRIFT', NULL, 0.05, 'DAILY', 0, 1)",
                "('i', 'DRIFT', NULL, 0.05, 'DAILY', 1, 0)",
                "('j', 'DRIFT', NULL, 0.05, 'QUARTERLY', 3, 0)"};
        for (String row : bad) {
            assertThatThrownBy(() -> insert(row)).as(row).isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
        }
        for (String ok : new String[] {"('ok1', 'PERIODIC', 'ANNUAL', NULL, 'DAILY', 11, 20)",
                "('ok2', 'DRIFT', NULL, 0.05, 'QUARTERLY', 2, 20)", "('ok3', 'PERIODIC', 'SEMIANNUAL', NULL, 'DAILY', 5, 0)"}) {
            assertThatCode(() -> insert(ok)).as(ok).doesNotThrowAnyException();
        }
    }

    private static long count() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM rebalancing_rule")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(String values) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, drift_threshold, check_frequency, "
                    + "phase, day_offset) VALUES " + values);
        }
    }

    private static RuleRecord rule(String name, String type, String frequency, String theta, String check, int phase,
                                   int dayOffset) {
        return new RuleRecord(null, name, type, frequency, "FIRST_TRADING_DAY", theta == null ? null : new BigDecimal(theta),
                new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null, "ABSOLUTE", null, check,
                BigDecimal.ZERO, phase, dayOffset);
    }
}
