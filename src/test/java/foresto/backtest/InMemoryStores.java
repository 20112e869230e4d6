package foresto.backtest;

import foresto.db.DbErrors;
import foresto.db.EventRepository;
import foresto.db.StudyRepository;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.RebalancingEvent;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.model.RunFlows;
import foresto.model.RunRecord;
import foresto.model.StoredPaths;
import foresto.model.StudyRecord;
import foresto.sample.SyntheticMarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link Stores} in memory, for tests of what sits above the services (the view-models): no database. A run's
 * transaction is staged and applied when its work returns, so a failed or cancelled store leaves nothing, as on
 * PostgreSQL. The repositories themselves are tested on the real database.
 */
public final class InMemoryStores {
    private final TreeMap<Long, PortfolioRecord> portfolios = new TreeMap<>();
    private final TreeMap<Long, DatasetRecord> datasets = new TreeMap<>();
    private final Map<Long, MarketData> market = new TreeMap<>();
    private final TreeMap<Long, RuleRecord> rules = new TreeMap<>();
    private final TreeMap<Long, Stored> runs = new TreeMap<>();
    private final TreeMap<Long, StoredStudy> studies = new TreeMap<>();
    private final Map<Long, RunFlows> cashFlows = new TreeMap<>();
    private long nextId = 1;
    private volatile boolean refuseRuns;

    private record Stored(RunRecord record, StoredPaths paths, List<RebalancingEvent> events) {
    }

    private record StoredStudy(StudyRecord record, String answer, String canonicalRequest) {
    }

    /**
     * As the desktop tests' database: the seed's three rules (effective from today), the five sample portfolios and
     * a 10-year synthetic dataset (2010-01-04..2019-12-31, seed 3).
     */
    public static InMemoryStores sample() {
        InMemoryStores s = new InMemoryStores();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BigDecimal bp10 = new BigDecimal("0.001");
        s.addRule(new RuleRecord(null, "P2_PERIODIC_MONTHLY_FTD_10BP", "PERIODIC", "MONTHLY", "FIRST_TRADING_DAY", null,
                bp10, today, null, true, null, null));
        s.addRule(new RuleRecord(null, "P2_PERIODIC_QUARTERLY_FTD_10BP", "PERIODIC", "QUARTERLY", "FIRST_TRADING_DAY", null,
                bp10, today, null, true, null, null));
        s.addRule(new RuleRecord(null, "P2_DRIFT_5PCT_10BP", "DRIFT", null, "FIRST_TRADING_DAY", new BigDecimal("0.05"),
                bp10, today, null, true, null, null));
        s.addPortfolio("Balanced 60/30/10", "Equity 60 %, bonds 30 %, short-term 10 %",
                weights(0.6, 0.3, 0.1, 0, 0));
        s.addPortfolio("Conservative 30/50/20", "Equity 30 %, bonds 50 %, short-term 20 %",
                weights(0.3, 0.5, 0.2, 0, 0));
        s.addPortfolio("Growth 80/20", "Equity 80 %, bonds 20 %", weights(0.8, 0.2, 0, 0, 0));
        s.addPortfolio("All-weather 5 classes", "Equity 30 %, bonds 40 %, short-term 10 %, gold 15 %, other 5 %",
                weights(0.3, 0.4, 0.1, 0.15, 0.05));
        s.addPortfolio("Permanent portfolio", "Equity, bonds, short-term and gold, 25 % each",
                weights(0.25, 0.25, 0.25, 0.25, 0));
        s.addDataset("SYNTHETIC ui 2010-2019", SyntheticMarket.generate(LocalDate.of(2010, 1, 4), LocalDate.of(2019, 12, 31), 3));
        return s;
    }

    private static Weights weights(double equity, double bond, double shortTerm, double gold, double other) {
        Map<AssetClass, Double> w = new EnumMap<>(AssetClass.class);
        double[] v = {equity, bond, shortTerm, gold, other};
        AssetClass[] classes = {AssetClass.parse("EQUITY"), AssetClass.parse("BOND"), AssetClass.parse("SHORT_TERM"),
                AssetClass.parse("GOLD"), AssetClass.parse("OTHER")};
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                w.put(classes[i], v[i]);
            }
        }
        return Weights.of(w);
    }

    public synchronized PortfolioRecord addPortfolio(String name, String description, Weights weights) {
        PortfolioRecord p = new PortfolioRecord(nextId++, name, description, weights);
        portfolios.put(p.portfolioId(), p);
        return p;
    }

    public synchronized DatasetRecord addDataset(String name, MarketData data) {
        DatasetRecord d = new DatasetRecord(nextId++, name, "t", "t", true, data.fingerprint(), data.firstDate(),
                data.lastDate(), data.size());
        datasets.put(d.datasetId(), d);
        market.put(d.datasetId(), data);
        return d;
    }

    public synchronized RuleRecord addRule(RuleRecord r) {
        RuleRecord stored = withId(r, nextId++);
        rules.put(stored.ruleId(), stored);
        return stored;
    }

    /** While on, storing a run fails as a database that refuses the insert does (nothing is stored). */
    public void refuseRuns(boolean on) {
        refuseRuns = on;
    }

    public synchronized int runCount() {
        return runs.size();
    }

    public synchronized int studyCount() {
        return studies.size();
    }

    public Stores stores() {
        return new Stores(new Portfolios(), new Datasets(), new Rules(), new Runs(), new Studies());
    }

    private static RuleRecord withId(RuleRecord r, long id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new RuleRecord(id, r.ruleName(), r.ruleType(), r.frequency(), r.baseDayPolicy(), r.driftThreshold(),
                r.costRate(), r.effectiveFrom(), r.effectiveTo(), r.isActive(), r.createdAt() == null ? now : r.createdAt(),
                now, r.driftBand(), r.bandRho(), r.checkFrequency(), r.rebalanceTo());
    }

    private final class Portfolios implements Stores.Portfolios {
        @Override
        public List<PortfolioRecord> findAll() {
            synchronized (InMemoryStores.this) {
                return List.copyOf(portfolios.values());
            }
        }

        @Override
        public Optional<PortfolioRecord> findById(long id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(portfolios.get(id));
            }
        }
    }

    private final class Datasets implements Stores.Datasets {
        @Override
        public List<DatasetRecord> findAll() {
            synchronized (InMemoryStores.this) {
                return List.copyOf(datasets.values());
            }
        }

        @Override
        public Optional<DatasetRecord> findById(long id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(datasets.get(id));
            }
        }

        @Override
        public Optional<DatasetRecord> findDefault() {
            return findAll().stream().findFirst();
        }

        @Override
        public MarketData load(long datasetId) {
            synchronized (InMemoryStores.this) {
                MarketData d = market.get(datasetId);
                if (d == null) {
                    throw new ForestoException(ErrorCode.DATASET_NOT_FOUND, "no dataset with id " + datasetId);
                }
                return d;
            }
        }
    }

    private final class Rules implements Stores.Rules {
        @Override
        public List<RuleRecord> findAll() {
            synchronized (InMemoryStores.this) {
                return List.copyOf(rules.values());
            }
        }

        @Override
        public Optional<RuleRecord> findById(long id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(rules.get(id));
            }
        }

        @Override
        public RuleRecord insert(RuleRecord r) {
            synchronized (InMemoryStores.this) {
                requireFreeName(r);
                return addRule(r);
            }
        }

        @Override
        public RuleRecord update(RuleRecord r) {
            synchronized (InMemoryStores.this) {
                RuleRecord old = findById(r.ruleId()).orElseThrow(() ->
                        new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rule with id " + r.ruleId()));
                requireFreeName(r);
                RuleRecord stored = withId(new RuleRecord(null, r.ruleName(), r.ruleType(), r.frequency(), r.baseDayPolicy(),
                        r.driftThreshold(), r.costRate(), r.effectiveFrom(), r.effectiveTo(), r.isActive(), old.createdAt(),
                        null, r.driftBand(), r.bandRho(), r.checkFrequency(), r.rebalanceTo()), old.ruleId());
                rules.put(stored.ruleId(), stored);
                return stored;
            }
        }

        @Override
        public RuleRecord deactivate(long id) {
            synchronized (InMemoryStores.this) {
                RuleRecord r = findById(id).orElseThrow(() -> new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rule with id " + id));
                RuleRecord off = withId(new RuleRecord(null, r.ruleName(), r.ruleType(), r.frequency(), r.baseDayPolicy(),
                        r.driftThreshold(), r.costRate(), r.effectiveFrom(), r.effectiveTo(), false, r.createdAt(), null,
                        r.driftBand(), r.bandRho(), r.checkFrequency(), r.rebalanceTo()), id);
                rules.put(id, off);
                return off;
            }
        }

        private void requireFreeName(RuleRecord r) {
            if (rules.values().stream().anyMatch(o -> o.ruleName().equals(r.ruleName()) && !o.ruleId().equals(r.ruleId()))) {
                throw new ForestoException(ErrorCode.RULE_NAME_TAKEN, "a rule with that name already exists");
            }
        }
    }

    private final class Runs implements Stores.Runs {
        @Override
        public Optional<RunFlows> cashFlows(long runId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(cashFlows.get(runId));
            }
        }

        @Override
        public Optional<RunRecord> findByHash(String requestHash) {
            synchronized (InMemoryStores.this) {
                return runs.values().stream().map(Stored::record).filter(r -> r.requestHash().equals(requestHash)).findFirst();
            }
        }

        @Override
        public Optional<RunRecord> findById(long runId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(runs.get(runId)).map(Stored::record);
            }
        }

        @Override
        public List<RunRecord> recent(int limit) {
            synchronized (InMemoryStores.this) {
                return runs.descendingMap().values().stream().map(Stored::record).limit(limit).toList();
            }
        }

        @Override
        public StoredPaths loadPaths(long runId) {
            return stored(runId).paths();
        }

        @Override
        public List<RebalancingEvent> events(long runId) {
            return stored(runId).events().stream().sorted(Comparator.comparing(RebalancingEvent::eventDate)).toList();
        }

        @Override
        public long countEvents(long runId) {
            return stored(runId).events().size();
        }

        @Override
        public void streamEvents(long runId, long offset, Integer limit, EventRepository.EventSink sink) {
            List<RebalancingEvent> all = events(runId);
            long to = limit == null ? all.size() : Math.min(all.size(), offset + limit);
            try {
                for (long i = offset; i < to; i++) {
                    sink.accept(all.get((int) i));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Stored stored(long runId) {
            synchronized (InMemoryStores.this) {
                Stored s = runs.get(runId);
                if (s == null) {
                    throw new ForestoException(ErrorCode.RUN_NOT_FOUND, "no run with id " + runId);
                }
                return s;
            }
        }

        @Override
        public <T> T inTransaction(String doing, Stores.Work<T> work) {
            synchronized (InMemoryStores.this) {
                Staged tx = new Staged();
                T result;
                try {
                    result = work.run(tx);
                } catch (SQLException e) {
                    throw DbErrors.wrap(e, doing);
                }
                tx.commit();
                return result;
            }
        }

        @Override
        public <T> T rolledBack(String doing, Stores.Work<T> work) {
            synchronized (InMemoryStores.this) {
                try {
                    return work.run(new Staged());
                } catch (SQLException e) {
                    throw DbErrors.wrap(e, doing);
                }
            }
        }

        @Override
        public boolean answers() {
            return true;
        }
    }

    private final class Studies implements Stores.Studies {
        @Override
        public Optional<StudyRecord> findByHash(String studyHash) {
            synchronized (InMemoryStores.this) {
                return studies.values().stream().map(StoredStudy::record).filter(r -> r.studyHash().equals(studyHash))
                        .findFirst();
            }
        }

        @Override
        public Optional<StudyRecord> findById(long studyId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(studies.get(studyId)).map(StoredStudy::record);
            }
        }

        @Override
        public List<StudyRecord> recent(int limit) {
            synchronized (InMemoryStores.this) {
                return studies.descendingMap().values().stream().map(StoredStudy::record).limit(limit).toList();
            }
        }

        @Override
        public Optional<String> answer(long studyId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(studies.get(studyId)).map(StoredStudy::answer);
            }
        }

        @Override
        public Optional<String> canonicalRequest(long studyId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(studies.get(studyId)).map(StoredStudy::canonicalRequest);
            }
        }

        @Override
        public long reserveId() {
            synchronized (InMemoryStores.this) {
                return nextId++;
            }
        }
    }

    /** One transaction's writes, applied by {@link #commit()} only. */
    private final class Staged implements Stores.Writer {
        private final List<Stored> inserted = new ArrayList<>();
        private final List<StoredStudy> insertedStudies = new ArrayList<>();
        private final Map<Long, RunFlows> insertedFlows = new TreeMap<>();
        private long next = nextId;

        @Override
        public void insertCashFlows(long runId, RunFlows flows) {
            insertedFlows.put(runId, flows);
        }

        @Override
        public boolean lockDatasetIfUnchanged(long datasetId, String fingerprint) {
            DatasetRecord d = datasets.get(datasetId);
            return d != null && d.fingerprint().equals(fingerprint);
        }

        @Override
        public Optional<Long> insertRunIfAbsent(NewRun run) throws SQLException {
            if (refuseRuns) {
                throw new SQLException("refused by test", "P0001");
            }
            boolean taken = runs.values().stream().anyMatch(s -> s.record().requestHash().equals(run.requestHash()))
                    || inserted.stream().anyMatch(s -> s.record().requestHash().equals(run.requestHash()));
            if (taken) {
                return Optional.empty();
            }
            long id = next++;
            inserted.add(new Stored(new RunRecord(id, run.requestHash(), run.canonicalRequest(), run.info(), run.summary(),
                    run.computeMs(), OffsetDateTime.now(ZoneOffset.UTC)), run.paths(), List.of()));
            return Optional.of(id);
        }

        @Override
        public void insertEvents(long runId, Long ruleId, List<RebalancingEvent> events) {
            for (int i = 0; i < inserted.size(); i++) {
                Stored s = inserted.get(i);
                if (s.record().runId() == runId) {
                    List<RebalancingEvent> all = new ArrayList<>(s.events());
                    all.addAll(events);
                    inserted.set(i, new Stored(s.record(), s.paths(), List.copyOf(all)));
                }
            }
        }

        @Override
        public Optional<Long> insertStudyIfAbsent(StudyRepository.NewRow study) {
            boolean taken = studies.values().stream().anyMatch(s -> s.record().studyHash().equals(study.studyHash()))
                    || insertedStudies.stream().anyMatch(s -> s.record().studyHash().equals(study.studyHash()));
            if (taken) {
                return Optional.empty();
            }
            long id = study.studyId() > 0 ? study.studyId() : next++;
            insertedStudies.add(new StoredStudy(new StudyRecord(id, study.studyHash(), study.kind(), study.request(),
                    study.parameters(), study.summary(), study.computeMs(), OffsetDateTime.now(ZoneOffset.UTC)),
                    study.answer(), study.canonicalRequest()));
            return Optional.of(id);
        }

        void commit() {
            for (Stored s : inserted) {
                runs.put(s.record().runId(), s);
            }
            for (StoredStudy s : insertedStudies) {
                studies.put(s.record().studyId(), s);
            }
            cashFlows.putAll(insertedFlows);
            nextId = Math.max(nextId, next);
        }
    }
}
