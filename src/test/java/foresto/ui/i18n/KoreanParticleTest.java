package foresto.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Korean particle written straight after a placeholder reads wrongly for some values ("127.67를", "1으로"): the
 * right particle depends on how the value is read aloud. The Korean bundle puts no bare particle after a placeholder,
 * and a run's number ("#{0}") takes no particle at all, not even the two-way "을(를)" form names may use.
 */
class KoreanParticleTest {
    /** A placeholder, then a particle that is not followed by more Hangul (so "{0}개" or "{0}회" are not particles). */
    private static final Pattern BARE = Pattern.compile(
            "\\{\\d+(?:,[^}]*)?}(을|를|이|가|은|는|와|과|로|으로)(?![가-힣(])");
    /** A number placeholder ("#{0}") followed by any particle, the two-way forms included. */
    private static final Pattern AFTER_NUMBER = Pattern.compile("#\\{\\d+}(?:을|를|이|가|은|는|와|과|로|으로|\\(으\\)로)");

    private static Properties korean() throws IOException {
        Properties p = new Properties();
        try (InputStream in = KoreanParticleTest.class.getResourceAsStream("/foresto/i18n/messages_ko.properties")) {
            assertThat(in).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<String> offending(Properties bundle) {
        List<String> bad = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String v = bundle.getProperty(key);
            Matcher bare = BARE.matcher(v);
            if (bare.find()) {
                bad.add(key + ": …" + bare.group() + "…");
            }
            Matcher n = AFTER_NUMBER.matcher(v);
            if (n.find()) {
                bad.add(key + ": …" + n.group() + "…");
            }
        }
        return bad;
    }

    @Test
    void noKoreanSentencePutsAParticleStraightAfterAPlaceholder() throws IOException {
        assertThat(offending(korean())).isEmpty();
    }

    @Test
    void theScanFindsTheWordingsTheTrialReported() {
        Properties p = new Properties();
        p.setProperty("saved", "비용 {2}를 아꼈습니다");
        p.setProperty("version", "버전 {0}으로 계산됨");
        p.setProperty("run", "실행 #{0}을(를) 표시합니다");
        p.setProperty("fine", "경로 {0}개, 비용: {1}, {0}을(를) 저장했습니다");
        assertThat(offending(p)).hasSize(3).noneMatch(s -> s.startsWith("fine"));
    }
}
