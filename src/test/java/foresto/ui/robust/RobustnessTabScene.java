package foresto.ui.robust;

import foresto.backtest.BacktestService;
import foresto.backtest.FeatureFlags;
import foresto.backtest.InMemoryStores;
import foresto.ui.MainWindow;
import foresto.ui.Snapshots;
import foresto.ui.chart.CanvasChart;
import foresto.ui.common.FxTaskExecutor;
import foresto.ui.common.ScreenExports;
import foresto.ui.common.UiError;
import foresto.ui.common.UiState;
import foresto.ui.main.MainViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Robustness tab's robot tests share: the tab alone on a scene of its own, on the in-memory sample stores,
 * its files saved to {@link #saveTarget} (a right-click "Save image…" on any chart included).
 */
abstract class RobustnessTabScene {
    protected final InMemoryStores stores = InMemoryStores.sample();
    protected final BacktestService service = new BacktestService(stores.stores(), new FeatureFlags(true),
            Clock.systemUTC());
    protected final List<UiError> errors = new ArrayList<>();
    protected MainViewModel setup;
    protected RobustnessViewModel vm;
    protected RobustnessView view;
    protected Scene scene;
    protected Path saveTarget;

    /** The tab on a {@code width} × {@code height} scene of {@code stage}; the setup starts loading. */
    protected void show(Stage stage, double width, double height) {
        MainWindow.applyTheme();
        FxTaskExecutor executor = new FxTaskExecutor();
        setup = new MainViewModel(service, executor, UiState.inMemory(), errors::add);
        vm = new RobustnessViewModel(new StoredStudies(service), setup, service.flags(), executor, errors::add);
        view = new RobustnessView(vm, name -> Optional.ofNullable(saveTarget));
        scene = new Scene(view, width, height);
        ScreenExports.install(scene, CanvasChart.class::isInstance, chart -> "chart.png",
                (what, name) -> Optional.ofNullable(saveTarget), Snapshots::write, t -> errors.add(UiError.of("png", t)));
        scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // the shared stage may keep another size from an earlier test
        stage.show();
        setup.load();
    }

    protected static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs a start-date study of windows {@code length} months long every {@code step} months from its page's button. */
    protected void runStartDates(FxRobot robot, int length, int step) {
        robot.clickOn("Start dates");
        robot.interact(() -> {
            vm.lengthMonthsProperty().set(Integer.toString(length));
            vm.stepMonthsProperty().set(Integer.toString(step));
        });
        robot.clickOn("#robustWindowsRun");
        waitUntil(() -> vm.windowsProperty().get() != null && !vm.busyProperty().get());
    }

    /** Writes the scene as {@code target/screenshots/<name>}. */
    protected void screenshot(FxRobot robot, String name) {
        Path file = Path.of("target/screenshots", name);
        robot.interact(() -> {
            try {
                Snapshots.write(scene, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(file).exists();
    }
}
