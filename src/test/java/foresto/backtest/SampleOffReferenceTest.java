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
 * The quality report's recorded OFF reference (not a Phase 1 golden: recorded with this engine) on the bundled
 * sample data. Written once with
 * {@code -Dreference.write=true}; never regenerate it to make a test pass.
 */
class SampleOffReferenceTest {
    static final Path FILE = Path.of("src/main/resources" + QualityReport.REFERENCE_RESOURCE);

    @Test
    @EnabledIfSystemProperty(named = "reference.write", matches = "true")
    void writeReference() throws Exception {
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Reference g = QualityReport.Reference.of(data, QualityReport.smokeOff(data));
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
    void bundledReferenceMatchesTheOffPathOnTheSampleData() {
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Reference now = QualityReport.Reference.of(data, QualityReport.smokeOff(data));
        assertThat(now).isEqualTo(QualityReport.Reference.bundled());
        assertThat(now.days()).isGreaterThan(6000);
    }
}
