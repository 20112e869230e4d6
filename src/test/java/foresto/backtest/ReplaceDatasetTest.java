package foresto.backtest;

import foresto.db.MarketDataRepository;
import foresto.engine.MissingDataPolicy;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.Imported;
import foresto.model.Replace;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Replacing a dataset says what it deletes, asks for --force, and a run in flight gets DATASET_CHANGED, never 500. */
class ReplaceDatasetTest {
    ServiceFixture fx;
    MarketDataRepository repo;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture();
        repo = new MarketDataRepository(fx.db.dataSource());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private BacktestRequest request(long datasetId, double v) {
        return new BacktestRequest(fx.portfolio("Balanced 60/30/10").portfolioId(), datasetId, LocalDate.of(2021, 3, 1),
                LocalDate.of(2022, 6, 30), v, MissingDataPolicy.SKIP, null);
    }

    private Imported replace(Replace how, long seed) {
        return repo.insert(fx.dataset.name(), "again", "test", true,
                SyntheticMarket.generate(LocalDate.of(2021, 1, 4), LocalDate.of(2023, 12, 29), seed), how);
    }

    @Test
    void aReplaceThatWouldDeleteRunsNeedsForceAndSaysHowMany() {
        fx.service(false).run(request(fx.dataset.datasetId(), 1));
        fx.service(false).run(request(fx.dataset.datasetId(), 2));
        ForestoException e = catchThrowableOfType(ForestoException.class, () -> replace(Replace.UNLESS_RUNS, 99));
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED);
        assertThat(e.getMessage()).contains("deletes its 2 stored runs").contains("--force");
        assertThat(fx.count("simulation_run")).isEqualTo(2);
        Imported forced = replace(Replace.FORCE, 99);
        assertThat(forced.deletedRuns()).isEqualTo(2);
        assertThat(fx.count("simulation_run")).isZero();
        // nothing uses the new data yet: a plain --replace goes through and deletes nothing
        assertThat(replace(Replace.UNLESS_RUNS, 100).deletedRuns()).isZero();
    }

    @Test
    void aRunBeingStoredWhileTheDatasetIsReplacedFailsWithDatasetChanged() throws Exception {
        long oldId = fx.dataset.datasetId();
        BacktestService svc = fx.service(false);
        svc.run(request(oldId, 5)); // warms the market-data cache: the next run goes straight to storing
        try (Connection replacer = fx.db.dataSource().getConnection()) {
            replacer.setAutoCommit(false);
            try (PreparedStatement lock = replacer.prepareStatement("SELECT 1 FROM market_dataset WHERE dataset_id = ? FOR UPDATE")) {
                lock.setLong(1, oldId); // what a replace takes first
                lock.executeQuery().close();
            }
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return svc.run(request(oldId, 6));
                } catch (ForestoException e) {
                    return e.code();
                }
            });
            Thread.sleep(500); // the run has computed and now waits for the dataset row
            assertThat(run).isNotDone();
            try (PreparedStatement del = replacer.prepareStatement("DELETE FROM market_dataset WHERE dataset_id = ?")) {
                del.setLong(1, oldId);
                del.executeUpdate();
            }
            replacer.commit();
            assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(ErrorCode.DATASET_CHANGED);
        }
        assertThat(ErrorCode.DATASET_CHANGED.httpStatus()).isEqualTo(409);
    }

    @Test
    void runsRacingForcedReplacesEndStoredOrDatasetChangedNeverAnInternalError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> {
                    if (n % 8 == 3) {
                        return replace(Replace.FORCE, 1000 + n).deletedRuns() >= 0 ? "replaced" : "?";
                    }
                    long id = fx.service(false).datasets().stream().filter(d -> d.name().equals(fx.dataset.name()))
                            .findFirst().orElseThrow().datasetId();
                    try {
                        return fx.service(false).run(request(id, 10 + n)).runId();
                    } catch (ForestoException e) {
                        return e.code();
                    }
                }));
            }
            for (Future<Object> f : outcomes) {
                Object o = f.get(2, TimeUnit.MINUTES);
                assertThat(o).as("outcome").satisfiesAnyOf(
                        x -> assertThat(x).isIn("replaced"),
                        x -> assertThat(x).isInstanceOf(Long.class),
                        x -> assertThat(x).isIn(ErrorCode.DATASET_CHANGED, ErrorCode.DATASET_NOT_FOUND));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
