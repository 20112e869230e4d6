package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sharpe, Sortino, calendar-year returns and the underwater curve by hand. */
class PathStatsTest {

    @Test
    void ratiosByHand() {
        double[] v = {100, 110, 99, 108.9}; // +10 %, −10 %, +10 %
        double mean = (0.1 - 0.1 + 0.1) / 3;
        double sd = Math.sqrt((2 * (0.1 - mean) * (0.1 - mean) + (-0.1 - mean) * (-0.1 - mean)) / 2);
        assertThat(PathStats.sharpe(v)).isCloseTo(Math.sqrt(252) * mean / sd, within(1e-12));
        double downside = Math.sqrt(0.01 / 3);
        assertThat(PathStats.sortino(v)).isCloseTo(Math.sqrt(252) * mean / downside, within(1e-12));
        assertThat(PathStats.sortino(new double[] {1, 1.1, 1.2})).isNaN(); // no loss, no downside
        assertThat(PathStats.sharpe(new double[] {1, 1.1})).isNaN(); // one return
    }

    @Test
    void calendarYearsChainToTheTotalReturn() {
        LocalDate[] d = {LocalDate.of(2020, 12, 30), LocalDate.of(2020, 12, 31), LocalDate.of(2021, 6, 30),
                LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 3)};
        double[] v = {100, 102, 90, 120, 126};
        var years = PathStats.annualReturns(d, v);
        assertThat(years).extracting(PathStats.YearReturn::year).containsExactly(2020, 2021, 2022);
        assertThat(years.get(0).value()).isCloseTo(0.02, within(1e-15));
        assertThat(years.get(1).value()).isCloseTo(120.0 / 102 - 1, within(1e-15));
        assertThat(years.get(2).value()).isCloseTo(0.05, within(1e-15));
        assertThat(PathStats.drawdowns(v)).containsExactly(new double[] {0, 0, 90.0 / 102 - 1, 0, 0}, within(1e-15));
    }
}
