package foresto.backtest;

import foresto.db.SampleData;
import foresto.engine.MarketData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality report's recorded OFF reference (not a Phase 1 golden: recorded with this engine) on the bundled
 * sample data. Written once (today's writer: {@link SampleOffReferenceWriter}, run only by
 * {@code mvn -Pgolden-write process-test-classes}); never regenerate it to make a test pass.
 */
class SampleOffReferenceTest {

    @Test
    void bundledReferenceMatchesTheOffPathOnTheSampleData() {
        MarketData data = SampleData.syntheticMarket();
        QualityReport.Reference now = QualityReport.Reference.of(data, QualityReport.smokeOff(data));
        assertThat(now).isEqualTo(QualityReport.Reference.bundled());
        assertThat(now.days()).isGreaterThan(6000);
    }
}
