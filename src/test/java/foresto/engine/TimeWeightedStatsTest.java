package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * With cash flows the return statistics are taken on the time-weighted index (SEMANTICS §13.4): a contribution is not
 * a gain. Indexes worked out by hand.
 */
class TimeWeightedStatsTest {
    private static final LocalDate[] DATES = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 6),
            LocalDate.of(2020, 1, 7)};

    private static CashFlow flow(int day, double amount) {
        return new CashFlow(DATES[day], amount, Map.of());
    }

    @Test
    void aContributionIsTakenOutOfThatDaysReturn() {
        // 100 → 110 (+10 %), then +100 paid in and 120 of it kept after returns (120/110 − 1), then 220 → 231 (+5 %)
        double[] index = PathStats.timeWeighted(DATES, new double[] {100, 110, 220, 231}, List.of(flow(2, 100)));
        assertThat(index[0]).isEqualTo(1.0);
        assertThat(index[1]).isCloseTo(1.1, within(1e-15));
        assertThat(index[2]).isCloseTo(1.1 * (120.0 / 110), within(1e-15)); // = 1.2
        assertThat(index[3]).isCloseTo(1.2 * 1.05, within(1e-14));
    }

    @Test
    void afterADepletionTheIndexStays() {
        // 100 → 80 (−20 %), then 90 withdrawn of 90: V = 0, r = (0 + 90) / 80 − 1 = +12.5 %; then V_{k−1} = 0: r = 0
        double[] index = PathStats.timeWeighted(DATES, new double[] {100, 80, 0, 0}, List.of(flow(2, -90)));
        assertThat(index).containsExactly(new double[] {1, 0.8, 0.8 * 1.125, 0.8 * 1.125}, within(1e-15));
    }

    @Test
    void sharpeWithMonthlyContributionsEqualsSharpeOfTheSameReturnsWithout() {
        double[] returns = {0.01, -0.02, 0.015, 0.005, -0.01, 0.02, 0.0, 0.012};
        LocalDate[] dates = new LocalDate[returns.length + 1];
        double[] plain = new double[dates.length];
        double[] withFlows = new double[dates.length];
        dates[0] = LocalDate.of(2021, 1, 4);
        plain[0] = 1000;
        withFlows[0] = 1000;
        List<CashFlow> flows = new ArrayList<>();
        for (int k = 1; k < dates.length; k++) {
            dates[k] = dates[0].plusDays(k);
            plain[k] = plain[k - 1] * (1 + returns[k - 1]);
            double paidIn = k % 3 == 0 ? 500 : 0;
            withFlows[k] = withFlows[k - 1] * (1 + returns[k - 1]) + paidIn;
            if (paidIn != 0) {
                flows.add(new CashFlow(dates[k], paidIn, Map.of()));
            }
        }
        double onValues = PathStats.sharpe(withFlows, 0, 252);
        double onIndex = PathStats.sharpe(PathStats.timeWeighted(dates, withFlows, flows), 0, 252);
        assertThat(onIndex).isCloseTo(PathStats.sharpe(plain, 0, 252), within(1e-9));
        assertThat(onValues).as("on the value path the contributions look like gains").isGreaterThan(onIndex + 1);
    }
}
