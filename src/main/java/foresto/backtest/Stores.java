package foresto.backtest;

import foresto.db.EventRepository;
import foresto.db.StudyRepository;
import foresto.engine.MarketData;
import foresto.engine.RebalancingEvent;
import foresto.model.DatasetRecord;
import foresto.model.ListedPortfolio;
import foresto.model.PortfolioRecord;
import foresto.model.RunFlows;
import foresto.model.RuleRecord;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import foresto.model.StudyRecord;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the backtest services read and write, as ports: the services are built on these, not on a database.
 * {@link JdbcStores#on} gives the PostgreSQL ones every face runs on; the view-model
 * tests give in-memory ones.
 */
public record Stores(Portfolios portfolios, Datasets datasets, Rules rules, Runs runs, Studies studies) {

    /** The model portfolios. */
    public interface Portfolios {
        List<PortfolioRecord> findAll();

        Optional<PortfolioRecord> findById(long id);

        /** Every portfolio with whether it is active; {@link #findAll} gives the active ones. */
        default List<ListedPortfolio> listAll() {
            return findAll().stream().map(p -> new ListedPortfolio(p, true)).toList();
        }

        /** A portfolio by id with whether it is active, active or not. */
        default Optional<ListedPortfolio> findListed(long id) {
            return findById(id).map(p -> new ListedPortfolio(p, true));
        }
    }

    /** The market datasets' header rows, and their returns on demand. */
    public interface Datasets {
        List<DatasetRecord> findAll();

        Optional<DatasetRecord> findById(long id);

        /** The default dataset: the oldest one (the sample data on a fresh install). */
        Optional<DatasetRecord> findDefault();

        /** A dataset's returns ({@code DATASET_NOT_FOUND} when it is gone). */
        MarketData load(long datasetId);
    }

    /** The rebalancing rules (never deleted: stored events refer to them). */
    public interface Rules {
        List<RuleRecord> findAll();

        Optional<RuleRecord> findById(long id);

        RuleRecord insert(RuleRecord r);

        RuleRecord update(RuleRecord r);

        RuleRecord deactivate(long id);
    }

    /** The stored runs, their paths and events; a run and its events are written in one transaction. */
    public interface Runs {
        Optional<RunRecord> findByHash(String requestHash);

        Optional<RunRecord> findById(long runId);

        /** The latest runs first. */
        List<RunRecord> recent(int limit);

        StoredPaths loadPaths(long runId);

        /** A run's events, ordered by event_date ascending. */
        List<RebalancingEvent> events(long runId);

        long countEvents(long runId);

        /** A run's events in event_date order, a page at a time, without holding them all in memory. */
        void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink);

        /** A run's cash flows (SEMANTICS §13); empty for a run without a flow schedule. */
        default Optional<RunFlows> cashFlows(long runId) {
            return Optional.empty();
        }

        /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
        <T> T inTransaction(String doing, Work<T> work);

        /** Runs {@code work} in a transaction that is always rolled back (nothing it writes stays). */
        <T> T rolledBack(String doing, Work<T> work);

        /** True when the store answers now. */
        boolean answers();
    }

    /**
     * The stored robustness studies (SEMANTICS §12.5). A study is written through {@link Writer#insertStudyIfAbsent}
     * inside {@link Runs#inTransaction}, with the dataset's lock, as a run is.
     */
    public interface Studies {
        Optional<StudyRecord> findByHash(String studyHash);

        Optional<StudyRecord> findById(long studyId);

        /** The latest studies first. */
        List<StudyRecord> recent(int limit);

        /** A stored study's answer as the JSON text it was computed as; empty for an unknown id. */
        Optional<String> answer(long studyId);

        /** A stored study's canonical request (its hash's document: scenario, rules, parameters) as JSON text. */
        Optional<String> canonicalRequest(long studyId);

        /** An id for a study not stored yet, so a face can name it while it is computed. */
        long reserveId();
    }

    /** Work inside one transaction of {@link Runs}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Writer w) throws SQLException;
    }

    /** The writes a run's storing makes, inside one transaction. */
    public interface Writer {
        /**
         * Locks the dataset's row until the transaction ends (a replace waits for it) and tells whether it still
         * holds the data with this fingerprint.
         */
        boolean lockDatasetIfUnchanged(long datasetId, String fingerprint) throws SQLException;

        /** Inserts the run unless one with its hash exists: its new id, or empty when another stored it first. */
        Optional<Long> insertRunIfAbsent(NewRun run) throws SQLException;

        void insertEvents(long runId, Long ruleId, List<RebalancingEvent> events) throws SQLException;

        /** Writes the cash flows of a run with a flow schedule (SEMANTICS §13.5). */
        default void insertCashFlows(long runId, RunFlows flows) throws SQLException {
            throw new UnsupportedOperationException("this store keeps no cash flows");
        }

        /** Inserts the study unless one with its hash exists: its id, or empty when another stored it first. */
        Optional<Long> insertStudyIfAbsent(StudyRepository.NewRow study) throws SQLException;
    }
}
