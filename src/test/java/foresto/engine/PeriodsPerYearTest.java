package foresto.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Periods per year f (SEMANTICS §5, amended): the median gap of the calendar in use, and the figures it annualises. */
class PeriodsPerYearTest {
    private static final LocalDate START = LocalDate.of(2019, 12, 31);

    /** {@code n} dates {@code step} calendar days apart from {@link #START}. */
    private static LocalDate[] every(int days, int n) {
        return IntStream.range(0, n).mapToObj(i -> START.plusDays((long) days * i)).toArray(LocalDate[]::new);
    }

    /** The last day of every {@code months}-th month from 2000-01, {@code n} of them. */
    private static LocalDate[] monthEnds(int months, int n) {
        return IntStream.range(0, n).mapToObj(i -> YearMonth.of(2000, 1).plusMonths((long) months * i).atEndOfMonth())
                .toArray(LocalDate[]::new);
    }

    @Test
    void eachCalendarGetsItsF() {
        PeriodsPerYear daily = PeriodsPerYear.of(Markets.weekdays(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(daily.value()).isEqualTo(252);
        assertThat(daily.frequency()).isEqualTo("daily");
        PeriodsPerYear weekly = PeriodsPerYear.of(every(7, 60)); // every Tuesday
        assertThat(weekly.value()).isEqualTo(52);
        assertThat(weekly.frequency()).isEqualTo("weekly");
        PeriodsPerYear monthly = PeriodsPerYear.of(monthEnds(1, 36)); // gaps of 28 to 31 days
        assertThat(monthly.value()).isEqualTo(12);
        assertThat(monthly.frequency()).isEqualTo("monthly");
        assertThat(monthly.label()).isEqualTo("monthly data (f = 12)");
        PeriodsPerYear quarterly = PeriodsPerYear.of(monthEnds(3, 20)); // gaps of 90 to 92 days
        assertThat(quarterly.value()).isEqualTo(4);
        assertThat(quarterly.frequency()).isEqualTo("quarterly");
        PeriodsPerYear annual = PeriodsPerYear.of(monthEnds(12, 10)); // gaps of 365 and 366 days
        assertThat(annual.value()).isEqualTo(1);
        assertThat(annual.frequency()).isEqualTo("annual");
        assertThat(PeriodsPerYear.DAILY.label()).isEqualTo("daily data (f = 252)");
    }

    @Test
    void theClassBoundariesAreTheContractsGaps() {
        assertThat(PeriodsPerYear.of(every(4, 5)).value()).isEqualTo(252);
        assertThat(PeriodsPerYear.of(every(5, 5)).value()).isEqualTo(52);
        assertThat(PeriodsPerYear.of(every(10, 5)).value()).isEqualTo(52);
        assertThat(PeriodsPerYear.of(every(11, 5)).value()).isEqualTo(12);
        assertThat(PeriodsPerYear.of(every(45, 5)).value()).isEqualTo(12);
        assertThat(PeriodsPerYear.of(every(46, 5)).value()).isEqualTo(4);
        assertThat(PeriodsPerYear.of(every(120, 5)).value()).isEqualTo(4);
        assertThat(PeriodsPerYear.of(every(121, 5)).value()).isEqualTo(1);
        // no gap at all: daily, as every run was before f existed
        assertThat(PeriodsPerYear.of(new LocalDate[] {START})).isEqualTo(PeriodsPerYear.DAILY);
        assertThat(PeriodsPerYear.of(new LocalDate[0])).isEqualTo(PeriodsPerYear.DAILY);
    }

    /** Holidays, long weekends and a week-long closure (as in September 2001) leave daily data daily. */
    @Test
    void gappyDailyDataStaysDaily() {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31),
                LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 15), LocalDate.of(2001, 2, 19), LocalDate.of(2001, 4, 13),
                LocalDate.of(2001, 5, 28), LocalDate.of(2001, 7, 4), LocalDate.of(2001, 9, 3),
                LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
                LocalDate.of(2001, 11, 22), LocalDate.of(2001, 12, 25));
        assertThat(PeriodsPerYear.of(d).value()).isEqualTo(252);
        // even a year in which a third of the days is missing: most gaps are still 1 to 4 days
        List<LocalDate> thinned = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (i % 3 != 2) {
                thinned.add(d[i]);
            }
        }
        assertThat(PeriodsPerYear.of(thinned.toArray(LocalDate[]::new)).value()).isEqualTo(252);
    }

    /** For an even count of gaps the lower of the two middle gaps decides, not the upper one nor their mean. */
    @Test
    void anEvenCountTakesTheLowerMedian() {
        // gaps 4, 5: lower median 4 (daily); the upper (5) and the mean (4.5) would say weekly
        LocalDate[] two = {START, START.plusDays(4), START.plusDays(9)};
        assertThat(PeriodsPerYear.of(two).value()).isEqualTo(252);
        // gaps 1, 1, 30, 30 (sorted): lower median 1 (daily); the mean of the middle two (15.5) would say monthly
        LocalDate[] four = {START, START.plusDays(30), START.plusDays(31), START.plusDays(61), START.plusDays(62)};
        assertThat(PeriodsPerYear.of(four).value()).isEqualTo(252);
        // gaps 30, 30, 30, 91: lower median 30 (monthly); with the upper one (30) too, but 91 alone would be quarterly
        LocalDate[] monthly = {START, START.plusDays(30), START.plusDays(60), START.plusDays(90), START.plusDays(181)};
        assertThat(PeriodsPerYear.of(monthly).value()).isEqualTo(12);
        // odd count: the middle one; gaps 1, 11, 11 → 11 (monthly)
        LocalDate[] odd = {START, START.plusDays(1), START.plusDays(12), START.plusDays(23)};
        assertThat(PeriodsPerYear.of(odd).value()).isEqualTo(12);
    }

    @Test
    void aStoredRunWithoutFReadsAsDaily() {
        assertThat(PeriodsPerYear.ofStored(null)).isEqualTo(PeriodsPerYear.DAILY);
        assertThat(PeriodsPerYear.ofStored(12)).isEqualTo(PeriodsPerYear.MONTHLY);
        assertThat(PeriodsPerYear.ofStored(1)).isEqualTo(PeriodsPerYear.ANNUAL);
    }

    /** The eleven monthly returns of {@link #twelveMonthEnds()}: five +3 %, five −3 % and one 0. */
    private static final double[] MONTHLY_RETURNS = {0.03, -0.03, 0.03, -0.03, 0.0, 0.03, -0.03, 0.03, -0.03, 0.03, -0.03};

    private static MarketData twelveMonthEnds() {
        LocalDate[] d = monthEnds(1, 12);
        return Markets.of(d, (c, i) -> c == AssetClass.EQUITY ? (i == 0 ? 0.0 : MONTHLY_RETURNS[i - 1]) : Double.NaN);
    }

    /**
     * 12 month ends, all in equity: the path's returns are the eleven above, mean 0, sum of squares 10 · 0.03² =
     * 0.009, sample variance 0.009 / 10 = 0.0009, sample std 0.03, so the volatility is √12 · 0.03 = 0.103923…
     * (√252 · 0.03 = 0.476 before f). With a 12 % risk-free rate (1 % a month) the excess returns are +2 % five
     * times, −4 % five times and −1 % once: mean −0.01, std still 0.03, so Sharpe = √12 · −0.01 / 0.03 = −√12 / 3;
     * the downside deviation is √((5 · 0.0016 + 0.0001) / 11) = 0.09 / √11, so Sortino = √12 · −0.01 · √11 / 0.09 =
     * −√132 / 9.
     */
    @Test
    void aTwelveRowMonthlyCaseWorkedByHand() {
        MarketData data = twelveMonthEnds();
        Weights all = Weights.of(Map.of(AssetClass.EQUITY, 1.0));
        Scenario s = new Scenario(all, data.firstDate(), data.lastDate(), 100.0, MissingDataPolicy.SKIP);
        PathResult off = ScenarioSimulation.run(data, s, Optional.empty(), false).off();
        assertThat(off.values()).hasSize(12);
        assertThat(off.periodsPerYear()).isEqualTo(PeriodsPerYear.MONTHLY);
        assertThat(off.metrics().volatility()).isCloseTo(0.10392304845413262, within(1e-12));
        assertThat(PathStats.sharpe(off.values(), 0.12, 12)).isCloseTo(-1.1547005383792515, within(1e-12));
        assertThat(PathStats.sortino(off.values(), 0.12, 12)).isCloseTo(-1.2765694770084508, within(1e-12));
    }

    /**
     * The same returns on a monthly and on a daily calendar (a drift band checked at every close trades on the same
     * rows whatever the dates): the values and events are equal, and every annualised figure differs by exactly
     * √12 / √252 (volatility, tracking error, Sharpe, Sortino), because only f differs.
     */
    @Test
    void theSameReturnsMonthlyAndDailyDifferOnlyByTheirF() {
        int n = 61;
        LocalDate[] months = monthEnds(1, n);
        LocalDate[] days = Markets.weekdays(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30));
        days = Arrays.copyOf(days, n);
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] r = new double[AssetClass.COUNT][n];
        for (int i = 1; i < n; i++) {
            r[AssetClass.EQUITY.ordinal()][i] = rnd.nextDouble(-0.08, 0.09);
            r[AssetClass.BOND.ordinal()][i] = rnd.nextDouble(-0.02, 0.025);
        }
        MarketData monthly = Markets.of(months, (c, i) -> r[c.ordinal()][i]);
        MarketData daily = Markets.of(days, (c, i) -> r[c.ordinal()][i]);
        Sweep m = Sweep.prepare(monthly, Markets.scenario(Markets.SIXTY_FORTY, months, MissingDataPolicy.SKIP));
        Sweep d = Sweep.prepare(daily, Markets.scenario(Markets.SIXTY_FORTY, days, MissingDataPolicy.SKIP));
        assertThat(m.periodsPerYear().value()).isEqualTo(12);
        assertThat(d.periodsPerYear().value()).isEqualTo(252);
        RebalancingRule band = new RebalancingRule.Drift(0.02, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
        Sweep.Cell cm = m.cell(band);
        Sweep.Cell cd = d.cell(band);
        assertThat(cm.on().values()).containsExactly(cd.on().values());
        assertThat(cm.metrics().eventCount()).isEqualTo(cd.metrics().eventCount()).isPositive();
        double ratio = Math.sqrt(12.0 / 252.0);
        assertThat(cm.metrics().volatility()).isCloseTo(cd.metrics().volatility() * ratio, within(1e-15));
        assertThat(m.off().metrics().volatility()).isCloseTo(d.off().metrics().volatility() * ratio, within(1e-15));
        assertThat(cm.trackingError()).isPositive().isCloseTo(cd.trackingError() * ratio, within(1e-15));
        double[] v = cm.on().values();
        assertThat(PathStats.sharpe(v, 0, 12)).isCloseTo(PathStats.sharpe(v, 0, 252) * ratio, within(1e-12));
        assertThat(PathStats.sortino(v, 0, 12)).isCloseTo(PathStats.sortino(v, 0, 252) * ratio, within(1e-12));
    }

    /** f is the whole dataset's, after the policy: a three-day window of monthly data is still monthly. */
    @Test
    void fComesFromTheWholeCalendarInUseNotTheWindow() {
        MarketData data = twelveMonthEnds();
        Weights all = Weights.of(Map.of(AssetClass.EQUITY, 1.0));
        Scenario window = new Scenario(all, data.datesArray()[3], data.datesArray()[5], 100.0, MissingDataPolicy.SKIP);
        assertThat(ScenarioCalendar.prepare(data, window).periodsPerYear()).isEqualTo(PeriodsPerYear.MONTHLY);
        assertThat(ScenarioCalendar.prepare(data, window).length()).isEqualTo(3);

        // equity every weekday, bonds only at month ends: holding bonds under SKIP trades at month ends only
        LocalDate[] days = Markets.weekdays(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31));
        MarketData mixed = Markets.of(days, (c, i) -> c == AssetClass.EQUITY ? 0.001
                : c == AssetClass.BOND && (i + 1 == days.length || days[i + 1].getMonthValue() != days[i].getMonthValue())
                ? 0.002 : Double.NaN);
        Scenario equityOnly = new Scenario(all, days[0], days[days.length - 1], 1.0, MissingDataPolicy.SKIP);
        Scenario both = new Scenario(Markets.SIXTY_FORTY, days[0], days[days.length - 1], 1.0, MissingDataPolicy.SKIP);
        Scenario bothZero = new Scenario(Markets.SIXTY_FORTY, days[0], days[days.length - 1], 1.0, MissingDataPolicy.ZERO);
        assertThat(ScenarioCalendar.prepare(mixed, equityOnly).periodsPerYear()).isEqualTo(PeriodsPerYear.DAILY);
        assertThat(ScenarioCalendar.prepare(mixed, both).periodsPerYear()).isEqualTo(PeriodsPerYear.MONTHLY);
        assertThat(ScenarioCalendar.prepare(mixed, bothZero).periodsPerYear()).isEqualTo(PeriodsPerYear.DAILY);
    }

    /** On daily data nothing changes: f = 252 gives exactly the numbers of the fixed √252. */
    @Test
    void dailyDataKeepsTheFixedFactorBitForBit() {
        LocalDate[] d = Markets.weekdays(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30));
        MarketData data = Markets.random(d, 7, 0.01);
        Scenario s = Markets.scenario(Markets.SIXTY_FORTY, d, MissingDataPolicy.SKIP);
        PathResult off = ScenarioSimulation.run(data, s, Optional.empty(), false).off();
        assertThat(off.periodsPerYear()).isEqualTo(PeriodsPerYear.DAILY);
        assertThat(off.metrics()).isEqualTo(Metrics.of(off.dates(), off.values(), 1.0, off.events()));
        assertThat(PathStats.sharpe(off.values(), 0.03, off.periodsPerYear().value()))
                .isEqualTo(PathStats.sharpe(off.values(), 0.03));
        assertThat(PathStats.sortino(off.values(), 0.03, off.periodsPerYear().value()))
                .isEqualTo(PathStats.sortino(off.values(), 0.03));
    }
}
