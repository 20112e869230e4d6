package foresto.backtest;

import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.sample.SyntheticMarket;
import org.assertj.core.api.Assertions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A migrated test database with the seed rules, sample portfolios and a 3-year synthetic dataset. */
final class ServiceFixture implements AutoCloseable {
    /** One instant for the whole test class: rule validity never depends on when the tests run. */
    static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    final Database db;
    final DatasetRecord dataset;

    ServiceFixture() {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        dataset = new MarketDataRepository(db.dataSource()).insert("SYNTHETIC test 2021-2023", "test data", "test",
                true, SyntheticMarket.generate(LocalDate.of(2021, 1, 4), LocalDate.of(2023, 12, 29), 7), false);
    }

    BacktestService service(boolean flagOn) {
        return new BacktestService(db.dataSource(), new FeatureFlags(flagOn), CLOCK);
    }

    PortfolioRecord portfolio(String name) {
        return service(true).portfolios().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Balanced 60/30/10, 2021-03-01..2022-06-30, SKIP, the seed's monthly rule, initial value {@code v}. */
    BacktestRequest monthlyRequest(double v) {
        return new BacktestRequest(portfolio("Balanced 60/30/10").portfolioId(), dataset.datasetId(), LocalDate.of(2021, 3, 1),
                LocalDate.of(2022, 6, 30), v, MissingDataPolicy.SKIP, rule("P2_PERIODIC_MONTHLY_FTD_10BP").ruleId());
    }

    /** The code a face reports for what {@code r} throws (engine failures mapped as the backtest layer does). */
    static ErrorCode codeOf(Runnable r) {
        Throwable t = Assertions.catchThrowable(r::run);
        Assertions.assertThat(t).as("expected a failure").isNotNull();
        ForestoException e = Failures.of(t);
        Assertions.assertThat(e.code()).as(t.toString()).isNotEqualTo(ErrorCode.INTERNAL_ERROR);
        return e.code();
    }

    RuleRecord rule(String name) {
        return service(true).usableRules().stream().filter(r -> r.ruleName().equals(name)).findFirst().orElseThrow();
    }

    long count(String table) {
        return scalar("SELECT count(*) FROM " + table);
    }

    /** The first column of the first row of {@code sql}, a query that returns a whole number. */
    long scalar(String sql) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
