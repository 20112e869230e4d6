package foresto.engine;

import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths with a flow schedule, pinned bit for bit so that speed work on the path loop cannot move a number.
 *
 * <p>Where the pinned values come from: each case was run once, on the engine as merged with the cash flows
 * (commit c4e1eba, before any speed work), by a throwaway program outside the test suite that printed
 * {@link #digest} of both paths and the exact bits of a few headline figures; the strings and hex literals below
 * are that output, pasted. The test never derives an expected value from the code under test: it recomputes the
 * digests and compares them to the pasted text.
 *
 * <p>The digest is SHA-256 over the IEEE-754 bits of every number a path with flows hands out: the value path,
 * the metrics, each event (date, turnover, cost, value before and after), each booked flow (date, amount, every
 * class's trade in code order), the totals, the depletion date, the time-weighted index with its total and CAGR,
 * the investor's cash flows (dates and amounts), the tracked close weights and the money-weighted return.
 */
class CashFlowPinnedResultsTest {
    static final MarketData DATA = SyntheticMarket.generate(LocalDate.of(1995, 1, 3), LocalDate.of(2009, 12, 31), 7);

    static Scenario scenario(double initialValue) {
        Map<AssetClass, Double> w = new EnumMap<>(AssetClass.class);
        w.put(AssetClass.EQUITY, 0.4);
        w.put(AssetClass.BOND, 0.3);
        w.put(AssetClass.SHORT_TERM, 0.1);
        w.put(AssetClass.GOLD, 0.1);
        w.put(AssetClass.OTHER, 0.1);
        return new Scenario(Weights.of(w), LocalDate.of(1996, 3, 4), LocalDate.of(2009, 6, 30), initialValue,
                MissingDataPolicy.SKIP);
    }

    static final RebalancingRule DRIFT = new RebalancingRule.Drift(0.05, BaseDayPolicy.FIRST_TRADING_DAY, 0.001);
    static final RebalancingRule QUARTERLY = new RebalancingRule.Periodic(Frequency.QUARTERLY,
            BaseDayPolicy.LAST_TRADING_DAY, 0.002);

    /** Monthly contributions growing 2 % a year, ON drift toward the targets. */
    static final CashFlowSchedule CONTRIBUTIONS = CashFlowSchedule.ofAmount(100, Frequency.MONTHLY,
            BaseDayPolicy.FIRST_TRADING_DAY).withGrowth(0.02);
    /** A 1 % quarterly withdrawal rate on the last trading day, ON quarterly pro rata, from 1998 on. */
    static final CashFlowSchedule RATE = CashFlowSchedule.ofRate(0.01, Frequency.QUARTERLY,
            BaseDayPolicy.LAST_TRADING_DAY).withLimits(LocalDate.of(1998, 1, 1), null)
            .withAllocation(FlowAllocation.PRO_RATA);
    /** Monthly withdrawals of 150 from 10,000 with a shifted calendar: the paths deplete. */
    static final CashFlowSchedule DEPLETING = CashFlowSchedule.ofAmount(-150, Frequency.MONTHLY,
            BaseDayPolicy.FIRST_TRADING_DAY).withCalendarShift(0, 2);
    /** Semiannual contributions (phase 1, day offset 1) until 2005, shrinking 10 % a year. */
    static final CashFlowSchedule LIMITED = CashFlowSchedule.ofAmount(500, Frequency.SEMIANNUAL,
            BaseDayPolicy.FIRST_TRADING_DAY).withCalendarShift(1, 1).withGrowth(-0.1)
            .withLimits(null, LocalDate.of(2005, 12, 31));

    static SimulationResult run(CashFlowSchedule flows, RebalancingRule rule, double initialValue) {
        return ScenarioSimulation.run(DATA, scenario(initialValue), Optional.of(rule), flows, true);
    }

    @Test
    void monthlyContributionsTowardTheTargets() {
        SimulationResult r = run(CONTRIBUTIONS, DRIFT, 10_000);
        assertThat(digest(r.off())).isEqualTo("dce4be252319d6fe2376328ffac49e58582fa2d6e41e13985dd26f1e9b000593");
        assertThat(digest(r.on().orElseThrow())).isEqualTo("b4cb82c8544789b57dcec39ad71405ee7a65c84e172b01c28dc6fa6cc771c3a0");
        assertThat(r.on().orElseThrow().metrics().finalValue()).isEqualTo(0x1.124170262ffddp15);
    }

    @Test
    void quarterlyWithdrawalRateProRata() {
        SimulationResult r = run(RATE, QUARTERLY, 10_000);
        assertThat(digest(r.off())).isEqualTo("f5bf853adad1170be46be4ba6a34de0bc03e6dee250532c4d7958d3d8ffd71a4");
        assertThat(digest(r.on().orElseThrow())).isEqualTo("623b69084e7d4df2360677d1465df367ec5d62ed316359f4b0b8fbb3a5ad8e61");
        assertThat(r.on().orElseThrow().cashFlows().twrTotal()).isEqualTo(0x1.13d8bc4db5866p-1);
    }

    @Test
    void depletingWithdrawals() {
        SimulationResult r = run(DEPLETING, DRIFT, 10_000);
        assertThat(digest(r.off())).isEqualTo("4021dfd66dc8c998e30809ab7c3517fc578c03a96d4e612f667be2272459a523");
        assertThat(digest(r.on().orElseThrow())).isEqualTo("d69a9a29d0496632b95175f2d7756a848670bdbc80fa4a2e866c0e7cc8fdeae2");
        assertThat(r.off().cashFlows().depletedOn()).isEqualTo(LocalDate.of(2003, 2, 5));
    }

    @Test
    void limitedShiftedShrinkingContributions() {
        SimulationResult r = run(LIMITED, DRIFT.withCostRate(0.003), 1_000);
        assertThat(digest(r.off())).isEqualTo("d27532a48eabb05ee1db9a0218eaf3d31ca1dbeafbeb30dd43d8085060b0d425");
        assertThat(digest(r.on().orElseThrow())).isEqualTo("7ab1c1139f81913564899ba2e57eff51da56ba14f580f805f6d98028fb579b0c");
        assertThat(r.off().metrics().volatility()).isEqualTo(0x1.84670074dedcfp-4);
    }

    /** SHA-256 (hex) over every number of a path with flows, as the class comment lists them. */
    static String digest(PathResult p) {
        Bits b = new Bits();
        b.all(p.values());
        Metrics m = p.metrics();
        b.add(m.finalValue()).add(m.totalReturn()).add(m.cagr()).add(m.volatility()).add(m.maxDrawdown())
                .add(m.eventCount()).add(m.totalTurnover()).add(m.totalCost());
        for (RebalancingEvent e : p.events()) {
            b.add(e.eventDate()).add(e.turnover()).add(e.costAmount()).add(e.valueBefore()).add(e.valueAfter());
        }
        CashFlowResult cf = p.cashFlows();
        for (CashFlow f : cf.flows()) {
            b.add(f.date()).add(f.amount());
            f.trades().forEach((code, amount) -> b.add(code.length()).add(amount));
        }
        b.add(cf.flows().size()).add(cf.contributed()).add(cf.withdrawn()).add(cf.netFlow())
                .add(cf.depletedOn() == null ? -1 : cf.depletedOn().toEpochDay());
        b.all(cf.twrIndex());
        b.add(cf.twrTotal()).add(cf.twrCagr());
        for (LocalDate d : cf.investorDates()) {
            b.add(d);
        }
        b.all(cf.investorAmounts());
        for (double[] w : p.closeWeights()) {
            b.all(w);
        }
        b.add(cf.mwr().isPresent() ? cf.mwr().getAsDouble() : Double.NaN);
        return b.hex();
    }

    private static final class Bits {
        private final MessageDigest md;
        private final ByteBuffer buf = ByteBuffer.allocate(8);

        Bits() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Bits add(double v) {
            md.update(buf.clear().putDouble(v).array());
            return this;
        }

        Bits add(long v) {
            md.update(buf.clear().putLong(v).array());
            return this;
        }

        Bits add(LocalDate d) {
            return add(d.toEpochDay());
        }

        void all(double[] values) {
            add(values.length);
            for (double v : values) {
                add(v);
            }
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
