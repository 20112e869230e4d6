package foresto.sample;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic SYNTHETIC daily market for the five asset classes: correlated Gaussian returns with
 * occasional jumps, parameters loosely like US equity, a 10-year bond, cash, gold and oil. Same seed,
 * same data, bit for bit, on every machine and JVM: SplittableRandom's {@code nextDouble} is specified, the
 * Gaussians are our own Box–Muller, and every transcendental function is StrictMath (Math.log/cos may use
 * platform intrinsics whose last bit differs between JVMs and flags). Never real prices.
 */
public final class SyntheticMarket {
    public static final String LABEL = "SYNTHETIC";

    // annual drift, annual volatility per class (EQUITY, BOND, SHORT_TERM, GOLD, OTHER)
    private static final double[] MU = {0.07, 0.035, 0.02, 0.04, 0.03};
    private static final double[] SIGMA = {0.17, 0.07, 0.005, 0.15, 0.30};
    // loadings on a common factor (gives equity/oil a positive, bond a negative correlation)
    private static final double[] BETA = {0.8, -0.3, 0.0, 0.1, 0.5};

    private SyntheticMarket() {
    }

    public static MarketData generate(LocalDate from, LocalDate to, long seed) {
        List<LocalDate> days = TradingCalendars.nyseLike(from, to);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = days.size();
        double[][] r = new double[AssetClass.COUNT][n];
        double dt = 1.0 / 252;
        for (int i = 0; i < n; i++) {
            double market = gaussian(rnd);
            boolean jump = rnd.nextDouble() < 0.004;
            for (int c = 0; c < AssetClass.COUNT; c++) {
                double z = BETA[c] * market + StrictMath.sqrt(1 - BETA[c] * BETA[c]) * gaussian(rnd);
                double ret = MU[c] * dt + SIGMA[c] * StrictMath.sqrt(dt) * z;
                if (jump && c != AssetClass.SHORT_TERM.ordinal()) {
                    ret += BETA[c] * -0.04;
                }
                r[c][i] = Math.max(ret, -0.5);
            }
            r[AssetClass.SHORT_TERM.ordinal()][i] = Math.abs(r[AssetClass.SHORT_TERM.ordinal()][i]) * 0.2 + 0.00006;
        }
        return MarketData.of(days.toArray(LocalDate[]::new), r);
    }

    /** The generator's version, in the dataset's source text: a stored sample says which algorithm made it. */
    public static String version() {
        return "synthetic generator v2 (StrictMath, own Box-Muller)";
    }

    /** Box–Muller on nextDouble(), whose algorithm is fixed, unlike the JDK's nextGaussian(). */
    static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble(); // (0, 1]
        double u2 = rnd.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
