package foresto.ui.robust;

import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Robustness tab writes its figures through the shared locale formatter, as every other screen does: grouped
 * digits in percentages too, the sign of a difference always written, and "—" for a figure that is not a number.
 */
class TextsTest {
    private final Locale was = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.use(was);
    }

    @Test
    void figuresFollowTheSharedFormatInBothLanguages() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            Messages.use(language);
            assertThat(Texts.percent(0.0849)).isEqualTo("8.49 %");
            assertThat(Texts.percent(12.345)).as("grouped as the Cells table and Summary do").isEqualTo("1,234.50 %");
            assertThat(Texts.points(0.0022)).isEqualTo("+0.22 %p");
            assertThat(Texts.points(-0.0119)).isEqualTo("-1.19 %p");
            assertThat(Texts.points(0)).isEqualTo("0.00 %p"); // no direction, as DisplayNumber.zeroUnsigned writes it
            assertThat(Texts.points(-0.000001)).isEqualTo("0.00 %p"); // was "-0.00 %p" on the start-dates summary
            assertThat(Texts.size(-0.000001)).isEqualTo("0.00 %p");
            assertThat(Texts.size(0.0004)).isEqualTo("0.04 %p");
            assertThat(Texts.money(92456.891)).isEqualTo("92,456.89");
            assertThat(Texts.count(6297)).isEqualTo("6,297");
            assertThat(Texts.percent(Double.NaN)).as("no number").isEqualTo("—");
            assertThat(Texts.points(Double.NaN)).isEqualTo("—");
            assertThat(Texts.size(Double.NaN)).isEqualTo("—");
        }
    }

    @Test
    void aWrappedFigureKeepsItsUnitOnItsLine() {
        assertThat(Texts.glued("중 52.78 %에서 OFF를, 범위 -1.50 %p ~ +0.52 %p"))
                .isEqualTo("중 52.78\u00a0%에서 OFF를, 범위 -1.50\u00a0%p ~ +0.52\u00a0%p");
        assertThat(Texts.glued("CAGR 7.40 %, 18.85 %.")).doesNotContain(" %");
    }
}
