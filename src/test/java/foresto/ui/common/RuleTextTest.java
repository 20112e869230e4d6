package foresto.ui.common;

import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.Frequency;
import foresto.engine.RebalancingRule;
import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule on screen reads in the analyst's language, every kind and calendar shift, with the sentences written by hand. */
class RuleTextTest {
    private static final RebalancingRule ABSOLUTE = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001,
            BandKind.ABSOLUTE, Double.NaN, CheckFrequency.DAILY, 0);
    private static final RebalancingRule RELATIVE = new RebalancingRule.Drift(Double.NaN, BaseDayPolicy.FIRST_TRADING_DAY, 0.0025,
            BandKind.RELATIVE, 0.25, CheckFrequency.QUARTERLY, 0.5);
    private static final RebalancingRule HYBRID = new RebalancingRule.Drift(0.05, BaseDayPolicy.LAST_TRADING_DAY, 0,
            BandKind.HYBRID, 0.2, CheckFrequency.MONTHLY, 0, 0, 1);
    /** Quarterly, phase 1 (quarters Feb–Apr, …), day offset 2: the 3rd trading day. */
    private static final RebalancingRule PERIODIC_SHIFTED = new RebalancingRule.Periodic(Frequency.QUARTERLY,
            BaseDayPolicy.FIRST_TRADING_DAY, 0.001, 1, 2);
    private static final RebalancingRule PERIODIC_PLAIN = new RebalancingRule.Periodic(Frequency.MONTHLY,
            BaseDayPolicy.LAST_TRADING_DAY, 0);

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH); // the other tests of this JVM read English
    }

    @Test
    void everyKindReadsInKorean() {
        Messages.use(Locale.KOREAN);
        assertThat(RuleText.of(ABSOLUTE)).isEqualTo("드리프트 ≥ 5 %p (절대 밴드), 매일 확인, 목표 비중까지 거래, 비용 0.10 %");
        assertThat(RuleText.of(RELATIVE))
                .isEqualTo("드리프트 ≥ 목표 비중의 25 % (상대 밴드), 분기마다 첫 거래일에 확인, 밴드의 50 %까지 거래, 비용 0.25 %");
        assertThat(RuleText.of(HYBRID))
                .isEqualTo("드리프트 ≥ min(5 %p, 목표 비중의 20 %) (혼합 밴드), 매월 끝에서 둘째 거래일에 확인, 목표 비중까지 거래, 비용 0.00 %");
        assertThat(RuleText.of(PERIODIC_SHIFTED)).isEqualTo("정기 리밸런싱, 분기마다, 2월부터 매 분기 셋째 거래일, 비용 0.10 %");
        assertThat(RuleText.of(PERIODIC_PLAIN)).isEqualTo("정기 리밸런싱, 매월, 마지막 거래일, 비용 0.00 %");
    }

    @Test
    void everyKindReadsInEnglish() {
        Messages.use(Locale.ENGLISH);
        assertThat(RuleText.of(ABSOLUTE)).isEqualTo("Drift ≥ 5 %p (absolute band), checked daily, traded back to target, cost 0.10 %");
        assertThat(RuleText.of(RELATIVE)).isEqualTo("Drift ≥ 25 % of target (relative band), checked quarterly on the first"
                + " trading day, traded to 50 % of the band, cost 0.25 %");
        assertThat(RuleText.of(HYBRID)).isEqualTo("Drift ≥ min(5 %p, 20 % of target) (hybrid band), checked monthly on the"
                + " 2nd last trading day, traded back to target, cost 0.00 %");
        assertThat(RuleText.of(PERIODIC_SHIFTED))
                .isEqualTo("Periodic, quarterly, on the 3rd trading day of each quarter starting February, cost 0.10 %");
        assertThat(RuleText.of(PERIODIC_PLAIN)).isEqualTo("Periodic, monthly, on the last trading day, cost 0.00 %");
    }

    @Test
    void switchingTheLanguageChangesTheSentence() {
        Messages.use(Locale.KOREAN);
        String korean = RuleText.of(ABSOLUTE);
        Messages.use(Locale.ENGLISH);
        String english = RuleText.of(ABSOLUTE);
        assertThat(korean).isNotEqualTo(english);
        assertThat(korean.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)).isTrue();
        assertThat(english.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)).isFalse();
    }

    @Test
    void ordinalsFollowTheLanguage() {
        Messages.use(Locale.ENGLISH);
        assertThat(RuleText.ordinal(1)).isEqualTo("1st");
        assertThat(RuleText.ordinal(12)).isEqualTo("12th");
        assertThat(RuleText.ordinal(22)).isEqualTo("22nd");
        assertThat(RuleText.ordinal(23)).isEqualTo("23rd");
        Messages.use(Locale.KOREAN);
        assertThat(RuleText.ordinal(3)).isEqualTo("셋째");
    }
}
