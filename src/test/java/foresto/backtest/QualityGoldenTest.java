package foresto.backtest;

import foresto.db.SampleData;
import foresto.engine.MarketData;
import foresto.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality report's Phase 1 golden: the OFF smoke case on the bundled sample data. Written once with
 * {@code -Dgolden.write=true}; never regenerate it to make a test pass.
 */
class QualityGoldenTest {
    static final Path FILE = Path.of("src/main/resources" + QualityReport.GOLDEN_RESOURCE);

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void writeGolden() throws Exception {
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Golden g = QualityReport.Golden.of(data, QualityReport.smokeOff(data));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", "OFF, EQUITY 0.6 / BOND 0.3 / SHORT_TERM 0.1, whole sample dataset, SKIP, initial value 1");
        m.put("dataset_fingerprint", g.datasetFingerprint());
        m.put("final_value", g.finalValue());
        m.put("path_sha256", g.pathSha256());
        m.put("days", g.days());
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, Json.writePretty(m) + "\n");
    }

    @Test
    void bundledGoldenMatchesTheOffPathOnTheSampleData() {
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Golden now = QualityReport.Golden.of(data, QualityReport.smokeOff(data));
        assertThat(now).isEqualTo(QualityReport.Golden.bundled());
        assertThat(now.days()).isGreaterThan(6000);
    }
}
