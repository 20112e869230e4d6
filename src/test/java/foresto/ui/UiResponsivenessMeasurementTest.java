package foresto.ui;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.ImportService;
import foresto.backtest.RuleService;
import foresto.db.Database;
import foresto.db.MarketDataRepository;
import foresto.db.SqlScripts;
import foresto.db.TestDatabase;
import foresto.model.RuleRecord;
import foresto.sample.SyntheticMarket;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import foresto.ui.main.RunModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures (reports, never asserts on time) 30-year daily runs from the desktop: time from Run to the first
 * frame with the chart, and the longest gap between FX pulses while it runs (FX-thread work plus, under the
 * software pipeline, rendering). A first run on a cold JVM and a second, warm one. Writes
 * target/measurements/ui-responsiveness.txt. Correctness (markers = events, downsampled path) is asserted.
 */
@ExtendWith(ApplicationExtension.class)
class UiResponsivenessMeasurementTest {
    static Database db;
    MainWindow window;
    BacktestService svc;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshMigrated();
        SqlScripts.run(db.dataSource(), SqlScripts.RULE_SEED);
        SqlScripts.run(db.dataSource(), SqlScripts.SAMPLE_PORTFOLIOS);
        new MarketDataRepository(db.dataSource()).insert("SYNTHETIC 30y", "t", "t", true,
                SyntheticMarket.generate(LocalDate.of(1985, 1, 2), LocalDate.of(2014, 12, 31), 30), false);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme();
        svc = new BacktestService(db.dataSource(), FeatureFlags.ON, Clock.systemUTC());
        window = MainWindow.create(svc, new RuleService(db.dataSource()), new ImportService(db.dataSource()),
                new FxTaskExecutor(), UiState.inMemory(), (o, n) -> Optional.empty());
        window.showIn(stage);
    }

    record Measured(double toChartMs, double maxGapMs, int days, int events, int drawn, double toStoredMs, double maxPingMs) {
    }

    private Measured measure(FxRobot robot, RuleRecord rule) throws InterruptedException {
        MainViewModel vm = window.mainViewModel();
        robot.interact(() -> {
            vm.portfolioProperty().set(vm.getPortfolios().get(3)); // five asset classes
            vm.ruleProperty().set(rule);
            vm.rebalancingOnProperty().set(true);
        });
        AtomicLong lastPulse = new AtomicLong();
        long[] t0Ref = new long[1];
        AtomicLong maxGap = new AtomicLong();
        AtomicLong firstFrame = new AtomicLong();
        AtomicLong charted = new AtomicLong();
        AnimationTimer watchdog = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long last = lastPulse.getAndSet(t);
                if (last != 0) {
                    maxGap.accumulateAndGet(t - last, Math::max);
                    if (t - last > 30_000_000L && System.getProperty("debugGaps") != null) {
                        System.out.printf("DEBUGGAP %.0f ms ending at +%.0f ms (charted %s)%n", (t - last) / 1e6,
                                (t - t0Ref[0]) / 1e6, charted.get() != 0);
                    }
                }
                if (charted.get() != 0 && firstFrame.get() == 0) {
                    firstFrame.set(t);
                }
            }
        };
        ChangeListener<RunModel> onCharted = (o, a, m) -> {
            charted.set(System.nanoTime());
            if (System.getProperty("debugGaps") != null) {
                System.out.printf("DEBUGCHARTED at +%.0f ms%n", (System.nanoTime() - t0Ref[0]) / 1e6);
            }
        };
        vm.resultProperty().addListener((o, a, m) -> {
            if (System.getProperty("debugGaps") != null) {
                System.out.printf("DEBUGRESULT at +%.0f ms%n", (System.nanoTime() - t0Ref[0]) / 1e6);
            }
        });
        // a ping every 5 ms from another thread: how long the FX thread takes to run it is how long an input event
        // would wait (the pulse gaps above also include frames the renderer is still painting)
        AtomicLong maxPing = new AtomicLong();
        AtomicBoolean pinging = new AtomicBoolean(true);
        Thread pinger = new Thread(() -> {
            while (pinging.get()) {
                long sent = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                    ran.await();
                    maxPing.accumulateAndGet(System.nanoTime() - sent, Math::max);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-ping");
        AtomicLong t0 = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        ChangeListener<Boolean> onIdle = (o, a, busy) -> {
            if (!busy) {
                stored.set(System.nanoTime());
            }
        };
        robot.interact(() -> {
            vm.busyProperty().addListener(onIdle);
            window.main().chartedRun.addListener(onCharted);
            watchdog.start();
            t0.set(System.nanoTime());
            t0Ref[0] = t0.get();
            pinger.start();
            vm.run();
        });
        UiFixture.waitUntil(() -> firstFrame.get() != 0);
        robot.sleep(300); // keep watching the frames that follow the chart
        UiFixture.waitUntil(() -> stored.get() != 0);
        pinging.set(false);
        pinger.join(5000);
        robot.interact(() -> {
            watchdog.stop();
            window.main().chartedRun.removeListener(onCharted);
            vm.busyProperty().removeListener(onIdle);
        });
        assertThat(vm.resultProperty().get().isPreview()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("New run #");
        int events = vm.getEvents().size();
        UiFixture.waitUntil(() -> window.main().valueChart().markerIds().size() == events);
        assertThat(window.main().driftChart().markerIds()).hasSize(events);
        int drawn = window.main().valueChart().drawnPoints()[0];
        return new Measured((firstFrame.get() - t0.get()) / 1e6, maxGap.get() / 1e6, vm.resultProperty().get().dayCount(), events, drawn,
                (stored.get() - t0.get()) / 1e6, maxPing.get() / 1e6);
    }

    @Test
    void thirtyYearDailyRunsFromRunToChart(FxRobot robot) throws Exception {
        MainViewModel vm = window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getPortfolios().isEmpty() && !vm.busyProperty().get());
        // what the app does once its window is usable: the engine and storing path in the background, then the screen
        var warmRun = svc.warmUp();
        assertThat(warmRun).isPresent();
        CountDownLatch warmed = new CountDownLatch(1);
        RunModel warmModel = RunModel.of(warmRun.get(), false); // as the app does, on its worker
        robot.interact(() -> MainWindow.warmScreen(warmModel, warmed::countDown));
        assertThat(warmed.await(60, TimeUnit.SECONDS)).isTrue();
        int primed = WaitForAsyncUtils.asyncFx(() -> window.primeTables(warmModel)).get();
        assertThat(primed).as("events, weights, history, annual returns").isEqualTo(4);
        assertThat(robot.lookup("#eventTable").queryTableView().getItems()).as("the sample is never left on screen").isEmpty();
        assertThat(robot.lookup("#historyTable").queryTableView().getItems()).isEmpty();
        Measured cold = measure(robot, vm.getRules().get(0)); // monthly
        Measured warm = measure(robot, vm.getRules().get(2)); // drift 5 %

        assertThat(cold.days()).isGreaterThan(7500);
        assertThat(cold.events()).isEqualTo(359); // Feb 1985 .. Dec 2014
        assertThat(cold.drawn()).isLessThan(cold.days()).isGreaterThan(cold.events());
        assertThat(warm.events()).isPositive();

        boolean quickJit = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.equals("-XX:TieredStopAtLevel=1"));
        String report = String.format(Locale.ROOT, "30-year daily runs (%d days, 5 asset classes), headless Monocle, software "
                        + "rendering, %d cores, %s:%n"
                        + "  first run (after the app's start-up warm-up), monthly, %d events: Run -> first frame with chart %.0f ms "
                        + "(stored after %.0f ms); longest gap between FX pulses %.0f ms; longest wait of a runLater ping %.0f ms%n"
                        + "  second run (warm), drift 5%%, %d events: Run -> first frame with chart %.0f ms (stored after %.0f ms); "
                        + "longest gap between FX pulses %.0f ms; longest wait of a runLater ping %.0f ms%n"
                        + "  points drawn for the ON path: %d of %d (first/min/max/last per three pixels, every event kept)%n",
                cold.days(), Runtime.getRuntime().availableProcessors(),
                quickJit ? "without C2 (as the app's JVM runs on 2 cores)" : "the JVM's default compilers (C1 and C2)",
                cold.events(), cold.toChartMs(), cold.toStoredMs(), cold.maxGapMs(), cold.maxPingMs(), warm.events(),
                warm.toChartMs(), warm.toStoredMs(), warm.maxGapMs(), warm.maxPingMs(),
                cold.drawn(), cold.days());
        Path out = Path.of("target/measurements/ui-responsiveness.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }
}
