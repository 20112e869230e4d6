package foresto.engine.robust;

import foresto.engine.AssetClass;
import foresto.engine.BandKind;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.EngineException;
import foresto.engine.Frequency;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingEngine;
import foresto.engine.RebalancingEvent;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.ScenarioSimulation;
import foresto.engine.StepContext;
import foresto.engine.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static foresto.engine.BaseDayPolicy.FIRST_TRADING_DAY;
import static foresto.engine.BaseDayPolicy.LAST_TRADING_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's calendars with a phase and a day offset (SEMANTICS §12.1) fire on exactly the dates of the reference
 * {@link PeriodPhase}, counted in the dataset's calendar in use (after the missing-data policy), for whole-data and
 * mid-period windows, PERIODIC rules and a DRIFT rule's check calendar.
 */
class EnginePhaseOffsetTest {
    private static final Weights SIXTY_FORTY = Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4));
    private static final int[] OFFSETS = {0, 1, 2, 7, 20};
    private static final Set<LocalDate> HOLIDAYS = Set.of(d(2020, 1, 1), d(2020, 7, 3), d(2021, 1, 1), d(2021, 12, 31),
            d(2022, 4, 15), d(2023, 1, 2), d(2023, 12, 25), d(2024, 1, 1));
    /** Equity has no return here (SKIP drops these dates, ZERO keeps them): a month's first and last dates among them. */
    private static final Set<LocalDate> EQUITY_MISSING = Set.of(d(2020, 3, 2), d(2020, 6, 30), d(2021, 6, 1),
            d(2022, 2, 28), d(2022, 3, 1), d(2022, 3, 2), d(2023, 7, 31));
    /** Nothing held traded: both policies drop these. */
    private static final Set<LocalDate> NOTHING = Set.of(d(2020, 10, 1), d(2021, 9, 30), d(2023, 4, 3));

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static final LocalDate[] ALL = TradingCalendars.weekdays(d(2019, 11, 18), d(2024, 7, 17), HOLIDAYS);
    private static final MarketData DATA = data();


    private static MarketData data() {
        SplittableRandom rnd = new SplittableRandom(20261207);
        double[][] returns = new double[AssetClass.COUNT][];
        double[] eq = new double[ALL.length];
        double[] bd = new double[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            eq[i] = EQUITY_MISSING.contains(ALL[i]) || NOTHING.contains(ALL[i]) ? Double.NaN : (rnd.nextDouble() - 0.5) * 0.03;
            bd[i] = NOTHING.contains(ALL[i]) ? Double.NaN : (rnd.nextDouble() - 0.5) * 0.01;
        }
        returns[AssetClass.EQUITY.ordinal()] = eq;
        returns[AssetClass.BOND.ordinal()] = bd;
        return MarketData.of(ALL, returns);
    }

    /** The calendar in use, written out here from the policy's words (§1), not taken from the engine. */
    private static LocalDate[] inUse(MissingDataPolicy policy) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x : ALL) {
            boolean dropped = NOTHING.contains(x) || policy == MissingDataPolicy.SKIP && EQUITY_MISSING.contains(x);
            if (!dropped) {
                out.add(x);
            }
        }
        return out.toArray(new LocalDate[0]);
    }

    /** The reference's days within a run from {@code start} to {@code end} (its purchase close excluded). */
    private static List<LocalDate> expected(LocalDate[] cal, Frequency f, int phase, BaseDayPolicy base, int k,
                                            LocalDate start, LocalDate end) {
        LocalDate purchase = null;
        for (LocalDate x : cal) {
            if (!x.isBefore(start)) {
                purchase = x;
                break;
            }
        }
        List<LocalDate> out = new ArrayList<>();
        for (int i : PeriodPhase.dayIndices(cal, f.monthsPerPeriod(), phase, base, k)) {
            if (cal[i].isAfter(purchase) && !cal[i].isAfter(end)) {
                out.add(cal[i]);
            }
        }
        return out;
    }

    private static List<LocalDate> eventDates(MissingDataPolicy policy, LocalDate start, LocalDate end,
                                              RebalancingRule rule) {
        Scenario s = new Scenario(SIXTY_FORTY, start, end, 10_000, policy);
        List<LocalDate> out = new ArrayList<>();
        for (RebalancingEvent e : ScenarioSimulation.run(DATA, s, Optional.of(rule), false).on().orElseThrow().events()) {
            out.add(e.eventDate());
        }
        return out;
    }

    private static int[] phases(Frequency f) {
        int m = f.monthsPerPeriod();
        return m == 1 ? new int[] {0} : new int[] {0, 1, m / 2, m - 1};
    }

    /** Whole data, a window from mid-period to mid-period, and one starting and ending on period edges. */
    private static final LocalDate[][] WINDOWS = {{ALL[0], ALL[ALL.length - 1]}, {d(2020, 2, 12), d(2023, 11, 14)},
            {d(2021, 7, 1), d(2022, 12, 30)}};

    @Test
    void periodicRulesFireOnTheReferenceDaysForEveryFrequencyBaseDayPhaseAndOffset() {
        int checked = 0;
        int withEvents = 0;
        for (MissingDataPolicy policy : MissingDataPolicy.values()) {
            LocalDate[] cal = inUse(policy);
            for (Frequency f : Frequency.values()) {
                for (BaseDayPolicy base : BaseDayPolicy.values()) {
                    for (int p : phases(f)) {
                        for (int k : OFFSETS) {
                            RebalancingRule rule = new RebalancingRule.Periodic(f, base, 0.001, p, k);
                            for (LocalDate[] w : WINDOWS) {
                                List<LocalDate> want = expected(cal, f, p, base, k, w[0], w[1]);
                                assertThat(eventDates(policy, w[0], w[1], rule))
                                        .as("%s %s %s p=%d k=%d %s..%s", policy, f, base, p, k, w[0], w[1]).isEqualTo(want);
                                checked++;
                                withEvents += want.isEmpty() ? 0 : 1;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 2 * (1 + 4 + 4 + 4) * OFFSETS.length * WINDOWS.length);
        assertThat(withEvents).as("most cases have events to compare").isGreaterThan(checked * 3 / 4);
    }

    @Test
    void aDriftRulesCheckCalendarTakesThePhaseAndOffset() {
        // a band of 1e-9 breaches on every check day (random returns move the weights every close)
        for (MissingDataPolicy policy : MissingDataPolicy.values()) {
            LocalDate[] cal = inUse(policy);
            for (CheckFrequency check : CheckFrequency.values()) {
                if (check == CheckFrequency.DAILY) {
                    continue;
                }
                Frequency f = check.period();
                for (BaseDayPolicy base : BaseDayPolicy.values()) {
                    for (int p : phases(f)) {
                        for (int k : new int[] {0, 3, 20}) {
                            RebalancingRule rule = new RebalancingRule.Drift(1e-9, base, 0.001, BandKind.ABSOLUTE,
                                    Double.NaN, check, 0, p, k);
                            for (LocalDate[] w : WINDOWS) {
                                assertThat(eventDates(policy, w[0], w[1], rule))
                                        .as("%s check %s %s p=%d k=%d", policy, check, base, p, k)
                                        .isEqualTo(expected(cal, f, p, base, k, w[0], w[1]));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void handPickedDates() {
        // QUARTERLY p = 1 (Feb, May, Aug, Nov), FIRST, k = 2 under SKIP: February 2022 starts on the 1st, so its 3rd
        // date is the 3rd; May 2022's is the 4th (2nd, 3rd, 4th)
        List<LocalDate> q = eventDates(MissingDataPolicy.SKIP, d(2022, 1, 3), d(2022, 6, 30),
                new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST_TRADING_DAY, 0.001, 1, 2));
        assertThat(q).containsExactly(d(2022, 2, 3), d(2022, 5, 4));
        // MONTHLY LAST k = 1: the 2nd last date of March 2022 is the 30th; of February 2022 the 24th under SKIP (the
        // 28th has no equity return, so the 25th is the last) but the 25th under ZERO (the 28th stays, and is the last)
        RebalancingRule last = new RebalancingRule.Periodic(Frequency.MONTHLY, LAST_TRADING_DAY, 0.001, 0, 1);
        assertThat(eventDates(MissingDataPolicy.SKIP, d(2022, 2, 1), d(2022, 3, 31), last))
                .containsExactly(d(2022, 2, 24), d(2022, 3, 30));
        assertThat(eventDates(MissingDataPolicy.ZERO, d(2022, 2, 1), d(2022, 3, 31), last))
                .containsExactly(d(2022, 2, 25), d(2022, 3, 30));
        // a window starting on the 2nd date of a month counts the 1st before it: k = 1 is the purchase close, no event
        assertThat(eventDates(MissingDataPolicy.SKIP, d(2022, 4, 4), d(2022, 5, 31),
                new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 0, 1)))
                .containsExactly(d(2022, 5, 3));
        // the calendar's first period (November 2019) has no FIRST event, whatever the offset
        assertThat(eventDates(MissingDataPolicy.SKIP, ALL[0], d(2019, 12, 31),
                new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 0, 1)))
                .containsExactly(d(2019, 12, 3));
        // the data's last period (July 2024) is incomplete: no LAST event in it
        assertThat(eventDates(MissingDataPolicy.SKIP, d(2024, 6, 3), ALL[ALL.length - 1], last))
                .containsExactly(d(2024, 6, 27));
    }

    @Test
    void theSingleStepTakesAPhaseButNotADayOffset() {
        RebalancingRule annualMay = new RebalancingRule.Periodic(Frequency.ANNUAL, LAST_TRADING_DAY, 0.0, 5, 0);
        double[] positions = new double[AssetClass.COUNT];
        positions[AssetClass.EQUITY.ordinal()] = 7000;
        positions[AssetClass.BOND.ordinal()] = 3000;
        assertThat(RebalancingEngine.step(positions, SIXTY_FORTY,
                new StepContext(d(2023, 5, 31), d(2023, 5, 30), d(2023, 6, 1)), annualMay)).isPresent();
        assertThat(RebalancingEngine.step(positions, SIXTY_FORTY,
                new StepContext(d(2023, 12, 29), d(2023, 12, 28), d(2024, 1, 2)), annualMay)).isEmpty();
        RebalancingRule offset = new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.0, 0, 1);
        assertInvalidRule(() -> RebalancingEngine.step(positions, SIXTY_FORTY,
                new StepContext(d(2023, 6, 2), d(2023, 6, 1), d(2023, 6, 5)), offset));
    }

    @Test
    void refusesPhasesAndOffsetsOutOfRangeAndOnADailyCheck() {
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 1, 0));
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.QUARTERLY, FIRST_TRADING_DAY, 0.001, 3, 0));
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, -1, 0));
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.ANNUAL, FIRST_TRADING_DAY, 0.001, 12, 0));
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 0, 21));
        assertInvalidRule(() -> new RebalancingRule.Periodic(Frequency.MONTHLY, FIRST_TRADING_DAY, 0.001, 0, -1));
        assertInvalidRule(() -> new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                CheckFrequency.DAILY, 0, 1, 0));
        assertInvalidRule(() -> new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                CheckFrequency.DAILY, 0, 0, 2));
        assertInvalidRule(() -> new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                CheckFrequency.SEMIANNUAL, 0, 6, 0));
        // the edges are allowed
        assertThat(new RebalancingRule.Periodic(Frequency.ANNUAL, LAST_TRADING_DAY, 0.001, 11, 20).phase()).isEqualTo(11);
        assertThat(new RebalancingRule.Drift(0.05, FIRST_TRADING_DAY, 0.001, BandKind.ABSOLUTE, Double.NaN,
                CheckFrequency.QUARTERLY, 0, 2, 20).dayOffset()).isEqualTo(20);
    }

    private static void assertInvalidRule(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.INVALID_RULE));
    }
}
