package foresto.text;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PlainNumberTest {

    @Test
    void writesTheShortestDecimalWithoutExponentOrTrailingZeros() {
        assertThat(PlainNumber.of(0.05)).isEqualTo("0.05");
        assertThat(PlainNumber.of(1e-7)).isEqualTo("0.0000001"); // Double.toString gives 1.0E-7
        assertThat(PlainNumber.of(1000.0)).isEqualTo("1000"); // stripTrailingZeros alone gives 1E+3
        assertThat(PlainNumber.of(2.5)).isEqualTo("2.5");
        assertThat(PlainNumber.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PlainNumber.of(-3.0)).isEqualTo("-3");
        assertThat(PlainNumber.of(0.0)).isEqualTo("0");
    }

    @Test
    void decimalsKeepTheirValueAndNullStaysNull() {
        assertThat(PlainNumber.of(new BigDecimal("0.0500"))).isEqualTo("0.05");
        assertThat(PlainNumber.of(new BigDecimal("1.5E+3"))).isEqualTo("1500");
        assertThat(PlainNumber.of((BigDecimal) null)).isNull();
    }
}
