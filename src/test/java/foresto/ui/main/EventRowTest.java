package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.BaseDayPolicy;
import foresto.engine.Frequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.engine.TriggerType;
import foresto.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The events table's texts, made once per run: the CSV's columns, numbers rounded for reading. */
class EventRowTest {
    private static RebalancingEvent event() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("EQUITY", 0.634567);
        before.put("BOND", 0.365433);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("EQUITY", 0.6);
        after.put("BOND", 0.4);
        return new RebalancingEvent(LocalDate.of(2003, 2, 3), TriggerType.PERIODIC,
                new TriggerDetail.Periodic(Frequency.MONTHLY, BaseDayPolicy.FIRST_TRADING_DAY), before, after,
                0.0345670, 0.001, 34.56784, 1234567.891249, 1234533.32341);
    }

    @Test
    void numbersAreRoundedForReadingAndTheTriggerIsInWords() {
        RebalancingEvent e = event();
        EventRow row = EventRow.of(7, e);
        assertThat(row.index()).isEqualTo(7);
        assertThat(row.event()).isSameAs(e);
        assertThat(row.cells()).hasSize(EventTable.COLUMNS.size());
        assertThat(row.cells()).as("made once").isSameAs(row.cells());
        assertThat(row.cell(0)).isEqualTo(row.cells().get(0));
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int k = 0; k < EventTable.COLUMNS.size(); k++) {
            byHeader.put(EventTable.COLUMNS.get(k).header(), row.cells().get(k));
        }
        // worked by hand: 0.034567 = 3.4567 % → 3.46 %; money grouped with two decimals, half up
        assertThat(byHeader.get("turnover")).isEqualTo("3.46 %");
        assertThat(byHeader.get("cost_amount")).isEqualTo("34.57");
        assertThat(byHeader.get("value_before")).isEqualTo("1,234,567.89");
        assertThat(byHeader.get("value_after")).isEqualTo("1,234,533.32");
        assertThat(e.beforeWeights().keySet()).containsExactly("BOND", "EQUITY"); // the order the weights iterate in
        // shown in the app's class order, Equity first, as the targets and the weights at close
        assertThat(byHeader.get("before_weights")).isEqualTo("Equity 63.46 %  Bonds 36.54 %");
        assertThat(byHeader.get("after_weights")).isEqualTo("Equity 60.00 %  Bonds 40.00 %");
        assertThat(byHeader.get("event_date")).isEqualTo("2003-02-03");
        assertThat(byHeader.get("trigger_type")).isEqualTo(Messages.tr("why.trigger.periodic")).isNotEqualTo("PERIODIC");
        assertThat(byHeader.get("trigger_detail")).isEqualTo(EventTable.why(e));
        assertThat(byHeader.get("cost_rate")).isEqualTo("0.10 %"); // 0.001 = 10 bp, exact
    }

    @Test
    void numericColumnsSortByTheEnginesNumbersNotTheirTexts() {
        RebalancingEvent e = event();
        assertThat(EventRow.number("turnover", e)).isEqualTo(0.0345670);
        assertThat(EventRow.number("cost_rate", e)).isEqualTo(0.001);
        assertThat(EventRow.number("cost_amount", e)).isEqualTo(34.56784);
        assertThat(EventRow.number("value_before", e)).isEqualTo(1234567.891249);
        assertThat(EventRow.number("value_after", e)).isEqualTo(1234533.32341);
        // as text "999.57" sorts after "8,634.00"; as numbers before
        assertThat(EventRow.numberText("value_after", 999.57)).isEqualTo("999.57");
        assertThat(EventRow.numberText("value_after", 8634)).isEqualTo("8,634.00");
    }

    @Test
    void onlyMoneyTurnoverAndCostColumnsAreNumeric() {
        assertThat(EventTable.headers().stream().filter(EventRow::isNumeric))
                .containsExactly("turnover", "cost_rate", "cost_amount", "value_before", "value_after");
    }
}
