package foresto.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A split named by a screen that has no state at hand (as the Sweep and Robustness tabs' splits) is restored from the
 * state file of the scene it is shown in, and a moved divider is written back to that file.
 */
@ExtendWith(ApplicationExtension.class)
class SplitMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aNamedSplitIsRestoredFromTheScenesStateAndItsMovesAreWritten(FxRobot robot) throws IOException, TimeoutException {
        Path file = dir.resolve("ui-state.properties");
        Files.writeString(file, UiState.SPLIT_PREFIX + "sweep=0.3000\n");
        UiState state = new UiState(file);
        SplitPane[] split = new SplitPane[1];
        FxToolkit.setupStage(stage -> show(stage, state, split));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split[0].getDividerPositions()[0]).isCloseTo(0.30, within(0.01));

        robot.interact(() -> split[0].setDividerPositions(0.7));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> new UiState(file).get(UiState.SPLIT_PREFIX + "sweep")
                .map(v -> Math.abs(Double.parseDouble(v) - 0.7) < 0.01).orElse(false));
        assertThat(Double.parseDouble(new UiState(file).get(UiState.SPLIT_PREFIX + "sweep").orElseThrow())).isCloseTo(0.7, within(0.01));
    }

    private static void show(Stage stage, UiState state, SplitPane[] out) {
        StackPane left = new StackPane(new Label("heatmap"));
        StackPane right = new StackPane(new Label("cells"));
        left.setMinWidth(50);
        right.setMinWidth(50);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        SplitMemory.remember("sweep", split); // before it is in a scene, as a screen names its split when built
        StackPane root = new StackPane();
        Scene scene = new Scene(root, 600, 400);
        SplitMemory.install(scene, state);
        root.getChildren().add(split);
        stage.setScene(scene);
        stage.setWidth(600); // the shared primary stage may keep an earlier test's size
        stage.setHeight(400);
        stage.show();
        out[0] = split;
    }
}
