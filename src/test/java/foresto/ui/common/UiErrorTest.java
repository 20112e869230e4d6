package foresto.ui.common;

import foresto.error.ErrorCode;
import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An error reads in plain words in the analyst's language; the code and the technical message stay for support. */
class UiErrorTest {
    private static final UiError WEIGHTS = new UiError("t", ErrorCode.INVALID_WEIGHTS, "weights must sum to 1, got 0.9");

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void koreanSaysWhatWentWrongThenKeepsTheDetails() {
        Messages.use(Locale.KOREAN);
        assertThat(WEIGHTS.plain()).isEqualTo("비중이 올바르지 않습니다. 각 비중은 0과 1 사이이고 합계는 1이어야 합니다.\n"
                + "상세: INVALID_WEIGHTS: weights must sum to 1, got 0.9");
        assertThat(WEIGHTS.status()).isEqualTo("비중이 올바르지 않습니다. 각 비중은 0과 1 사이이고 합계는 1이어야 합니다."
                + " (INVALID_WEIGHTS: weights must sum to 1, got 0.9)");
    }

    @Test
    void englishStatusStartsWithTheCodeAndMessageAsBefore() {
        Messages.use(Locale.ENGLISH);
        assertThat(WEIGHTS.status()).isEqualTo("INVALID_WEIGHTS: weights must sum to 1, got 0.9 — The weights are not valid:"
                + " each must be between 0 and 1 and together they must add up to 1.");
    }

    @Test
    void everyCodeHasAKoreanSentenceThatIsNotItsKey() {
        for (ErrorCode code : ErrorCode.values()) {
            String ko = Messages.in(Locale.KOREAN, "error." + code.name());
            assertThat(ko).as(code.name()).isNotEqualTo("error." + code.name())
                    .matches(s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL));
        }
    }
}
