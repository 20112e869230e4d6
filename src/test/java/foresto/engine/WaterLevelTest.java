package foresto.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The water-level allocation by hand. Three classes, targets w = (0.5, 0.3, 0.2), positions P = (60, 20, 20),
 * V = 100: the first class is overweight (P/w = 120), the second the most underweight (66.7), the third at 100.
 */
class WaterLevelTest {
    static final double[] W = {0.5, 0.3, 0.2};

    static double[] positions() {
        return new double[] {60, 20, 20};
    }

    @Test
    void contributionFillsTheMostUnderweightClassesFirst() {
        // F = 15. Ascending P/w: class 2 (66.7), class 3 (100), class 1 (120). Class 2 alone: L = 35/0.3 = 116.7 > 100,
        // so class 3 is reached too: L = (20 + 20 + 15)/(0.3 + 0.2) = 110 ≤ 120. Buy 0.3·110 − 20 = 13 and
        // 0.2·110 − 20 = 2; the overweight class gets nothing.
        double[] trade = new double[3];
        boolean exact = WaterLevel.towardTarget(positions(), W, 100, 15, trade);
        assertThat(exact).isFalse();
        assertThat(trade[0]).isEqualTo(0.0);
        assertThat(trade[1]).isCloseTo(13, within(1e-12));
        assertThat(trade[2]).isCloseTo(2, within(1e-12));
    }

    @Test
    void smallWithdrawalIsPaidByTheOverweightClassAlone() {
        // F = −5. Descending P/w: class 1 (120) first: L = (60 − 5)/0.5 = 110 ≥ 100 (class 3), so only class 1 sells
        // 60 − 0.5·110 = 5.
        double[] trade = new double[3];
        assertThat(WaterLevel.towardTarget(positions(), W, 100, -5, trade)).isFalse();
        assertThat(trade[0]).isCloseTo(-5, within(1e-12));
        assertThat(trade[1]).isEqualTo(0.0);
        assertThat(trade[2]).isEqualTo(0.0);
    }

    @Test
    void largerWithdrawalReachesTheNextClass() {
        // F = −15. Class 1 alone: L = 45/0.5 = 90 < 100, so class 3 sells too: L = (60 + 20 − 15)/(0.5 + 0.2) = 650/7
        // ≥ 66.7. Sell 60 − 0.5·650/7 = 95/7 and 20 − 0.2·650/7 = 10/7 (together 15); class 2 keeps its 20.
        double[] trade = new double[3];
        assertThat(WaterLevel.towardTarget(positions(), W, 100, -15, trade)).isFalse();
        assertThat(trade[0]).isCloseTo(-95.0 / 7, within(1e-12));
        assertThat(trade[1]).isEqualTo(0.0);
        assertThat(trade[2]).isCloseTo(-10.0 / 7, within(1e-12));
    }

    @Test
    void contributionAboveTheHighestLevelLandsExactlyOnTheTargets() {
        // F = 30 ≥ max P/w − V = 120 − 100 = 20: the result is exactly w·(V + F) = (65, 39, 26).
        double[] p = positions();
        double[] trade = new double[3];
        double v = WaterLevel.apply(FlowAllocation.TOWARD_TARGET, p, W, 100, 30, trade);
        assertThat(p).containsExactly(0.5 * 130, 0.3 * 130, 0.2 * 130);
        assertThat(trade[0]).isCloseTo(5, within(1e-12));
        assertThat(trade[1]).isCloseTo(19, within(1e-12));
        assertThat(trade[2]).isCloseTo(6, within(1e-12));
        assertThat(v).isCloseTo(130, within(1e-12));
    }

    @Test
    void withdrawalBelowTheLowestLevelLandsExactlyOnTheTargets() {
        // −F = 50 ≥ V − min P/w = 100 − 66.7: the result is exactly w·(V + F) = (25, 15, 10).
        double[] p = positions();
        double[] trade = new double[3];
        WaterLevel.apply(FlowAllocation.TOWARD_TARGET, p, W, 100, -50, trade);
        assertThat(p).containsExactly(0.5 * 50, 0.3 * 50, 0.2 * 50);
        assertThat(trade[0]).isCloseTo(-35, within(1e-12));
        assertThat(trade[1]).isCloseTo(-5, within(1e-12));
        assertThat(trade[2]).isCloseTo(-10, within(1e-12));
    }

    @Test
    void shortcutBoundaryGivesTheSameAsTheLevelSolve() {
        // F = 20 = max P/w − V exactly: both ways end at (60, 36, 24).
        double[] p = positions();
        WaterLevel.apply(FlowAllocation.TOWARD_TARGET, p, W, 100, 20, new double[3]);
        assertThat(p[0]).isEqualTo(60.0);
        assertThat(p[1]).isCloseTo(36, within(1e-12));
        assertThat(p[2]).isCloseTo(24, within(1e-12));
    }

    @Test
    void proRataKeepsTheWeights() {
        // F = 10 on (60, 20, 20): buy (6, 2, 2), weights stay (0.6, 0.2, 0.2).
        double[] p = positions();
        double[] trade = new double[3];
        double v = WaterLevel.apply(FlowAllocation.PRO_RATA, p, W, 100, 10, trade);
        assertThat(trade).containsExactly(6.0, 2.0, 2.0);
        assertThat(v).isEqualTo(110.0);
        assertThat(p[0] / v).isCloseTo(0.6, within(1e-15));
        assertThat(p[1] / v).isCloseTo(0.2, within(1e-15));
        double[] q = positions();
        WaterLevel.apply(FlowAllocation.PRO_RATA, q, W, 100, -25, trade);
        assertThat(q[0] / 75).isCloseTo(0.6, within(1e-15));
        assertThat(q[2] / 75).isCloseTo(0.2, within(1e-15));
    }
}
