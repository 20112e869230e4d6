package foresto.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** One Korean name per meaning: CAGR is 연평균 수익률 everywhere, and the semantics version reads as Korean words. */
class KoreanOneNameTest {

    private static Properties korean() throws IOException {
        Properties p = new Properties();
        try (InputStream in = KoreanOneNameTest.class.getResourceAsStream("/foresto/i18n/messages_ko.properties")) {
            assertThat(in).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void cagrHasOneKoreanNameAndTheSemanticsVersionIsInKoreanWords() throws IOException {
        Properties ko = korean();
        for (String key : ko.stringPropertyNames()) {
            assertThat(ko.getProperty(key)).as(key).doesNotContain("연복리").doesNotContain("시맨틱스");
        }
        assertThat(ko.getProperty("metric.cagr.label")).isEqualTo("연평균 수익률(CAGR)");
        assertThat(ko.getProperty("metric.cagr.title")).isEqualTo("연평균 수익률");
        assertThat(ko.getProperty("main.run.semantics")).isEqualTo("계산 규칙 버전 {0}");
    }
}
