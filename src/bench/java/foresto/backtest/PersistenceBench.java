package foresto.backtest;

import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.model.RuleRecord;
import foresto.db.RuleRepository;
import foresto.db.SqlScripts;
import foresto.engine.MissingDataPolicy;
import foresto.sample.SyntheticMarket;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end BacktestService on the embedded PostgreSQL: a new request whose ON path has ~10,000 events
 * (drift threshold 0.0001 over ~10,000 trading days: simulate + store run, paths and every event in one
 * transaction), and a request that hits the stored hash (reuse).
 */
@State(Scope.Benchmark)
@Fork(1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PersistenceBench {
    EmbeddedPostgres pg;
    Database db;
    BacktestService service;
    BacktestRequest request;
    double initialValue = 1;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = Database.connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
        db.migrate();
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        long dataset = new MarketDataRepository(db.dataSource()).insert("SYNTHETIC bench", "bench", "bench", true,
                SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2024, 12, 31), 11), false).datasetId();
        RuleRecord rule = new RuleRepository(db.dataSource()).insert(new RuleRecord(null, "drift 1bp", "DRIFT", null,
                "FIRST_TRADING_DAY", new BigDecimal("0.0001"), new BigDecimal("0.001"), LocalDate.now(), null, true, null, null));
        service = new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemDefaultZone());
        request = new BacktestRequest(1, dataset, null, null, 1.0, MissingDataPolicy.SKIP, rule.ruleId());
        BacktestResult r = service.run(request);
        System.out.println("\nevents per run: " + r.eventCount());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        db.close();
        pg.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public BacktestResult newRunWith10kEvents() {
        initialValue += 1; // a new hash each time: simulate and store
        return service.run(new BacktestRequest(request.portfolioId(), request.datasetId(), null, null, initialValue,
                MissingDataPolicy.SKIP, request.rebalancingRuleId()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 5, time = 2)
    public BacktestResult reusedRequest() {
        return service.run(request);
    }
}
