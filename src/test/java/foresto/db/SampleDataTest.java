package foresto.db;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.PeriodsPerYear;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What a start loads: both sample datasets and the 60/40 portfolio, on a new or an existing data directory, once. */
class SampleDataTest {
    private static final String MONTHLY = "US stocks and 10-year Treasuries, monthly, 1926\u20132009 (public data)";

    @Test
    void aFreshDataDirectoryGetsBothDatasetsAndTheSixtyFortyPortfolio() {
        try (Database db = TestDatabase.freshMigrated()) {
            List<String> progress = new ArrayList<>();
            SampleData.ensure(db.dataSource(), p -> progress.add(p.toString()));

            List<DatasetRecord> datasets = new MarketDataRepository(db.dataSource()).findAll();
            assertThat(datasets).extracting(DatasetRecord::name)
                    .containsExactly("SYNTHETIC daily 2000-2024 (sample)", MONTHLY);
            // the synthetic one stays the default (the oldest)
            assertThat(new MarketDataRepository(db.dataSource()).findDefault().orElseThrow().name())
                    .isEqualTo("SYNTHETIC daily 2000-2024 (sample)");
            DatasetRecord monthly = datasets.get(1);
            assertThat(monthly.synthetic()).isFalse();
            assertThat(monthly.description()).contains("Bought at the close of 1925-12-31; 1,008 monthly returns")
                    .contains("French").contains("Shiller");

            List<PortfolioRecord> portfolios = new PortfolioRepository(db.dataSource()).findAll();
            assertThat(portfolios).extracting(PortfolioRecord::name).containsExactlyInAnyOrder("Balanced 60/30/10",
                    "Conservative 30/50/20", "Growth 80/20", "All-weather 5 classes", "Permanent portfolio", "Classic 60/40");
            PortfolioRecord p6040 = new PortfolioRepository(db.dataSource()).findByName("Classic 60/40").orElseThrow();
            assertThat(p6040.weights().byCode()).containsExactly(Map.entry("BOND", 0.4), Map.entry("EQUITY", 0.6));
            assertThat(progress).contains("Loading the US monthly sample market data …");
        }
    }

    @Test
    void theMonthlyDatasetIsTheBundledFileMonthEndsFrom1925To2009() {
        try (Database db = TestDatabase.freshMigrated()) {
            SampleData.ensure(db.dataSource(), s -> { });
            MarketDataRepository repo = new MarketDataRepository(db.dataSource());
            DatasetRecord rec = repo.findByName(MONTHLY).orElseThrow();
            assertThat(rec.rowCount()).isEqualTo(1009);
            assertThat(rec.firstDate()).isEqualTo(LocalDate.of(1925, 12, 31));
            assertThat(rec.lastDate()).isEqualTo(LocalDate.of(2009, 12, 31));

            MarketData data = repo.load(rec.datasetId());
            assertThat(data.size()).isEqualTo(1009);
            assertThat(data.columns()).containsExactly(AssetClass.EQUITY, AssetClass.BOND);
            LocalDate[] dates = new LocalDate[data.size()];
            for (int i = 0; i < dates.length; i++) {
                dates[i] = data.date(i);
                // every date is a month end
                assertThat(dates[i].getDayOfMonth()).as(dates[i].toString()).isEqualTo(dates[i].lengthOfMonth());
            }
            assertThat(dates[0]).isEqualTo(LocalDate.of(1925, 12, 31));
            assertThat(dates[1008]).isEqualTo(LocalDate.of(2009, 12, 31));
            assertThat(PeriodsPerYear.of(dates).value()).isEqualTo(12);
            // the file's rows, copied here from the CSV: the purchase row, the first month, the last month
            assertThat(data.returnOf(AssetClass.EQUITY, 0)).isEqualTo(0.0);
            assertThat(data.returnOf(AssetClass.BOND, 0)).isEqualTo(0.0);
            assertThat(data.returnOf(AssetClass.EQUITY, 1)).isEqualTo(0.0193117978);
            assertThat(data.returnOf(AssetClass.BOND, 1)).isEqualTo(0.0043246724);
            assertThat(data.returnOf(AssetClass.EQUITY, 1008)).isEqualTo(0.0276);
            assertThat(data.returnOf(AssetClass.BOND, 1008)).isEqualTo(-0.0130122695);
            assertThat(data.fingerprint()).isEqualTo(rec.fingerprint());
        }
    }

    @Test
    void anExistingDirectoryWithOnlyTheSyntheticDatasetGetsTheMonthlyOneAndKeepsEverythingElse() throws SQLException {
        try (Database db = TestDatabase.freshMigrated()) {
            // what a start of the previous version left: seed rules, the five sample portfolios, the synthetic dataset
            SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
            SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
            MarketDataRepository repo = new MarketDataRepository(db.dataSource());
            DatasetRecord synthetic = repo.insert("SYNTHETIC daily 2000-2024 (sample)", "old description", "old source",
                    true, SampleData.syntheticMarket(), false);
            // and a user's edit of a sample portfolio, which must survive
            exec(db, "UPDATE portfolio_weight SET weight = 0.7 WHERE asset_class_code = 'EQUITY' "
                    + "AND portfolio_id = (SELECT portfolio_id FROM portfolio WHERE name = 'Growth 80/20')");
            exec(db, "UPDATE portfolio_weight SET weight = 0.3 WHERE asset_class_code = 'BOND' "
                    + "AND portfolio_id = (SELECT portfolio_id FROM portfolio WHERE name = 'Growth 80/20')");
            Map<String, Long> before = counts(db);
            long syntheticReturns = count(db, "SELECT count(*) FROM market_return WHERE dataset_id = " + synthetic.datasetId());

            SampleData.ensure(db.dataSource(), s -> { });

            List<DatasetRecord> datasets = repo.findAll();
            assertThat(datasets).extracting(DatasetRecord::name).containsExactly("SYNTHETIC daily 2000-2024 (sample)", MONTHLY);
            assertThat(datasets.get(0)).isEqualTo(synthetic); // same id, description, source, fingerprint, dates
            assertThat(count(db, "SELECT count(*) FROM market_return WHERE dataset_id = " + synthetic.datasetId()))
                    .isEqualTo(syntheticReturns);
            assertThat(datasets.get(1).rowCount()).isEqualTo(1009);
            Map<String, Long> after = counts(db);
            assertThat(after.get("market_dataset")).isEqualTo(before.get("market_dataset") + 1);
            assertThat(after.get("market_return")).isEqualTo(before.get("market_return") + 2 * 1009);
            assertThat(after.get("portfolio")).isEqualTo(before.get("portfolio") + 1);
            assertThat(after.get("portfolio_weight")).isEqualTo(before.get("portfolio_weight") + 2);
            assertThat(after.get("rebalancing_rule")).isEqualTo(before.get("rebalancing_rule"));
            assertThat(new PortfolioRepository(db.dataSource()).findByName("Growth 80/20").orElseThrow().weights().byCode())
                    .containsExactly(Map.entry("BOND", 0.3), Map.entry("EQUITY", 0.7));
            assertThat(new PortfolioRepository(db.dataSource()).findByName("Classic 60/40").orElseThrow().weights().byCode())
                    .containsExactly(Map.entry("BOND", 0.4), Map.entry("EQUITY", 0.6));
        }
    }

    @Test
    void ensureTwiceAddsNothing() throws SQLException {
        try (Database db = TestDatabase.freshMigrated()) {
            SampleData.ensure(db.dataSource(), s -> { });
            Map<String, Long> first = counts(db);
            List<DatasetRecord> datasets = new MarketDataRepository(db.dataSource()).findAll();
            List<PortfolioRecord> portfolios = new PortfolioRepository(db.dataSource()).findAll();
            assertThat(first.get("market_dataset")).isEqualTo(2);
            assertThat(first.get("portfolio")).isEqualTo(6);

            List<String> progress = new ArrayList<>();
            SampleData.ensure(db.dataSource(), p -> progress.add(p.toString()));

            assertThat(counts(db)).isEqualTo(first);
            assertThat(new MarketDataRepository(db.dataSource()).findAll()).isEqualTo(datasets);
            assertThat(new PortfolioRepository(db.dataSource()).findAll()).isEqualTo(portfolios);
            assertThat(progress).as("nothing was loaded").isEmpty();
        }
    }

    @Test
    void theSixtyFortySqlRunTwiceLeavesAnEditedPortfolioAsItIs() throws SQLException {
        try (Database db = TestDatabase.freshMigrated()) {
            SqlScripts.run(db.dataSource(), SampleData.PORTFOLIO_60_40_SQL);
            exec(db, "UPDATE portfolio_weight SET weight = 0.5 WHERE portfolio_id = "
                    + "(SELECT portfolio_id FROM portfolio WHERE name = 'Classic 60/40')");
            SqlScripts.run(db.dataSource(), SampleData.PORTFOLIO_60_40_SQL);
            assertThat(new PortfolioRepository(db.dataSource()).findAll()).hasSize(1);
            assertThat(new PortfolioRepository(db.dataSource()).findByName("Classic 60/40").orElseThrow().weights().byCode())
                    .containsExactly(Map.entry("BOND", 0.5), Map.entry("EQUITY", 0.5));
        }
    }

    private static void exec(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> counts(Database db) throws SQLException {
        Map<String, Long> m = new TreeMap<>();
        for (String table : List.of("market_dataset", "market_return", "portfolio", "portfolio_weight", "rebalancing_rule")) {
            m.put(table, count(db, "SELECT count(*) FROM " + table));
        }
        return m;
    }
}
