package foresto.db;

import foresto.model.DatasetRecord;
import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored dataset reads back bit for bit, missing values included (they must stay missing, not become 0). */
class MarketDataRoundTripTest {

    @Test
    void missingValuesReadBackAsMissingAndTheFingerprintMatches() {
        LocalDate[] dates = new LocalDate[6];
        double[][] r = new double[AssetClass.COUNT][];
        r[AssetClass.EQUITY.ordinal()] = new double[] {Double.NaN, 0.01, -0.02, 0.0, 0.03, -0.0};
        r[AssetClass.BOND.ordinal()] = new double[] {0.001, Double.NaN, Double.NaN, 0.002, Double.NaN, 0.0};
        for (int i = 0; i < 6; i++) {
            dates[i] = LocalDate.of(2024, 1, 2).plusDays(i);
        }
        MarketData data = MarketData.of(dates, r);
        try (Database db = TestDatabase.freshMigrated()) {
            MarketDataRepository repo = new MarketDataRepository(db.dataSource());
            DatasetRecord rec = repo.insert("gaps", "d", "s", false, data, false);
            MarketData loaded = repo.load(rec.datasetId());
            for (AssetClass c : new AssetClass[] {AssetClass.EQUITY, AssetClass.BOND}) {
                for (int i = 0; i < 6; i++) {
                    assertThat(Double.doubleToRawLongBits(loaded.returnOf(c, i))).as(c + " row " + i)
                            .isEqualTo(Double.doubleToRawLongBits(r[c.ordinal()][i]));
                }
            }
            assertThat(loaded.fingerprint()).isEqualTo(rec.fingerprint()).isEqualTo(data.fingerprint());
        }
    }
}
