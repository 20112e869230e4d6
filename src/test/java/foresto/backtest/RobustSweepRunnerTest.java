package foresto.backtest;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.RebalancingRule;
import foresto.engine.Scenario;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.sample.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The robust sweep through the runner every face uses: progress, cancellation, bad input, memory. */
class RobustSweepRunnerTest {
    static final MarketData DATA = SyntheticMarket.generate(LocalDate.of(2015, 1, 2), LocalDate.of(2017, 12, 29), 7);
    static final Scenario SCENARIO = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.6, AssetClass.BOND, 0.4)),
            DATA.firstDate(), DATA.lastDate(), 100, MissingDataPolicy.SKIP);
    static final List<RebalancingRule> RULES = SweepRunner.rules(List.of("monthly", "drift:0.03"), null, null, null);

    /** Units: 4 cells, then 4 cells × 10 paths; the last report is the total, 44. */
    @Test
    void progressCountsCellsThenPathCellsAndAPlainRowIsTheRobustRowsPlainPart() {
        ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
        SweepRunner.Result robust = SweepRunner.run(DATA, SCENARIO, RULES, List.of(0.0, 0.002),
                new SweepRunner.Bootstrap(10, 3.0, 5), (done, total) -> seen.add(new long[] {done, total}), () -> false);
        assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(44));
        assertThat(seen.stream().mapToLong(p -> p[0]).max().orElseThrow()).isEqualTo(44);
        assertThat(seen.stream().mapToLong(p -> p[0]).filter(d -> d <= 4).count()).isEqualTo(4);
        assertThat(robust.bootstrap()).isEqualTo(new SweepRunner.Bootstrapped(10, 3.0, 5));
        SweepRunner.Result plain = SweepRunner.run(DATA, SCENARIO, RULES, List.of(0.0, 0.002), n -> { }, () -> false);
        assertThat(plain.bootstrap()).isNull();
        for (int i = 0; i < plain.rows().size(); i++) {
            SweepRunner.Row p = plain.rows().get(i);
            SweepRunner.Row r = robust.rows().get(i);
            assertThat(p.robust()).isNull();
            assertThat(r.robust()).isNotNull();
            assertThat(new SweepRunner.Row(r.rule(), r.costRate(), r.check(), r.rebalanceTo(), r.metrics(),
                    r.turnoverPerYear(), r.trackingError(), r.costDrag(), r.breakEvenCostRate(), null)).isEqualTo(p);
        }
    }

    @Test
    void badBootstrapParametersAreInvalidRequestsBeforeAnyCellRuns() {
        AtomicInteger asked = new AtomicInteger();
        for (SweepRunner.Bootstrap bad : List.of(new SweepRunner.Bootstrap(0, null, 1),
                new SweepRunner.Bootstrap(100_001, null, 1), new SweepRunner.Bootstrap(10, 0.99, 1))) {
            assertThatThrownBy(() -> SweepRunner.run(DATA, SCENARIO, RULES, List.of(0.0), bad, (d, t) -> { },
                    () -> asked.incrementAndGet() < 0)).isInstanceOfSatisfying(ForestoException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
        assertThat(asked).as("no cell ran").hasValue(0);
    }

    @Test
    void aRobustSweepCancelledAmongThePathsStopsWithoutAResult() {
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> SweepRunner.run(DATA, SCENARIO, RULES, List.of(0.0), new SweepRunner.Bootstrap(200, null, 1),
                (d, t) -> { }, () -> asked.incrementAndGet() > 20)).isInstanceOf(CancellationException.class);
    }

    /**
     * Paths are built a chunk at a time and dropped: 300 paths of 30 daily years of five classes (a path's market,
     * calendar and OFF path take ~1 MB, so ~300 MB if all were kept) run in a JVM with 128 MB of heap. (With every
 * path held at once, a chunk of 1,000, the child ran out of memory.)
     */
    @Test
    void aRobustSweepHoldsAChunkOfPathsNotAllOfThemAndFitsASmallHeap() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("robust-sweep-heap", ".txt");
        // out of memory in a pool worker would leave the child waiting for its task: it exits instead
        Process p = new ProcessBuilder(javaBin.toString(), "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ManyPaths.class.getName()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(ended).as(out).isTrue();
        assertThat(out).doesNotContain("OutOfMemoryError").contains("robust rows 4 of 300 paths");
        assertThat(p.exitValue()).isZero();
    }

    /** The child JVM of the test above: two rules × two cost rates on 300 paths of 30 years of five classes. */
    public static final class ManyPaths {
        public static void main(String[] args) {
            MarketData data = SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2014, 12, 31), 30);
            Scenario scenario = new Scenario(Weights.of(Map.of(AssetClass.EQUITY, 0.4, AssetClass.BOND, 0.3,
                    AssetClass.SHORT_TERM, 0.1, AssetClass.GOLD, 0.1, AssetClass.OTHER, 0.1)), data.firstDate(),
                    data.lastDate(), 100, MissingDataPolicy.SKIP);
            SweepRunner.Result r = SweepRunner.run(data, scenario, RULES, List.of(0.0, 0.001),
                    new SweepRunner.Bootstrap(300, null, 1), (d, t) -> { }, () -> false);
            System.out.println("robust rows " + r.rows().stream().filter(row -> row.robust() != null).count()
                    + " of " + r.bootstrap().paths() + " paths");
        }
    }
}
