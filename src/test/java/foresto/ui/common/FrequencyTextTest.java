package foresto.ui.common;

import foresto.engine.PeriodsPerYear;
import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The data frequency reads in the analyst's language; the files' English label is untouched. */
class FrequencyTextTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void frequencyFollowsTheLanguage() {
        Messages.use(Locale.KOREAN);
        assertThat(FrequencyText.of(PeriodsPerYear.MONTHLY)).isEqualTo("월간 데이터 (f = 12)");
        assertThat(FrequencyText.of(PeriodsPerYear.DAILY)).isEqualTo("일간 데이터 (f = 252)");
        assertThat(FrequencyText.of(PeriodsPerYear.ofStored(26))).isEqualTo("연 26기간 데이터 (f = 26)");
        Messages.use(Locale.ENGLISH);
        assertThat(FrequencyText.of(PeriodsPerYear.MONTHLY)).isEqualTo("monthly data (f = 12)");
        assertThat(FrequencyText.of(PeriodsPerYear.QUARTERLY)).isEqualTo("quarterly data (f = 4)");
        assertThat(PeriodsPerYear.MONTHLY.label()).isEqualTo("monthly data (f = 12)");
    }
}
