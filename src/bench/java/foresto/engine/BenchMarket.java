package foresto.engine;

import foresto.sample.SyntheticMarket;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The benches' one market: 30 years of synthetic daily returns (seed 42, ~7,560 closes) and a 5-class
 * 40/30/10/10/10 scenario over all of it, so every bench times the same work.
 */
final class BenchMarket {
    final MarketData data;
    final Scenario scenario;
    final ScenarioCalendar calendar;

    private BenchMarket() {
        data = SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2014, 12, 31), 42);
        Map<AssetClass, Double> w = new EnumMap<>(AssetClass.class);
        w.put(AssetClass.EQUITY, 0.4);
        w.put(AssetClass.BOND, 0.3);
        w.put(AssetClass.SHORT_TERM, 0.1);
        w.put(AssetClass.GOLD, 0.1);
        w.put(AssetClass.OTHER, 0.1);
        scenario = new Scenario(Weights.of(w), data.firstDate(), data.lastDate(), 1.0, MissingDataPolicy.SKIP);
        calendar = ScenarioCalendar.prepare(data, scenario);
        if (calendar.length() < 7500) {
            throw new IllegalStateException("expected ~7,560 days, got " + calendar.length());
        }
    }

    static BenchMarket thirtyYearsFiveClasses() {
        return new BenchMarket();
    }
}
