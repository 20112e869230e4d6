package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class XirrTest {
    @Test
    void excelsGoldenExample() {
        LocalDate[] d = {LocalDate.of(2008, 1, 1), LocalDate.of(2008, 3, 1), LocalDate.of(2008, 10, 30),
            LocalDate.of(2009, 2, 15), LocalDate.of(2009, 4, 1)};
        double[] c = {-10000, 2750, 4250, 3250, 2750};
        OptionalDouble r = Xirr.of(d, c);
        assertThat(r).isPresent();
        assertThat(r.getAsDouble()).isCloseTo(0.37336253352, within(1e-10));
    }

    @Test
    void noSignChangeHasNoRate() {
        LocalDate[] d = {LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)};
        assertThat(Xirr.of(d, new double[] {100, 50})).isEmpty();
        assertThat(Xirr.of(d, new double[] {-100, -50})).isEmpty();
    }

    @Test
    void oneYearDoublingIsOneHundredPercent() {
        // −100 then +200 exactly 365 days later: (1 + r)^1 = 2.
        LocalDate[] d = {LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)};
        assertThat(Xirr.of(d, new double[] {-100, 200}).getAsDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void lossOfNinetyPercentIsFound() {
        LocalDate[] d = {LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)};
        assertThat(Xirr.of(d, new double[] {-100, 10}).getAsDouble()).isCloseTo(-0.9, within(1e-12));
    }
}
