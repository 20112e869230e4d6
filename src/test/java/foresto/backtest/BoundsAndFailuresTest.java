package foresto.backtest;

import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Inputs that would give NaN, Infinity or negative values are refused; failures have the right class. */
class BoundsAndFailuresTest {
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



    @Test
    void initialValuesOutsideTheDocumentedRangeAreInvalidAndWriteNothing() {
        long runs = fx.count("simulation_run");
        for (double v : new double[] {1.7e308, Double.MAX_VALUE, 1e15 * 1.0000001, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(ServiceFixture.codeOf(() -> fx.service(true).run(fx.monthlyRequest(v)))).as("" + v).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.service(true).run(fx.monthlyRequest(1e15)).summary().on().finalValue()).isFinite().isPositive();
    }

    @Test
    void tinyAndSubnormalInitialValuesAreOutOfRangeAndWriteNothing() {
        long runs = fx.count("simulation_run");
        for (double v : new double[] {1e-7, Math.nextDown(1e-6), 1e-320, 5e-324}) {
            assertThat(ServiceFixture.codeOf(() -> fx.service(true).run(fx.monthlyRequest(v)))).as("" + v)
                    .isEqualTo(ErrorCode.VALUE_OUT_OF_RANGE);
        }
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.service(true).run(fx.monthlyRequest(1e-6)).summary().on().finalValue()).isFinite().isPositive();
    }

    @Test
    void costRatesOfHalfOrMoreAreRefusedByTheValidatorAndByTheTable() {
        RuleRecord r = new RuleRecord(null, "too costly", "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null,
                new BigDecimal("0.5"), LocalDate.of(2020, 1, 1), null, true, null, null);
        assertThat(ServiceFixture.codeOf(() -> new RuleService(fx.db.dataSource()).create(r))).isEqualTo(ErrorCode.INVALID_RULE);
        assertThatThrownBy(() -> fx.execute("INSERT INTO rebalancing_rule (rule_name, rule_type, frequency, cost_rate) "
                + "VALUES ('direct', 'PERIODIC', 'MONTHLY', 0.9)")).hasMessageContaining("ck_rebalancing_rule_cost_rate_bound");
        RuleRecord ok = new RuleService(fx.db.dataSource()).create(new RuleRecord(null, "costly but fine", "PERIODIC",
                "MONTHLY", "FIRST_TRADING_DAY", null, new BigDecimal("0.49"), LocalDate.of(2020, 1, 1), null, true, null, null));
        // the worst case: every rebalance costs almost half of the turnover, the value stays positive
        var on = fx.service(true).run(fx.monthlyRequest(100).withRule(ok.ruleId())).summary().on();
        assertThat(on.finalValue()).isPositive();
        assertThat(on.cagr()).isFinite();
    }

    @Test
    void aRuleNameWithAControlCharacterIsAnInvalidRule() {
        for (String name : new String[] {"nul\u0000name", "tab\tname", "bidi\u202ename", "line\nbreak"}) {
            RuleRecord r = new RuleRecord(null, name, "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null,
                    new BigDecimal("0.001"), LocalDate.of(2020, 1, 1), null, true, null, null);
            assertThat(ServiceFixture.codeOf(() -> new RuleService(fx.db.dataSource()).create(r))).as(name).isEqualTo(ErrorCode.INVALID_RULE);
        }
    }

    @Test
    void returnsBeyondTheBoundAreRefusedAndAnOverflowingPathIsAnInputError() {
        LocalDate[] dates = new LocalDate[400];
        double[][] r = new double[AssetClass.COUNT][];
        r[AssetClass.EQUITY.ordinal()] = new double[400];
        for (int i = 0; i < 400; i++) {
            dates[i] = LocalDate.of(2000, 1, 3).plusDays(i);
            r[AssetClass.EQUITY.ordinal()][i] = 10; // +1000 % every day: allowed per day, absurd over a year
        }
        MarketData data = MarketData.of(dates, r);
        Scenario s = new Scenario(Weights.ofCodes(Map.of("EQUITY", 1.0)), dates[0], dates[399], 1e15, MissingDataPolicy.SKIP);
        assertThat(ServiceFixture.codeOf(() -> ScenarioSimulation.run(data, s, Optional.empty(), false))).isEqualTo(ErrorCode.VALUE_OUT_OF_RANGE);
        assertThat(ErrorCode.VALUE_OUT_OF_RANGE.exitCode()).isEqualTo(2);

        r[AssetClass.EQUITY.ordinal()][5] = 1e308;
        assertThat(ServiceFixture.codeOf(() -> MarketData.of(dates, r))).isEqualTo(ErrorCode.INVALID_CSV);
    }

    @Test
    void theJsonWriterRefusesNonFiniteNumbers() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Json.write(Map.of("x", bad))).hasMessageContaining("non-finite");
            assertThatThrownBy(() -> Json.write(Json.mapper().createObjectNode().put("x", bad))).hasMessageContaining("non-finite");
        }
        assertThat(Json.write(Map.of("x", 1.5))).isEqualTo("{\"x\":1.5}");
    }

    @Test
    void theDatabaseGoingAwayInTheMiddleOfAWriteIsUnavailableAndLeavesNothing() {
        long runs = fx.count("simulation_run");
        long events = fx.count("rebalancing_event");
        // the server ends our session while the 5th event is being written
        fx.execute("CREATE FUNCTION foresto.die_at_fifth() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF (SELECT count(*) FROM foresto.rebalancing_event WHERE simulation_run_id = NEW.simulation_run_id) >= 4 "
                + "THEN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); END IF; RETURN NEW; END $$");
        fx.execute("CREATE TRIGGER die_at_fifth BEFORE INSERT ON foresto.rebalancing_event FOR EACH ROW "
                + "EXECUTE FUNCTION foresto.die_at_fifth()");
        try {
            BacktestRequest req = new BacktestRequest(balanced.portfolioId(), fx.dataset.datasetId(), LocalDate.of(2021, 1, 4),
                    LocalDate.of(2021, 12, 31), 7.0, MissingDataPolicy.SKIP, monthly.ruleId());
            ForestoException e = catchThrowableOfType(ForestoException.class, () -> fx.service(true).run(req));
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE);
            assertThat(e.code().httpStatus()).isEqualTo(503);
        } finally {
            fx.execute("DROP TRIGGER die_at_fifth ON foresto.rebalancing_event");
            fx.execute("DROP FUNCTION foresto.die_at_fifth()");
        }
        assertThat(fx.count("simulation_run")).isEqualTo(runs);
        assertThat(fx.count("rebalancing_event")).isEqualTo(events);
    }
}
