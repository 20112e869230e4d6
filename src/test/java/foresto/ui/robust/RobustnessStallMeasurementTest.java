package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.ui.MainWindow;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures (reports, never asserts on time) how long the FX thread stalls while the Robustness tab runs a
 * 1,000-path bootstrap through the stored service: an AnimationTimer records the longest gap between pulses from
 * the press of Run to the drawn result, once for the new study and once for the repeated (reused, recomputed) one.
 * Writes target/measurements/robustness-stall.txt. That both runs ended, stored once and reused, is asserted.
 */
@ExtendWith(ApplicationExtension.class)
class RobustnessStallMeasurementTest {
    private static final Logger LOG = LoggerFactory.getLogger(RobustnessStallMeasurementTest.class);
    private final InMemoryStores stores = InMemoryStores.sample();
    private final BacktestService service = new BacktestService(stores.stores(), new FeatureFlags(true), Clock.systemUTC());
    private final List<UiError> errors = new ArrayList<>();
    private MainViewModel setup;
    private RobustnessViewModel vm;

    @Start
    void start(Stage stage) {
        MainWindow.applyTheme();
        FxTaskExecutor executor = new FxTaskExecutor();
        setup = new MainViewModel(service, executor, UiState.inMemory(), errors::add);
        vm = new RobustnessViewModel(new StoredStudies(service), setup, service.flags(), executor, errors::add);
        RobustnessView view = new RobustnessView(vm, name -> Optional.empty());
        view.studies().getSelectionModel().select(2); // Bootstrap
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        setup.load();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The longest pulse gap (ms), the pulses counted and the wall time (ms) of one bootstrap from Run to drawn. */
    private record Stall(double maxGapMs, double gapEndMs, double runningGapMs, double shownMs, int pulses,
                         double wallMs, String status) {
        String text() {
            return String.format(Locale.ROOT, "longest FX pulse gap %.1f ms (ending %.0f ms after Run; figures shown "
                    + "at %.0f ms), longest while the study ran %.1f ms, %d pulses, %.0f ms Run to drawn", maxGapMs,
                    gapEndMs, shownMs, runningGapMs, pulses, wallMs);
        }
    }

    private Stall bootstrap(FxRobot robot) {
        AtomicLong last = new AtomicLong();
        AtomicLong maxGap = new AtomicLong();
        AtomicInteger pulses = new AtomicInteger();
        AtomicLong gapEnd = new AtomicLong();
        AtomicLong shown = new AtomicLong();
        AtomicLong runningGap = new AtomicLong();
        ChangeListener<BootstrapFigures> onShown = (o, a, f) -> {
            if (f != null) {
                shown.set(System.nanoTime());
            }
        };
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long before = last.getAndSet(t);
                if (before != 0 && shown.get() == 0) {
                    runningGap.accumulateAndGet(t - before, Math::max);
                }
                if (before != 0 && t - before > maxGap.get()) {
                    maxGap.set(t - before);
                    gapEnd.set(t);
                }
                pulses.incrementAndGet();
            }
        };
        long t0 = System.nanoTime();
        robot.interact(() -> {
            timer.start();
            vm.bootstrapProperty().set(null);
            vm.bootstrapProperty().addListener(onShown);
            vm.runBootstrap();
        });
        waitUntil(() -> vm.bootstrapProperty().get() != null && !vm.busyProperty().get());
        // a few more frames so the charts' first drawing is inside the measurement
        robot.sleep(300);
        robot.interact(() -> {
            timer.stop();
            vm.bootstrapProperty().removeListener(onShown);
        });
        return new Stall(maxGap.get() / 1e6, (gapEnd.get() - t0) / 1e6, runningGap.get() / 1e6, (shown.get() - t0) / 1e6, pulses.get(),
                (System.nanoTime() - t0) / 1e6, vm.statusProperty().get());
    }

    @Test
    void measureTheLongestFxStallWhileAThousandPathBootstrapRuns(FxRobot robot) throws IOException {
        waitUntil(() -> !setup.getRules().isEmpty() && !setup.busyProperty().get());
        robot.interact(() -> {
            setup.ruleProperty().set(setup.getRules().stream()
                    .filter(r -> r.ruleName().equals("P2_PERIODIC_MONTHLY_FTD_10BP")).findFirst().orElseThrow());
            vm.pathsProperty().set("1000");
        });
        Stall first = bootstrap(robot);
        Stall second = bootstrap(robot);
        assertThat(errors).isEmpty();
        assertThat(first.status()).contains("1,000 paths").endsWith(" stored.");
        assertThat(second.status()).contains("Reused study #");
        assertThat(vm.progressTextProperty().get()).isEqualTo("Paths 1,000 / 1,000");
        assertThat(first.pulses()).isGreaterThan(1);
        assertThat(stores.studyCount()).isEqualTo(1);
        String report = String.format(Locale.ROOT, "Robustness tab, 1,000-path bootstrap (%s, %d cores, prism %s):%n"
                        + "  new study:    %s%n  reused study: %s%n",
                setup.datasetProperty().get().label(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("prism.order", "default"), first.text(), second.text());
        Path out = Path.of("target/measurements/robustness-stall.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("{}", report);
    }
}
