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
    void aRiskFreeRateIsTakenOffEveryDailyReturn() {
        double[] v = {100, 110, 99, 108.9}; // +10 %, −10 %, +10 %
        double rf = 0.0252 / 252; // 2.52 % a year = 0.0001 a day
        double[] e = {0.1 - rf, -0.1 - rf, 0.1 - rf};
        double mean = (e[0] + e[1] + e[2]) / 3;
        double sd = Math.sqrt(((e[0] - mean) * (e[0] - mean) + (e[1] - mean) * (e[1] - mean) + (e[2] - mean) * (e[2] - mean)) / 2);
        assertThat(PathStats.sharpe(v, 0.0252)).isCloseTo(Math.sqrt(252) * mean / sd, within(1e-12));
        double downside = Math.sqrt(e[1] * e[1] / 3);
        assertThat(PathStats.sortino(v, 0.0252)).isCloseTo(Math.sqrt(252) * mean / downside, within(1e-12));
        // a rate above every return makes every day a shortfall
        double[] flat = {100, 100.01, 100.02};
        assertThat(PathStats.sortino(flat, 0.5)).isNegative();
        assertThat(PathStats.sortino(flat)).isNaN();
        // rate 0 is the plain form
        assertThat(PathStats.sharpe(v, 0)).isEqualTo(PathStats.sharpe(v));
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
