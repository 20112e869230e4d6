package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.Frequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.engine.TriggerType;
import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why an event fired reads in the analyst's language, from the detail's fields; in English it is the events file's
 * text, which stays as scripts read it.
 */
class WhyTextTest {
    /** A pre-v2 drift event: θ only, no band fields. */
    private static final RebalancingEvent ABSOLUTE = drift(TriggerType.DRIFT, new TriggerDetail.Drift(0.05, 0.0521, AssetClass.EQUITY,
            Map.of("EQUITY", 0.0521, "BOND", -0.0521), null, null, null, null, null));
    private static final RebalancingEvent RELATIVE = drift(TriggerType.DRIFT, new TriggerDetail.Drift(null, 0.1023, AssetClass.BOND,
            Map.of("EQUITY", 0.1023, "BOND", -0.1023), BandKind.RELATIVE, 0.25, Map.of("EQUITY", 0.15, "BOND", 0.1),
            CheckFrequency.QUARTERLY, 0.5));
    private static final RebalancingEvent HYBRID = drift(TriggerType.DRIFT, new TriggerDetail.Drift(0.05, 0.025, AssetClass.GOLD,
            Map.of("EQUITY", -0.025, "GOLD", 0.025), BandKind.HYBRID, 0.2, Map.of("EQUITY", 0.05, "GOLD", 0.02),
            CheckFrequency.DAILY, 0.0));
    private static final RebalancingEvent QUARTER_FIRST = drift(TriggerType.PERIODIC,
            new TriggerDetail.Periodic(Frequency.QUARTERLY, BaseDayPolicy.FIRST_TRADING_DAY));
    private static final RebalancingEvent YEAR_LAST = drift(TriggerType.PERIODIC,
            new TriggerDetail.Periodic(Frequency.ANNUAL, BaseDayPolicy.LAST_TRADING_DAY));

    private static RebalancingEvent drift(TriggerType type, TriggerDetail detail) {
        return new RebalancingEvent(LocalDate.of(2020, 3, 2), type, detail, Map.of("EQUITY", 0.65, "BOND", 0.35),
                Map.of("EQUITY", 0.6, "BOND", 0.4), 0.05, 0.001, 5, 1000, 995);
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH); // the other tests of this JVM read English
    }

    @Test
    void everyTriggerIsExplainedInKorean() {
        Messages.use(Locale.KOREAN);
        assertThat(WhyText.of(ABSOLUTE)).isEqualTo("주식 드리프트 +5.21 %p, |드리프트| 5.21 %p ≥ 절대 밴드 5.00 %p");
        assertThat(WhyText.of(RELATIVE))
                .isEqualTo("채권 드리프트 -10.23 %p, |드리프트| 10.23 %p ≥ 상대 밴드 10.00 %p, 분기마다 확인, 밴드의 50 %까지 거래");
        assertThat(WhyText.of(HYBRID)).isEqualTo("금 드리프트 +2.50 %p, |드리프트| 2.50 %p ≥ 혼합 밴드 2.00 %p");
        assertThat(WhyText.of(QUARTER_FIRST)).isEqualTo("분기의 첫 거래일 (분기마다, 첫 거래일 기준)");
        assertThat(WhyText.of(YEAR_LAST)).isEqualTo("연도의 마지막 거래일 (매년, 마지막 거래일 기준)");
        assertThat(WhyText.trigger(ABSOLUTE)).isEqualTo("드리프트");
        assertThat(WhyText.trigger(YEAR_LAST)).isEqualTo("정기");
        assertThat(WhyText.band(RELATIVE)).isEqualTo("상대");
        assertThat(WhyText.band(YEAR_LAST)).isEmpty();
    }

    @Test
    void englishReadsTheNumbersInTheScreensFormWhileCalendarTextsStayTheFiles() {
        Messages.use(Locale.ENGLISH);
        assertThat(WhyText.of(ABSOLUTE)).isEqualTo("Equity drifted +5.21 %p, |drift| 5.21 %p ≥ absolute band 5.00 %p");
        assertThat(WhyText.of(RELATIVE))
                .isEqualTo("Bonds drifted -10.23 %p, |drift| 10.23 %p ≥ relative band 10.00 %p, checked quarterly, traded to 50 % of the band");
        assertThat(WhyText.of(QUARTER_FIRST)).isEqualTo("first trading day of the quarter (QUARTERLY, FIRST_TRADING_DAY)");
        assertThat(WhyText.trigger(ABSOLUTE)).isEqualTo("Drift");
        assertThat(WhyText.trigger(YEAR_LAST)).isEqualTo("Periodic");
        assertThat(WhyText.band(RELATIVE)).isEqualTo("relative");
        for (RebalancingEvent e : List.of(QUARTER_FIRST, YEAR_LAST)) {
            assertThat(WhyText.of(e)).isEqualTo(EventTable.why(e));
        }
        for (RebalancingEvent e : List.of(ABSOLUTE, RELATIVE, HYBRID, QUARTER_FIRST, YEAR_LAST)) {
            assertThat(WhyText.trigger(e)).as("words, not the file's code").isNotEqualTo(e.triggerType().name());
        }
    }

    @Test
    void theEventsTableSpeaksTheLanguageWhileTheFileStaysEnglish() {
        Messages.use(Locale.KOREAN);
        List<String> cells = EventRow.of(0, RELATIVE).cells();
        List<String> headers = EventTable.COLUMNS.stream().map(EventTable.Column::header).toList();
        assertThat(cells.get(headers.indexOf("trigger_type"))).isEqualTo("드리프트");
        assertThat(cells.get(headers.indexOf("band_kind"))).isEqualTo("상대");
        assertThat(cells.get(headers.indexOf("trigger_detail"))).startsWith("채권 드리프트 -10.23 %p");
        // the file's row is the same in any language
        assertThat(EventTable.row(RELATIVE).subList(1, 5)).containsExactly("DRIFT",
                "BOND(채권) drifted -10.23%p, |drift| 0.1023 ≥ RELATIVE band 0.1, checked quarterly, traded to 0.5 of the band",
                "RELATIVE", "BOND");
    }

    /** ρ = 0.2 on a target of 0.1 (the trial's gold): the band ρ·w is 0.020000000000000004 in doubles, and must read 2.00 %p. */
    @Test
    void aRelativeBandsProductReadsInPointsNotAsARawDouble() {
        double band = 0.2 * 0.1;
        assertThat(Double.toString(band)).isEqualTo("0.020000000000000004");
        RebalancingEvent e = drift(TriggerType.DRIFT, new TriggerDetail.Drift(null, 0.0203, AssetClass.GOLD,
                Map.of("GOLD", -0.0203, "EQUITY", 0.0203), BandKind.RELATIVE, 0.2, Map.of("GOLD", band, "EQUITY", 0.02),
                CheckFrequency.DAILY, 0.0));
        Messages.use(Locale.KOREAN);
        assertThat(WhyText.of(e)).isEqualTo("금 드리프트 -2.03 %p, |드리프트| 2.03 %p ≥ 상대 밴드 2.00 %p");
        Messages.use(Locale.ENGLISH);
        assertThat(WhyText.of(e)).isEqualTo("Gold drifted -2.03 %p, |drift| 2.03 %p ≥ relative band 2.00 %p")
                .doesNotContain("0000");
    }
}
