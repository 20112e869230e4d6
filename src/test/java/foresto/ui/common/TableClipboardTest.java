package foresto.ui.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableClipboardTest {
    @Test
    void groupedNumbersLoseTheirGroupingSoASpreadsheetReadsThem() {
        assertThat(TableClipboard.cell("16,852.1")).isEqualTo("16852.1");
        assertThat(TableClipboard.cell("1,234,567")).isEqualTo("1234567");
        assertThat(TableClipboard.cell("+1,922.0000")).isEqualTo("1922.0000");
        assertThat(TableClipboard.cell("-33,030.3647")).isEqualTo("-33030.3647");
        assertThat(TableClipboard.cell("\u22122.5")).isEqualTo("-2.5");
        assertThat(TableClipboard.cell("999.57")).isEqualTo("999.57");
    }

    @Test
    void percentagesStayPercentagesAndPointsBecomeTheSamePercentage() {
        assertThat(TableClipboard.cell("12.34%")).isEqualTo("12.34%");
        assertThat(TableClipboard.cell("-7.1 %")).isEqualTo("-7.1%");
        assertThat(TableClipboard.cell("+2.31%p")).isEqualTo("2.31%");
    }

    @Test
    void valuesHeldAsNumbersAreWrittenAsPlainDecimals() {
        assertThat(TableClipboard.cell(1.0E-5)).isEqualTo("0.00001");
        assertThat(TableClipboard.cell(12345678.9)).isEqualTo("12345678.9");
        assertThat(TableClipboard.cell(Double.NaN)).isEmpty();
        assertThat(TableClipboard.cell(42)).isEqualTo("42");
    }

    @Test
    void textStaysTextOnOneLineAndAMissingValueIsEmpty() {
        assertThat(TableClipboard.cell("\u2014")).isEmpty();
        assertThat(TableClipboard.cell(null)).isEmpty();
        assertThat(TableClipboard.cell("EQUITY 주식")).isEqualTo("EQUITY 주식");
        assertThat(TableClipboard.cell("drift\tof\nEQUITY")).isEqualTo("drift of EQUITY");
        assertThat(TableClipboard.cell("2020-01-02")).isEqualTo("2020-01-02");
        assertThat(TableClipboard.cell("1,2")).isEqualTo("1,2");
    }
}
