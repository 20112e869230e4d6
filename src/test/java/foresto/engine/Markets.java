package foresto.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Small market-data builders for engine tests. */
final class Markets {
    private Markets() {
    }

    static final Weights SIXTY_FORTY = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));

    /** Every weekday in [from, to] except the given holidays. */
    static LocalDate[] weekdays(LocalDate from, LocalDate to, LocalDate... holidays) {
        List<LocalDate> hs = List.of(holidays);
        return from.datesUntil(to.plusDays(1))
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && !hs.contains(d))
                .toArray(LocalDate[]::new);
    }

    /** Returns given per (class, row); NaN = missing. */
    static MarketData of(LocalDate[] dates, BiFunction<AssetClass, Integer, Double> ret) {
        double[][] cols = new double[AssetClass.COUNT][dates.length];
        for (AssetClass c : AssetClass.values()) {
            for (int i = 0; i < dates.length; i++) {
                cols[c.ordinal()][i] = ret.apply(c, i);
            }
        }
        return MarketData.of(dates, cols);
    }

    /** Equity rises 1 % a day, bond falls 0.5 % a day: weights drift steadily. */
    static MarketData trending(LocalDate[] dates) {
        return of(dates, (c, i) -> c == AssetClass.EQUITY ? 0.01 : c == AssetClass.BOND ? -0.005 : 0.0);
    }

    static MarketData random(LocalDate[] dates, long seed, double dailyVol) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return of(dates, (c, i) -> (rnd.nextDouble() * 2 - 1) * dailyVol * Math.sqrt(3));
    }

    static Scenario scenario(Weights w, LocalDate[] dates, MissingDataPolicy policy) {
        return new Scenario(w, dates[0], dates[dates.length - 1], 1.0, policy);
    }
}
