package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.engine.TriggerType;
import foresto.engine.Weights;
import foresto.i18n.Messages;
import foresto.model.StudyInfo;
import foresto.model.StudyRecord;
import foresto.ui.common.RuleText;
import foresto.ui.portfolios.PortfoliosViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last English words and raw codes on the Korean screen: asset classes by name in the events table, a stored
 * study's parameters in Korean, ordinal days read naturally, and no document or table names in screen texts.
 */
class KoreanWordsTest {
    @BeforeEach
    void korean() {
        Messages.use(Locale.KOREAN);
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH); // the other tests of this JVM read English
    }

    private static RebalancingEvent driftEvent() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("SHORT_TERM", 0.25);
        before.put("EQUITY", 0.75);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("SHORT_TERM", 0.3);
        after.put("EQUITY", 0.7);
        Map<String, Double> drifts = new LinkedHashMap<>();
        drifts.put("SHORT_TERM", -0.05);
        drifts.put("EQUITY", 0.05);
        return new RebalancingEvent(LocalDate.of(2003, 2, 3), TriggerType.DRIFT,
                new TriggerDetail.Drift(0.04, 0.05, AssetClass.EQUITY, drifts, BandKind.ABSOLUTE, null, null,
                        CheckFrequency.DAILY, null), before, after, 0.05, 0.001, 1.0, 1000.0, 999.0);
    }

    private static Map<String, String> cells(RebalancingEvent e) {
        EventRow row = EventRow.of(0, e);
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int k = 0; k < EventTable.COLUMNS.size(); k++) {
            byHeader.put(EventTable.COLUMNS.get(k).header(), row.cell(k));
        }
        return byHeader;
    }

    @Test
    void theEventsTableNamesAssetClassesInKorean() {
        Map<String, String> c = cells(driftEvent());
        assertThat(c.get("breached_asset_class")).isEqualTo("주식");
        assertThat(c.get("before_weights")).contains("주식 75.00 %").contains("단기 25.00 %")
                .doesNotContain("EQUITY").doesNotContain("SHORT_TERM");
        assertThat(c.get("after_weights")).contains("주식 70.00 %").contains("단기 30.00 %");
    }

    @Test
    void portfolioWeightsTooltipNamesClassesInKorean() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("EQUITY", 0.6);
        w.put("BOND", 0.4);
        assertThat(PortfoliosViewModel.weightsText(Weights.ofCodes(w))).isEqualTo("주식 0.6, 채권 0.4");
    }

    @Test
    void cashFlowColumnsNameTheirClassInKorean() {
        assertThat(FlowsPanel.tradeTitle("SHORT_TERM")).isEqualTo("단기 +매수 / −매도");
        Messages.use(Locale.ENGLISH);
        assertThat(FlowsPanel.tradeTitle("SHORT_TERM")).isEqualTo("Short-term +bought / −sold");
    }

    @Test
    void englishNamesTheClassesInWordsWithoutHangul() {
        Messages.use(Locale.ENGLISH);
        Map<String, String> c = cells(driftEvent());
        assertThat(c.get("breached_asset_class")).isEqualTo("Equity");
        assertThat(c.get("before_weights")).contains("Equity 75.00 %").contains("Short-term 25.00 %");
        for (String cell : c.values()) {
            assertThat(cell).doesNotContainPattern("\\p{IsHangul}");
        }
        RunModel.ClassWeight w = new RunModel.ClassWeight(AssetClass.EQUITY, 0.55, 0.6, 0.5, 0.05);
        assertThat(w.classText()).isEqualTo("Equity");
        assertThat(w.driftText()).doesNotContainPattern("\\p{IsHangul}");
        Messages.use(Locale.KOREAN);
        assertThat(w.classText()).isEqualTo("주식");
        assertThat(new RunModel.ClassWeight(AssetClass.BOND, 0.3, 0.3, 0.3, 0.05).classText()).isEqualTo("채권");
    }

    private static StudyRecord study(String kind, String parameters, String summary, String words) {
        StudyInfo info = new StudyInfo(1, "Balanced", 1, "sample", LocalDate.of(2000, 1, 3), LocalDate.of(2010, 12, 31),
                1.0, "SKIP", "rule", null, words);
        return new StudyRecord(1, "h", kind, info, parameters, summary, 1.0, null);
    }

    @Test
    void storedStudiesParametersReadInKorean() {
        assertThat(RunHistory.parametersText(study("TIMING", "{\"phases\":\"0,1,2\",\"offsets\":\"0\"}", "{}",
                "phases 0,1,2, offsets 0"))).isEqualTo("월 이동 0,1,2, 거래일 이동 0");
        assertThat(RunHistory.parametersText(study("WINDOWS", "{\"length_months\":60,\"step_months\":1}",
                "{\"count\":73}", "L = 60 months, step 1 months, 73 windows")))
                .isEqualTo("구간 길이 60개월, 간격 1개월, 구간 73개");
        assertThat(RunHistory.parametersText(study("BOOTSTRAP", "{\"paths\":1000,\"block\":5.0,\"seed\":\"42\"}", "{}",
                "J = 1000, b = 5, seed 42"))).isEqualTo("경로 1000개, 평균 블록 길이 5, 시드 42");
        // unreadable parameters: the stored words, as before
        assertThat(RunHistory.parametersText(study("TIMING", "not json", "{}", "phases 0, offsets 0")))
                .isEqualTo("phases 0, offsets 0");
        Messages.use(Locale.ENGLISH);
        assertThat(RunHistory.parametersText(study("WINDOWS", "{\"length_months\":60,\"step_months\":1}",
                "{\"count\":73}", "L = 60 months, step 1 months, 73 windows")))
                .isEqualTo("L = 60 months, step 1 months, 73 windows");
    }

    @Test
    void ordinalDaysReadAsKoreanOrdinals() {
        assertThat(RuleText.ordinal(1, Locale.KOREAN)).isEqualTo("첫째");
        assertThat(RuleText.ordinal(2, Locale.KOREAN)).isEqualTo("둘째");
        assertThat(RuleText.ordinal(11, Locale.KOREAN)).isEqualTo("열한째");
        assertThat(RuleText.ordinal(21, Locale.KOREAN)).isEqualTo("스물한째");
        assertThat(RuleText.ordinal(22, Locale.KOREAN)).isEqualTo("22번째"); // past the words: the number
        assertThat(RuleText.ordinal(2, Locale.ENGLISH)).isEqualTo("2nd");
        assertThat(RuleText.ordinal(23, Locale.ENGLISH)).isEqualTo("23rd");
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = KoreanWordsTest.class.getResourceAsStream("/foresto/i18n/" + name)) {
            assertThat(in).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void screenTextsNameNoDocumentSectionOrTable() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_ko.properties"}) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                assertThat(v).as("%s %s", name, key).doesNotContain("§").doesNotContain("SEMANTICS")
                        .doesNotContain("rebalancing_rule");
            }
        }
        Properties ko = bundle("messages_ko.properties");
        assertThat(ko.getProperty("rules.rulesView.rebalancingRule")).isEqualTo("리밸런싱 규칙");
        for (String key : ko.stringPropertyNames()) {
            assertThat(ko.getProperty(key)).as(key).doesNotContain("더하기)").doesNotContain("빼기)")
                    .doesNotContain("1번째").doesNotContain("2번째");
        }
        assertThat(ko.getProperty("portfolios.sumAdd")).contains("부족분 {1}");
        assertThat(ko.getProperty("portfolios.sumRemove")).contains("초과분 {1}");
    }
}
