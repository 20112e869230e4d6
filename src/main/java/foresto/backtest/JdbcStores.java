package foresto.backtest;

import foresto.db.CashFlowRepository;
import foresto.db.EventRepository;
import foresto.db.HealthCheck;
import foresto.db.Jdbc;
import foresto.db.MarketDataRepository;
import foresto.db.PortfolioRepository;
import foresto.db.RuleRepository;
import foresto.db.RunRepository;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@link Stores} on one PostgreSQL database: the repositories of {@code foresto.db}. */
public final class JdbcStores {
    private JdbcStores() {
    }

    /** The stores on {@code ds}, as every face runs on them. */
    public static Stores on(DataSource ds) {
        PortfolioRepository portfolios = new PortfolioRepository(ds);
        MarketDataRepository datasets = new MarketDataRepository(ds);
        RuleRepository rules = new RuleRepository(ds);
        return new Stores(new Stores.Portfolios() {
            @Override
            public List<PortfolioRecord> findAll() {
                return portfolios.findAll();
            }

            @Override
            public Optional<PortfolioRecord> findById(long id) {
                return portfolios.findById(id);
            }

            @Override
            public List<ListedPortfolio> listAll() {
                return portfolios.listAll();
            }

            @Override
            public Optional<ListedPortfolio> findListed(long id) {
                return portfolios.findListed(id);
            }
        }, new Stores.Datasets() {
            @Override
            public List<DatasetRecord> findAll() {
                return datasets.findAll();
            }

            @Override
            public Optional<DatasetRecord> findById(long id) {
                return datasets.findById(id);
            }

            @Override
            public Optional<DatasetRecord> findDefault() {
                return datasets.findDefault();
            }

            @Override
            public MarketData load(long datasetId) {
                return datasets.load(datasetId);
            }
        }, rules(rules), new JdbcRuns(ds), studies(new StudyRepository(ds)));
    }

    /** The rules on {@code ds} alone (the rules editor's service needs no more). */
    public static Stores.Rules rules(DataSource ds) {
        return rules(new RuleRepository(ds));
    }

    private static Stores.Rules rules(RuleRepository rules) {
        return new Stores.Rules() {
            @Override
            public List<RuleRecord> findAll() {
                return rules.findAll();
            }

            @Override
            public Optional<RuleRecord> findById(long id) {
                return rules.findById(id);
            }

            @Override
            public RuleRecord insert(RuleRecord r) {
                return rules.insert(r);
            }

            @Override
            public RuleRecord update(RuleRecord r) {
                return rules.update(r);
            }

            @Override
            public RuleRecord deactivate(long id) {
                return rules.deactivate(id);
            }
        };
    }

    private static Stores.Studies studies(StudyRepository studies) {
        return new Stores.Studies() {
            @Override
            public Optional<StudyRecord> findByHash(String studyHash) {
                return studies.findByHash(studyHash);
            }

            @Override
            public Optional<StudyRecord> findById(long studyId) {
                return studies.findById(studyId);
            }

            @Override
            public List<StudyRecord> recent(int limit) {
                return studies.recent(limit);
            }

            @Override
            public Optional<String> answer(long studyId) {
                return studies.answer(studyId);
            }

            @Override
            public Optional<String> canonicalRequest(long studyId) {
                return studies.canonicalRequest(studyId);
            }

            @Override
            public long reserveId() {
                return studies.reserveId();
            }
        };
    }

    private static final class JdbcRuns implements Stores.Runs {
        private final DataSource ds;
        private final RunRepository runs;
        private final EventRepository events;
        /** On a connection of its own, so it never waits behind streams that hold the pool. */
        private final HealthCheck health;
        private final CashFlowRepository flows;

        JdbcRuns(DataSource ds) {
            this.ds = ds;
            this.runs = new RunRepository(ds);
            this.events = new EventRepository(ds);
            this.health = HealthCheck.of(ds);
            this.flows = new CashFlowRepository(ds);
        }

        @Override
        public Optional<RunFlows> cashFlows(long runId) {
            return flows.find(runId);
        }

        @Override
        public Optional<RunRecord> findByHash(String requestHash) {
            return runs.findByHash(requestHash);
        }

        @Override
        public Optional<RunRecord> findById(long runId) {
            return runs.findById(runId);
        }

        @Override
        public List<RunRecord> recent(int limit) {
            return runs.recent(limit);
        }

        @Override
        public StoredPaths loadPaths(long runId) {
            return runs.loadPaths(runId);
        }

        @Override
        public List<RebalancingEvent> events(long runId) {
            return events.findByRun(runId);
        }

        @Override
        public long countEvents(long runId) {
            return events.countByRun(runId);
        }

        @Override
        public void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink) {
            events.stream(runId, offset, limit, sink);
        }

        @Override
        public <T> T inTransaction(String doing, Stores.Work<T> work) {
            return Jdbc.inTransaction(ds, doing, c -> work.run(writer(c)));
        }

        @Override
        public <T> T rolledBack(String doing, Stores.Work<T> work) {
            return Jdbc.rolledBack(ds, doing, c -> work.run(writer(c)));
        }

        @Override
        public boolean answers() {
            return health.answers();
        }

        private static Stores.Writer writer(Connection c) {
            return new Stores.Writer() {
                @Override
                public boolean lockDatasetIfUnchanged(long datasetId, String fingerprint) throws SQLException {
                    return MarketDataRepository.lockIfUnchanged(c, datasetId, fingerprint);
                }

                @Override
                public Optional<Long> insertRunIfAbsent(NewRun run) throws SQLException {
                    return RunRepository.insertIfAbsent(c, run.requestHash(), run.canonicalRequest(), run.info(),
                            run.summary(), run.paths(), run.computeMs());
                }

                @Override
                public void insertEvents(long runId, Long ruleId, List<RebalancingEvent> events) throws SQLException {
                    EventRepository.insertAll(c, runId, ruleId, events);
                }

                @Override
                public void insertCashFlows(long runId, RunFlows flows) throws SQLException {
                    CashFlowRepository.insert(c, runId, flows);
                }

                @Override
                public Optional<Long> insertStudyIfAbsent(StudyRepository.NewRow study) throws SQLException {
                    return StudyRepository.insertIfAbsent(c, study);
                }
            };
        }
    }
}
