package foresto.backtest;

import foresto.db.SampleData;
import foresto.engine.MarketData;
import foresto.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the quality report's OFF reference on the sample data ({@link QualityReport#REFERENCE_RESOURCE}), which
 * {@link SampleOffReferenceTest} checks. Never run by a test: only by {@code mvn -Pgolden-write process-test-classes}
 * ({@code -Dgolden.root=DIR} writes under DIR instead of the project).
 */
public final class SampleOffReferenceWriter {
    private SampleOffReferenceWriter() {
    }

    /** @param args the project root to write under (default: the working directory) */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path file = root.resolve(Path.of("src", "main", "resources")).resolve(QualityReport.REFERENCE_RESOURCE.substring(1));
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Reference g = QualityReport.Reference.of(data, QualityReport.smokeOff(data));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", "OFF, EQUITY 0.6 / BOND 0.3 / SHORT_TERM 0.1, whole sample dataset, SKIP, initial value 1");
        m.put("dataset_fingerprint", g.datasetFingerprint());
        m.put("final_value", g.finalValue());
        m.put("path_sha256", g.pathSha256());
        m.put("days", g.days());
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.writePretty(m) + "\n");
    }
}
