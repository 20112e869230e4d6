package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.PathResult;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.SimulationResult;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The study over more paths than one batch holds: 1 thread and 3 threads agree bit for bit, and paths in later
 * batches (and the last, partial one) equal plain single runs on their resampled markets.
 */
class BootstrapBatchesTest {
    private static final int PATHS = 2 * BootstrapStudy.LANES + 22;
    private static final RebalancingRule DRIFT = new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY,
            0.001, BandKind.HYBRID, 0.2, CheckFrequency.DAILY, 0.5);
    private static final RebalancingRule QUARTERLY = new RebalancingRule.Periodic(Frequency.QUARTERLY,
            BaseDayPolicy.LAST_TRADING_DAY, 0.002, 1, 2);

    private static MarketData data() {
        LocalDate from = LocalDate.of(2018, 1, 1);
        int count = 0;
        LocalDate[] dates = new LocalDate[800];
        for (LocalDate d = from; count < dates.length; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates[count++] = d;
            }
        }
        SplittableRandom rnd = new SplittableRandom(21);
        double[][] r = new double[AssetClass.COUNT][];
        for (AssetClass c : new AssetClass[] {AssetClass.EQUITY, AssetClass.BOND, AssetClass.GOLD}) {
            double[] col = new double[dates.length];
            for (int i = 0; i < col.length; i++) {
                col[i] = rnd.nextInt(60) == 0 ? Double.NaN : (rnd.nextDouble() - 0.5) * 0.03;
            }
            r[c.ordinal()] = col;
        }
        return MarketData.of(dates, r);
    }

    private static Scenario scenario() {
        return new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.5, AssetClass.BOND, 0.3, AssetClass.GOLD, 0.2)),
                LocalDate.of(2018, 2, 5), LocalDate.of(2020, 11, 30), 100, MissingDataPolicy.ZERO);
    }

    private static BootstrapStudy.Result study(MarketData data, Optional<RebalancingRule> b, int threads) {
        return BootstrapStudy.run(data, scenario(), DRIFT, b, PATHS, 5.0, 77, threads, BootstrapStudy.Progress.NONE,
                () -> false);
    }

    @Test
    void oneThreadAndThreeThreadsAgreeBitForBitOverSeveralBatches() {
        MarketData data = data();
        for (Optional<RebalancingRule> b : new Optional[] {Optional.empty(), Optional.of(QUARTERLY)}) {
            BootstrapStudy.Result one = study(data, b, 1);
            BootstrapStudy.Result three = study(data, b, 3);
            assertThat(bits(three.finalA())).isEqualTo(bits(one.finalA()));
            assertThat(bits(three.finalB())).isEqualTo(bits(one.finalB()));
            assertThat(three.cagrDiff()).isEqualTo(one.cagrDiff());
            assertThat(three.maxDrawdownDiff()).isEqualTo(one.maxDrawdownDiff());
            assertThat(Double.doubleToRawLongBits(three.pBeats())).isEqualTo(Double.doubleToRawLongBits(one.pBeats()));
            for (int k = 0; k < 5; k++) {
                assertThat(bits(three.fanA()[k])).isEqualTo(bits(one.fanA()[k]));
                assertThat(bits(three.fanB()[k])).isEqualTo(bits(one.fanB()[k]));
            }
        }
    }

    @Test
    void pathsOfEveryBatchEqualSingleRunsOnTheirMarkets() {
        MarketData data = data();
        BootstrapStudy.Result r = study(data, Optional.of(QUARTERLY), 2);
        BootstrapStudy.Resampler rs = new BootstrapStudy.Resampler(data, scenario());
        StationaryBootstrap sb = new StationaryBootstrap(PATHS, rs.rows(), 5.0, 77);
        for (int j : new int[] {0, BootstrapStudy.LANES - 1, BootstrapStudy.LANES, 2 * BootstrapStudy.LANES + 5, PATHS - 1}) {
            MarketData m = rs.market(sb.indices(j));
            PathResult a = ScenarioSimulation.run(m, scenario(), Optional.of(DRIFT), false).on().orElseThrow();
            SimulationResult sB = ScenarioSimulation.run(m, scenario(), Optional.of(QUARTERLY), false);
            PathResult b = sB.on().orElseThrow();
            assertThat(Double.doubleToRawLongBits(r.finalA()[j])).as("path %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(a.metrics().finalValue()));
            assertThat(Double.doubleToRawLongBits(r.finalB()[j])).as("path %d", j)
                    .isEqualTo(Double.doubleToRawLongBits(b.metrics().finalValue()));
            assertThat(a.metrics().eventCount()).isPositive();
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
