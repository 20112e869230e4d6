package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sweep's derived numbers by hand on 10 days: 50/50 equity/bond, equity +10 % on the 3rd close and −10 % on
 * the 6th, bonds flat. The portfolio held at its targets returns +5 % and −5 % on those days.
 */
class SweepTest {
    static final LocalDate[] DAYS = Markets.weekdays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 15));
    static final MarketData DATA = Markets.of(DAYS, (c, i) -> c == AssetClass.EQUITY ? (i == 2 ? 0.1 : i == 5 ? -0.1 : 0.0)
            : c == AssetClass.BOND ? 0.0 : Double.NaN);
    static final Scenario SCENARIO = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.5)), DAYS[0],
            DAYS[DAYS.length - 1], 1, MissingDataPolicy.SKIP);
    static final Sweep SWEEP = Sweep.prepare(DATA, SCENARIO);

    static double trackingError(double... nonZeroDiffs) {
        int n = DAYS.length - 1; // daily differences
        double mean = 0;
        for (double d : nonZeroDiffs) {
            mean += d;
        }
        mean /= n;
        double ss = (n - nonZeroDiffs.length) * mean * mean;
        for (double d : nonZeroDiffs) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(252) * Math.sqrt(ss / (n - 1));
    }

    @Test
    void aRuleThatTradesBackEveryTimeTracksItsTargetsUpToItsCosts() {
        double c = 0.001;
        Sweep.Cell free = SWEEP.cell(new RebalancingRule.Drift(0.01, BaseDayPolicy.FIRST_TRADING_DAY, 0));
        assertThat(free.trackingError()).isCloseTo(0, within(1e-15)); // after each trade it is the target portfolio
        Sweep.Cell costly = SWEEP.cell(new RebalancingRule.Drift(0.01, BaseDayPolicy.FIRST_TRADING_DAY, c));
        // each trade day's return falls short of the target's by 0.05·c (1.05·c/21 and 0.95·c/19)
        assertThat(costly.trackingError()).isCloseTo(trackingError(-1.05 * c / 21, -0.95 * c / 19), within(1e-15));
        assertThat(costly.turnoverPerYear()).isCloseTo((1.0 / 21 + 1.0 / 19) / (13 / 365.25), within(1e-12));
        assertThat(SWEEP.years()).isEqualTo(13 / 365.25);
    }

    @Test
    void buyAndHoldWandersFromItsTargets() {
        // never trades: ON = OFF; on the 6th close OFF (0.55/0.50) returns −0.055/1.05 where the targets return −0.05
        Sweep.Cell never = SWEEP.cell(new RebalancingRule.Drift(0.03, BaseDayPolicy.FIRST_TRADING_DAY, 0.001));
        assertThat(never.metrics().eventCount()).isZero();
        assertThat(never.metrics().finalValue()).isEqualTo(SWEEP.off().metrics().finalValue());
        assertThat(never.trackingError()).isCloseTo(trackingError(-0.055 / 1.05 + 0.05), within(1e-15));
        assertThat(never.turnoverPerYear()).isZero();
        assertThat(SWEEP.breakEvenCostRate(SWEEP.cell(new RebalancingRule.Drift(0.03, BaseDayPolicy.FIRST_TRADING_DAY, 0)))).isNaN();
    }

    @Test
    void theBreakEvenCostRateSolvesTheFinalValueEquation() {
        // ON at cost c: 0.9975 (1 − c/21)(1 − c/19); OFF: 0.995
        double k = 0.995 / 0.9975;
        double byHand = (40 - Math.sqrt(1600 - 4 * 399 * (1 - k))) / 2;
        double found = SWEEP.breakEvenCostRate(SWEEP.cell(new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY, 0)));
        assertThat(found).isCloseTo(byHand, within(2 * Sweep.BREAK_EVEN_TOLERANCE));
        // the same rule beats OFF below it and loses above it, in full simulations
        double below = SWEEP.cell(new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY, found - 1e-9)).metrics().finalValue();
        double above = SWEEP.cell(new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY, found + 1e-9)).metrics().finalValue();
        assertThat(below).isGreaterThan(0.995);
        assertThat(above).isLessThan(0.995);
    }

    @Test
    void aRuleThatBeatsOffAtEveryAdmissibleCostHasNoBreakEven() {
        // equity ×10, then ÷10: OFF ends where it began; trading back twice (turnover 9/11 each) gives 3.025 at no
        // cost and 3.025 (1 − 0.5·9/11)² ≈ 1.06 even at a cost rate of 0.5
        MarketData wild = Markets.of(DAYS, (c, i) -> c == AssetClass.EQUITY ? (i == 2 ? 9.0 : i == 5 ? -0.9 : 0.0)
                : c == AssetClass.BOND ? 0.0 : Double.NaN);
        Sweep s = Sweep.prepare(wild, SCENARIO);
        Sweep.Cell free = s.cell(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0));
        assertThat(free.metrics().finalValue()).isGreaterThan(s.off().metrics().finalValue());
        assertThat(s.cell(new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.4999)).metrics().finalValue())
                .isGreaterThan(s.off().metrics().finalValue());
        assertThat(s.breakEvenCostRate(free)).isNaN();
    }
}
