package foresto.ui;

import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TableColumn;
import foresto.ui.common.UiState;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window's size survives a restart even where the app opens maximized (a screen below 1400 × 900): a
 * remembered size un-maximizes it, a size change and a maximize are written, and a window left maximized opens
 * maximized again.
 */
class WindowMemoryTest extends RobotTestBase {

    private static String saved(Path file, String key) {
        return new UiState(file).get(key).orElse("");
    }

    @Test
    void theRememberedSizeAndMaximizedStateComeBackAfterARestart(FxRobot robot) throws IOException, TimeoutException {
        Path file = Files.createTempFile("ui-state", ".properties");
        Files.writeString(file, UiState.WINDOW_WIDTH + "=1000\n" + UiState.WINDOW_HEIGHT + "=700\n");
        UiState state = new UiState(file);
        FxToolkit.setupStage(stage -> {
            stage.setMaximized(true); // as on a small screen
            fx.start(stage, state);
        });
        Stage stage = (Stage) fx.window.scene().getWindow();
        UiFixture.waitUntil(() -> stage.getWidth() == 1000 && stage.getHeight() == 700);
        assertThat(stage.isMaximized()).isFalse();

        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(720);
        });
        UiFixture.waitUntil(() -> saved(file, UiState.WINDOW_WIDTH).equals("1100") && saved(file, UiState.WINDOW_HEIGHT).equals("720"));
        robot.interact(() -> stage.setMaximized(true));
        UiFixture.waitUntil(() -> saved(file, UiState.WINDOW_MAXIMIZED).equals("true"));
        assertThat(saved(file, UiState.WINDOW_WIDTH)).as("the size it had before it was maximized").isEqualTo("1100");

        // a restart on the same file: maximized again, its normal size kept for when it is not
        FxToolkit.setupStage(s -> {
            s.setMaximized(false);
            fx.start(s, new UiState(file));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage again = (Stage) fx.window.scene().getWindow();
        UiFixture.waitUntil(again::isMaximized);
        assertThat(saved(file, UiState.WINDOW_WIDTH)).isEqualTo("1100");
        robot.interact(() -> again.setMaximized(false)); // the primary stage is shared with the next tests
    }

    @Test
    void theEventsTablesSortComesBackAfterARestart(FxRobot robot) throws IOException, TimeoutException {
        Path file = Files.createTempFile("ui-state", ".properties");
        FxToolkit.setupStage(stage -> fx.start(stage, new UiState(file)));
        @SuppressWarnings("unchecked")
        TableView<Object> events = robot.lookup("#eventTable").queryAs(TableView.class);
        TableColumn<Object, ?> turnover = events.getColumns().stream().filter(c -> "col_turnover".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            turnover.setSortType(TableColumn.SortType.DESCENDING);
            events.getSortOrder().setAll(List.of(turnover));
        });
        UiFixture.waitUntil(() -> saved(file, UiState.EVENTS_SORT).equals("col_turnover:DESCENDING"));

        // a restart on the same file: the events sorted by turnover, largest first, again
        FxToolkit.setupStage(s -> fx.start(s, new UiState(file)));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<Object> again = robot.lookup("#eventTable").queryAs(TableView.class);
        assertThat(again).isNotSameAs(events);
        assertThat(again.getSortOrder()).hasSize(1);
        assertThat(again.getSortOrder().get(0).getId()).isEqualTo("col_turnover");
        assertThat(again.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);

        // unsorted is remembered too
        robot.interact(() -> again.getSortOrder().clear());
        UiFixture.waitUntil(() -> saved(file, UiState.EVENTS_SORT).isEmpty());
    }
}
