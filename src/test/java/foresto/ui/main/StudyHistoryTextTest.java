package foresto.ui.main;

import foresto.i18n.Messages;
import foresto.model.StudyInfo;
import foresto.model.StudyRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How the History words a stored study: its kind, rule(s) and headline figure, from its stored summary. */
class StudyHistoryTextTest {
    static StudyRecord study(String kind, String versus, String summary) {
        return new StudyRecord(7, "a".repeat(64), kind, new StudyInfo(1, "Balanced", 2, "data", LocalDate.of(2020, 1, 2),
                LocalDate.of(2021, 1, 4), 100, "SKIP", "monthly", versus, "…"), "{}", summary, 1.0, null);
    }

    @Test
    void eachKindShowsItsHeadlineInPercent() {
        assertThat(RunHistory.headline(study("TIMING", null, "{\"variants\":12,\"timing_luck\":0.00091,\"spread\":0.0025}")))
                .isEqualTo("timing luck 0.09 %p a year over 12 variants");
        assertThat(RunHistory.headline(study("WINDOWS", null, "{\"count\":224,\"median\":0.0032,\"share_positive\":0.71}")))
                .isEqualTo("median premium +0.32 %p, 71.00 % of 224 windows positive");
        // as the study screen writes them: a spread and a premium of CAGRs in percentage points, two decimals
        Messages.use(Locale.KOREAN);
        try {
            assertThat(RunHistory.headline(study("TIMING", null, "{\"variants\":12,\"timing_luck\":0.00036}")))
                    .startsWith("타이밍 운 연 0.04 %p");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
        assertThat(RunHistory.headline(study("BOOTSTRAP", "OFF", "{\"p_beats\":0.713,\"p_beats_se\":0.0143,"
                + "\"cagr_diff_median\":0.001}"))).isEqualTo("A beats B in 71.30 % ± 1.43 %");
    }

    @Test
    void aBootstrapNamesBothRulesAndTheKindsReadAsWords() {
        assertThat(RunHistory.rulesText(study("BOOTSTRAP", "OFF", "{}"))).isEqualTo("monthly vs OFF");
        assertThat(RunHistory.rulesText(study("TIMING", null, "{}"))).isEqualTo("monthly");
        assertThat(RunHistory.kindText(study("WINDOWS", null, "{}"))).isEqualTo("Start dates");
        assertThat(RunHistory.headline(study("TIMING", null, "not json"))).isEqualTo("—");
    }

    @Test
    void aStudysInlineRulesReadInWordsNotAsTheirStoredSpecs() {
        StudyRecord inline = new StudyRecord(8, "b".repeat(64), "BOOTSTRAP", new StudyInfo(1, "Balanced", 2, "data",
                LocalDate.of(2020, 1, 2), LocalDate.of(2021, 1, 4), 100, "SKIP", "inline drift:0.04", "inline drift-rel:0.2", "…"),
                "{}", "{}", 1.0, null);
        assertThat(RunHistory.rulesText(inline)).isEqualTo("Drift ≥ 4 %p vs Drift ≥ 20 % of target");
        Messages.use(Locale.KOREAN);
        try {
            assertThat(RunHistory.rulesText(inline)).doesNotContain("inline").doesNotContain("drift").startsWith("드리프트 ≥ 4 %p");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }
}
