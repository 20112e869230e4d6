package foresto.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's number forms, worked by hand. */
class DisplayNumberTest {
    @Test
    void moneyHasTwoDecimalsAndGroupedThousands() {
        assertThat(DisplayNumber.money(33030.3647)).isEqualTo("33,030.36");
        assertThat(DisplayNumber.money(999.565)).isEqualTo("999.57"); // half up on the decimal text of the double
        assertThat(DisplayNumber.money(1234567.891249)).isEqualTo("1,234,567.89");
        assertThat(DisplayNumber.money(0)).isEqualTo("0.00");
        assertThat(DisplayNumber.signedMoney(-12.5)).isEqualTo("-12.50");
        assertThat(DisplayNumber.signedMoney(1234)).isEqualTo("+1,234.00");
        assertThat(DisplayNumber.money(Double.NaN)).isEqualTo("—");
    }

    @Test
    void fractionsArePercentagesAndDifferencesArePoints() {
        assertThat(DisplayNumber.percent(0.0849)).isEqualTo("8.49 %");
        assertThat(DisplayNumber.percent(0.034567)).isEqualTo("3.46 %");
        assertThat(DisplayNumber.percent(0.5, 1)).isEqualTo("50.0 %");
        assertThat(DisplayNumber.percent(12.5)).isEqualTo("1,250.00 %");
        assertThat(DisplayNumber.signedPercent(-0.0123)).isEqualTo("-1.23 %");
        assertThat(DisplayNumber.points(0.0022)).isEqualTo("+0.22 %p");
        assertThat(DisplayNumber.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void ratesKeepEveryDigitWithAtLeastTwoDecimals() {
        assertThat(DisplayNumber.rate(0.001)).isEqualTo("0.10 %");
        assertThat(DisplayNumber.rate(0.00025)).isEqualTo("0.025 %");
        assertThat(DisplayNumber.rate(0.0007)).isEqualTo("0.07 %"); // not 0.06999999999999999
        assertThat(DisplayNumber.rate(0)).isEqualTo("0.00 %");
        assertThat(DisplayNumber.rate(0.01)).isEqualTo("1.00 %");
        assertThat(DisplayNumber.rate(Double.NaN)).isEqualTo("—");
    }

    @Test
    void countsAndRatios() {
        assertThat(DisplayNumber.count(1922)).isEqualTo("1,922");
        assertThat(DisplayNumber.signedCount(-3)).isEqualTo("-3");
        assertThat(DisplayNumber.ratio(0.31649)).isEqualTo("0.316");
        assertThat(DisplayNumber.signedRatio(0.12)).isEqualTo("+0.120");
    }

    @Test
    void aDifferenceThatRoundsToZeroHasNoSign() {
        assertThat(DisplayNumber.points(-0.00001)).isEqualTo("0.00 %p");
        assertThat(DisplayNumber.points(0.00001)).isEqualTo("0.00 %p");
        assertThat(DisplayNumber.points(-0.0)).isEqualTo("0.00 %p");
        assertThat(DisplayNumber.points(-0.00005)).isEqualTo("-0.01 %p"); // rounds away from zero: keeps its sign
        assertThat(DisplayNumber.signedPercent(-0.000001)).isEqualTo("0.00 %");
        assertThat(DisplayNumber.signedMoney(-0.004)).isEqualTo("0.00");
        assertThat(DisplayNumber.signedMoney(-1000.004)).isEqualTo("-1,000.00");
        assertThat(DisplayNumber.signedRatio(-0.0004)).isEqualTo("0.000");
        assertThat(DisplayNumber.signedCount(-0.5)).isEqualTo("0");
        assertThat(DisplayNumber.money(-0.001)).isEqualTo("0.00");
        assertThat(DisplayNumber.percent(-0.0000001)).isEqualTo("0.00 %");
        assertThat(DisplayNumber.ratio(-0.0001)).isEqualTo("0.000");
    }
}
