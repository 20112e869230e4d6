package foresto.ui;

import foresto.ui.common.UiState;
import foresto.ui.common.TaskExecutor;
import foresto.ui.main.MainViewModel;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** "Import market data…" in the app uses the importer (errors with line and column; success refreshes the lists). */
class ImportAndCancelTest extends RobotTestBase {
    @TempDir
    static Path dir;

    @Test
    void importDialogReportsProblemsThenImportsAndTheDatasetAppears(FxRobot robot) throws Exception {
        MainViewModel vm = fx.window.mainViewModel();
        UiFixture.waitUntil(() -> !vm.getDatasets().isEmpty() && !vm.busyProperty().get());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,SPX\n2024-01-02,0.01\n2024-01-03,oops\n");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "date,SPX,TSY\n2024-01-02,0.01,0.001\n2024-01-03,-0.02,0.002\n2024-01-04,0.005,\n");

        // the setup panel scrolls: bring the button at its foot into view, as an analyst on a small screen would
        robot.interact(() -> {
            Node button = robot.lookup("#importButton").query();
            for (Node n = button; n != null; n = n.getParent()) {
                if (n instanceof ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                    break;
                }
            }
        });
        robot.clickOn("#importButton");
        robot.clickOn("#importFileField").write(bad.toString());
        robot.clickOn("#importNameField").write("from the app");
        robot.clickOn("#importColumnsField").write("SPX=EQUITY,TSY=BOND");
        robot.clickOn("#importRunButton");
        TextArea result = robot.lookup("#importResult").queryAs(TextArea.class);
        UiFixture.waitUntil(() -> result.getText().startsWith("INVALID_CSV"));
        assertThat(result.getText()).contains("bad.csv:1: --columns names 'TSY', which is not a column of the file");
        assertThat(vm.getDatasets()).hasSize(1);

        robot.interact(() -> robot.lookup("#importFileField").queryTextInputControl().setText(good.toString()));
        robot.clickOn("#importRunButton");
        UiFixture.waitUntil(() -> result.getText().startsWith("Imported 'from the app'"));
        UiFixture.waitUntil(() -> vm.getDatasets().size() == 2);
        assertThat(vm.getDatasets().get(1).name()).isEqualTo("from the app");
        assertThat(vm.getDatasets().get(1).rowCount()).isEqualTo(3);
        robot.clickOn("Close");
    }

    @Test
    void cancelInterruptsTheRunningWorkAndSaysSo() {
        List<Runnable> cancelCallbacks = new ArrayList<>();
        TaskExecutor pending = new TaskExecutor() {
            @Override
            public void onUiThread(Runnable r) {
                r.run();
            }

            @Override
            public <T> Handle submit(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                     Runnable onCancelled) {
                if (title.equals("load")) {
                    return TaskExecutor.sameThread().submit(title, work, onSuccess, onFailure, onCancelled);
                }
                boolean[] done = {false};
                return new Handle() {
                    @Override
                    public void cancel() {
                        done[0] = true;
                        cancelCallbacks.add(onCancelled);
                        onCancelled.run();
                    }

                    @Override
                    public boolean isDone() {
                        return done[0];
                    }
                };
            }
        };
        MainViewModel vm = new MainViewModel(fx.service, pending, UiState.inMemory(), e -> { });
        vm.load();
        vm.run();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canRun().get()).isFalse();
        vm.cancel();
        assertThat(cancelCallbacks).hasSize(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled. Nothing was stored.");
        assertThat(vm.resultProperty().get()).isNull();
    }
}
