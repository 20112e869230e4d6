package foresto.ui.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Columns of texts in the screen's number forms sort by the number they show. */
class NumberColumnTest {
    @Test
    void textsInTheScreensFormsReadBackAsTheirNumbers() {
        assertThat(NumberColumn.numberIn("8,634.00")).isEqualTo(8634.0);
        assertThat(NumberColumn.numberIn("999.57")).isEqualTo(999.57);
        assertThat(NumberColumn.numberIn("-1.23 %")).isEqualTo(-1.23);
        assertThat(NumberColumn.numberIn("+0.22 %p")).isEqualTo(0.22);
        assertThat(NumberColumn.numberIn("#12")).isEqualTo(12.0);
        assertThat(NumberColumn.numberIn("2015-01-02")).as("a date is not a number").isNaN();
        assertThat(NumberColumn.numberIn("drift:0.05")).isNaN();
        assertThat(NumberColumn.numberIn("—")).isNaN();
        assertThat(NumberColumn.numberIn(null)).isNaN();
    }

    @Test
    void numbersSortByValueBeforeOtherTexts() {
        List<String> texts = new ArrayList<>(List.of("8,634.00", "—", "999.57", "-5.00", "10", "9", "abc"));
        texts.sort(NumberColumn::compareTexts);
        // as text "10" < "8,634.00" < "9" < "999.57"
        assertThat(texts).containsExactly("-5.00", "9", "10", "999.57", "8,634.00", "abc", "—");
    }
}
