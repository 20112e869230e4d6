package foresto.db;

import foresto.engine.AssetClass;
import foresto.engine.FingerprintDigest;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.DatasetRecord;
import foresto.model.Imported;
import foresto.model.Replace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/** Market datasets and their daily returns (long format: dataset, date, asset class). */
public final class MarketDataRepository {
    private static final String COLUMNS = "dataset_id, name, description, source, is_synthetic, fingerprint, "
            + "first_date, last_date, row_count";
    private final DataSource ds;

    public MarketDataRepository(DataSource ds) {
        this.ds = ds;
    }

    public List<DatasetRecord> findAll() {
        return Jdbc.query(ds, "listing datasets", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM market_dataset ORDER BY dataset_id")) {
                return read(ps);
            }
        });
    }

    public Optional<DatasetRecord> findById(long id) {
        return Jdbc.query(ds, "reading a dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM market_dataset WHERE dataset_id = ?")) {
                ps.setLong(1, id);
                return read(ps).stream().findFirst();
            }
        });
    }

    public Optional<DatasetRecord> findByName(String name) {
        return Jdbc.query(ds, "reading a dataset", c -> findByName(c, name));
    }

    static Optional<DatasetRecord> findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM market_dataset WHERE name = ?")) {
            ps.setString(1, name);
            return read(ps).stream().findFirst();
        }
    }

    /** The default dataset: the oldest one (the sample data on a fresh install). */
    public Optional<DatasetRecord> findDefault() {
        return findAll().stream().findFirst();
    }

    /**
     * Takes a share lock on the dataset row (a replace, which deletes the row, waits for our commit) and
     * tells whether it still holds the data with this fingerprint.
     */
    public static boolean lockIfUnchanged(Connection c, long datasetId, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM market_dataset WHERE dataset_id = ? FOR SHARE")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).equals(fingerprint);
            }
        }
    }

    public DatasetRecord insert(String name, String description, String source, boolean synthetic, MarketData data,
                                boolean replace) {
        return insert(name, description, source, synthetic, data, replace ? Replace.FORCE : Replace.NO).dataset();
    }

    /**
     * Stores a dataset and all its returns in one transaction. An existing dataset of that name is replaced
     * as {@code replace} allows; the row lock taken first makes a run being stored on the old data either
     * finish before (and be counted and deleted) or fail with DATASET_CHANGED.
     */
    public Imported insert(String name, String description, String source, boolean synthetic, MarketData data,
                           Replace replace) {
        return Jdbc.inTransaction(ds, "importing dataset '" + name + "'", c -> {
            Existing existing = existing(c, name, replace);
            if (existing.refused() != null) {
                throw existing.refused();
            }
            int deletedRuns = existing.deletedRuns();
            if (existing.id() != null) {
                delete(c, existing.id());
            }
            DatasetRecord header;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_dataset (name, description, source, "
                    + "is_synthetic, fingerprint, first_date, last_date, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "RETURNING " + COLUMNS)) {
                ps.setString(1, name);
                ps.setString(2, description);
                ps.setString(3, source);
                ps.setBoolean(4, synthetic);
                ps.setString(5, data.fingerprint());
                ps.setObject(6, data.firstDate());
                ps.setObject(7, data.lastDate());
                ps.setInt(8, data.size());
                header = read(ps).get(0);
            }
            insertReturns(c, header.datasetId(), data);
            return new Imported(header, deletedRuns);
        });
    }

    /** Where a streamed import sends its rows; they reach the database in batches, inside the import's transaction. */
    public interface Rows {
        void add(LocalDate date, AssetClass column, double value);
    }

    /** What the rows sent came to, known once the last one is read. */
    public record Streamed(String description, String source, List<AssetClass> columns, long[] epochDays) {
    }

    /**
     * As {@link #insert(String, String, String, boolean, MarketData, Replace)} for an import too big to hold in memory:
     * {@code send} reads the rows and hands them to the database as it goes, all in one transaction, so an exception
     * from it stores nothing. The dataset's fingerprint is then computed from the stored rows, as
     * {@link MarketData#fingerprint()} computes it from the same data. An existing dataset that may not be replaced
     * is refused only after {@code send} has read everything (rows discarded), so a bad file is reported first,
     * as when the whole file was read before storing.
     */
    public Imported insertStreamed(String name, Replace replace, Function<Rows, Streamed> send) {
        return Jdbc.inTransaction(ds, "importing dataset '" + name + "'", c -> {
            Existing existing = existing(c, name, replace);
            if (existing.refused() != null) {
                send.apply((date, column, value) -> { });
                throw existing.refused();
            }
            int deletedRuns = existing.deletedRuns();
            if (existing.id() != null) {
                delete(c, existing.id());
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_dataset (name, source, is_synthetic, "
                    + "fingerprint, first_date, last_date, row_count) VALUES (?, '', false, ?, ?, ?, 1) RETURNING dataset_id")) {
                ps.setString(1, name); // a placeholder until the rows are read; the same transaction fills it in
                ps.setString(2, "0".repeat(64));
                ps.setObject(3, LocalDate.EPOCH);
                ps.setObject(4, LocalDate.EPOCH);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            Streamed streamed;
            try (BatchedRows rows = new BatchedRows(c, id)) {
                streamed = send.apply(rows);
                rows.flush();
            } catch (UncheckedSql e) {
                throw e.getCause();
            }
            DatasetRecord header;
            try (PreparedStatement ps = c.prepareStatement("UPDATE market_dataset SET description = ?, source = ?, "
                    + "fingerprint = ?, first_date = ?, last_date = ?, row_count = ? WHERE dataset_id = ? RETURNING " + COLUMNS)) {
                ps.setString(1, streamed.description());
                ps.setString(2, streamed.source());
                long[] days = streamed.epochDays();
                ps.setString(3, fingerprint(c, id, streamed.columns(), days));
                ps.setObject(4, LocalDate.ofEpochDay(days[0]));
                ps.setObject(5, LocalDate.ofEpochDay(days[days.length - 1]));
                ps.setInt(6, days.length);
                ps.setLong(7, id);
                header = read(ps).get(0);
            }
            return new Imported(header, deletedRuns);
        });
    }

    /** An SQL failure while rows are handed over through an interface that cannot throw it. */
    private static final class UncheckedSql extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** Inserts rows in batches of {@value #BATCH}. */
    private static final class BatchedRows implements Rows, AutoCloseable {
        private static final int BATCH = 5000;
        private final PreparedStatement ps;
        private final long datasetId;
        private int pending;

        BatchedRows(Connection c, long datasetId) throws SQLException {
            this.ps = c.prepareStatement("INSERT INTO market_return (dataset_id, trade_date, asset_class_code, daily_return) "
                    + "VALUES (?, ?, ?, ?)");
            this.datasetId = datasetId;
        }

        @Override
        public void add(LocalDate date, AssetClass column, double value) {
            try {
                ps.setLong(1, datasetId);
                ps.setObject(2, date);
                ps.setString(3, column.name());
                if (Double.isNaN(value)) {
                    ps.setNull(4, Types.DOUBLE);
                } else {
                    ps.setDouble(4, value);
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        void flush() {
            try {
                ps.executeBatch();
                pending = 0;
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    /**
     * {@link MarketData#fingerprint()} of the stored rows, read back column by column without holding them: every
     * value of each column in {@link AssetClass} order (IEEE-754 bits, NULL as NaN), then the dates.
     */
    static String fingerprint(Connection c, long datasetId, List<AssetClass> columns, long[] epochDays) throws SQLException {
        FingerprintDigest md = new FingerprintDigest();
        for (AssetClass a : columns) {
            md.column(a);
            try (PreparedStatement ps = c.prepareStatement("SELECT daily_return FROM market_return WHERE dataset_id = ? "
                    + "AND asset_class_code = ? ORDER BY trade_date")) {
                ps.setLong(1, datasetId);
                ps.setString(2, a.name());
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double r = rs.getDouble(1);
                        md.value(rs.wasNull() ? Double.NaN : r);
                    }
                }
            }
        }
        md.dates();
        for (long d : epochDays) {
            md.date(LocalDate.ofEpochDay(d));
        }
        return md.hex();
    }

    /**
     * The dataset of that name before an import: its id (null: none) and stored runs, or why it may not be replaced.
     * The name's lock is taken first, then the dataset's row, so a run being stored on it finishes first.
     */
    private record Existing(Long id, int deletedRuns, ForestoException refused) {
    }

    private static Existing existing(Connection c, String name, Replace replace) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "dataset:" + name);
            lock.execute();
        }
        Optional<DatasetRecord> found = findByName(c, name);
        if (found.isEmpty()) {
            return new Existing(null, 0, null);
        }
        long id = found.get().datasetId();
        if (replace == Replace.NO) {
            return new Existing(id, 0, new ForestoException(ErrorCode.DATASET_EXISTS, "a dataset named '" + name
                    + "' already exists (id " + id + "); use --replace to overwrite it"));
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM market_dataset WHERE dataset_id = ? FOR UPDATE")) {
            lock.setLong(1, id); // waits for runs being stored on this dataset
            lock.executeQuery().close();
        }
        int runs = runsOf(c, id);
        if (runs > 0 && replace != Replace.FORCE) {
            return new Existing(id, runs, new ForestoException(ErrorCode.CONFIRMATION_REQUIRED, "replacing dataset '"
                    + name + "' deletes its " + runs + " stored run" + (runs == 1 ? "" : "s")
                    + " and their events; add --force to do it"));
        }
        return new Existing(id, runs, null);
    }

    private static void delete(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM market_dataset WHERE dataset_id = ?")) {
            del.setLong(1, datasetId);
            del.executeUpdate();
        }
    }

    private static int runsOf(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM simulation_run WHERE dataset_id = ?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertReturns(Connection c, long datasetId, MarketData data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_return (dataset_id, trade_date, "
                + "asset_class_code, daily_return) VALUES (?, ?, ?, ?)")) {
            int batch = 0;
            for (AssetClass a : data.columns()) {
                for (int i = 0; i < data.size(); i++) {
                    ps.setLong(1, datasetId);
                    ps.setObject(2, data.date(i));
                    ps.setString(3, a.name());
                    double r = data.returnOf(a, i);
                    if (Double.isNaN(r)) {
                        ps.setNull(4, Types.DOUBLE);
                    } else {
                        ps.setDouble(4, r);
                    }
                    ps.addBatch();
                    if (++batch % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /** Loads a dataset's returns. */
    public MarketData load(long datasetId) {
        return Jdbc.query(ds, "loading dataset " + datasetId, c -> {
            List<LocalDate> dates = new ArrayList<>();
            double[][] cols = new double[AssetClass.COUNT][];
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT trade_date FROM market_return "
                    + "WHERE dataset_id = ? ORDER BY trade_date")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dates.add(rs.getObject(1, LocalDate.class));
                    }
                }
            }
            if (dates.isEmpty()) {
                throw new ForestoException(ErrorCode.DATASET_NOT_FOUND, "dataset " + datasetId + " has no returns");
            }
            Map<LocalDate, Integer> index = new HashMap<>(dates.size() * 2);
            for (int i = 0; i < dates.size(); i++) {
                index.put(dates.get(i), i);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT trade_date, asset_class_code, daily_return "
                    + "FROM market_return WHERE dataset_id = ?")) {
                ps.setLong(1, datasetId);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int col = AssetClass.parse(rs.getString(2)).ordinal();
                        if (cols[col] == null) {
                            cols[col] = new double[dates.size()];
                            Arrays.fill(cols[col], Double.NaN);
                        }
                        double r = rs.getDouble(3);
                        boolean missing = rs.wasNull(); // before any other column is read: wasNull is about the last one
                        cols[col][index.get(rs.getObject(1, LocalDate.class))] = missing ? Double.NaN : r;
                    }
                }
            }
            return MarketData.of(dates.toArray(LocalDate[]::new), cols);
        });
    }

    private static List<DatasetRecord> read(PreparedStatement ps) throws SQLException {
        List<DatasetRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new DatasetRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getInt(9)));
            }
        }
        return out;
    }
}
