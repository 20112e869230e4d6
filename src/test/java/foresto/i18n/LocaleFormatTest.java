package foresto.i18n;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, numbers and errors in the analyst's language: the forms written out by hand. */
class LocaleFormatTest {
    @AfterEach
    void backToEnglish() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void bothLanguagesWriteIsoDatesSoOneScreenNeverMixesTwoForms() {
        LocalDate d = LocalDate.of(2024, 1, 5);
        Messages.use(Locale.ENGLISH);
        assertThat(LocaleFormat.date(d)).isEqualTo("2024-01-05");
        Messages.use(Locale.KOREAN);
        assertThat(LocaleFormat.date(d)).isEqualTo("2024-01-05");
        assertThat(LocaleFormat.dateTime(d.atTime(9, 5))).isEqualTo("2024-01-05 09:05");
        assertThat(LocaleFormat.date(null)).isEmpty();
    }

    @Test
    void numbersAreGroupedWithFixedDecimals() {
        for (Locale l : Messages.LANGUAGES) {
            Messages.use(l);
            assertThat(LocaleFormat.money(33030.3647)).isEqualTo("33,030.36");
            assertThat(LocaleFormat.money(16852.1)).isEqualTo("16,852.10");
            assertThat(LocaleFormat.integer(1234567)).isEqualTo("1,234,567");
            assertThat(LocaleFormat.percent(0.05344, 2)).isEqualTo("5.34 %");
            assertThat(LocaleFormat.decimal(Double.NaN, 2)).isEqualTo("—");
        }
    }

    @Test
    void aNegativeNumberThatRoundsToZeroHasNoSign() {
        for (Locale l : Messages.LANGUAGES) {
            Messages.use(l);
            assertThat(LocaleFormat.decimal(-0.001, 2)).isEqualTo("0.00");
            assertThat(LocaleFormat.percent(-0.00001, 2)).isEqualTo("0.00 %");
            assertThat(LocaleFormat.decimal(-0.006, 2)).isEqualTo("-0.01");
        }
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theLanguageFollowsTheMachineUnlessChosen() {
        assertThat(Messages.forMachine(Locale.KOREA)).isEqualTo(Locale.KOREAN);
        assertThat(Messages.forMachine(Locale.FRANCE)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.parse("ko")).contains(Locale.KOREAN);
        assertThat(Messages.parse("de")).isEmpty();
    }

    @Test
    void argumentsAreFilledInAndQuotesSurvive() {
        Messages.use(Locale.ENGLISH);
        assertThat(Messages.tr("rules.saved", "Monthly", "7")).isEqualTo("Saved rule 'Monthly' (id 7)");
        Messages.use(Locale.KOREAN);
        assertThat(Messages.tr("rules.saved", "월간", "7")).isEqualTo("규칙 '월간' 저장됨 (id 7)");
        assertThat(Messages.tr("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void anErrorReadsAsPlainWordsThenItsCodeInADetailsLine() {
        ForestoException e = new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights sum to 0.9");
        Messages.use(Locale.ENGLISH);
        assertThat(ErrorText.of(e)).isEqualTo("The weights are not valid: each must be between 0 and 1 and together they "
                + "must add up to 1.\nDetails: INVALID_WEIGHTS: weights sum to 0.9");
        Messages.use(Locale.KOREAN);
        assertThat(ErrorText.of(e)).isEqualTo("비중이 올바르지 않습니다. 각 비중은 0과 1 사이이고 합계는 1이어야 합니다.\n"
                + "상세: INVALID_WEIGHTS: weights sum to 0.9");
        assertThat(ErrorText.details(ErrorCode.DATABASE_ERROR, "")).isEqualTo("상세: DATABASE_ERROR");
    }
}
