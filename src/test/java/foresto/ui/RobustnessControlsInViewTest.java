package foresto.ui;

import foresto.i18n.Messages;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a start-date study and a bootstrap, on a window too short for the whole page (1280 × 700, the setup's cash
 * flows on), each page's controls stay whole in view: Run, the PNG and CSV buttons and the fields are never scrolled
 * off, whatever part of the page below them scrolls; Cancel stays in view too.
 */
class RobustnessControlsInViewTest extends RobotTestBase {
    private static final String QUARTERLY = "P2_PERIODIC_QUARTERLY_FTD_10BP";

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** Asserts {@code id}'s node lies whole inside every scroll pane's viewport it is in, and inside the window. */
    private void inView(FxRobot robot, String id, String when) {
        Node n = robot.lookup(id).query();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                Bounds view = s.localToScene(s.getLayoutBounds());
                Bounds port = s.getViewportBounds();
                double top = view.getMinY() + s.snappedTopInset();
                double bottom = top + port.getHeight();
                assertThat(b.getMinY()).as(id + " top " + when).isGreaterThanOrEqualTo(top - 0.5);
                assertThat(b.getMaxY()).as(id + " bottom " + when).isLessThanOrEqualTo(bottom + 0.5);
            }
        }
        assertThat(b.getMinY()).as(id + " in the window " + when).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as(id + " in the window " + when).isLessThanOrEqualTo(fx.window.scene().getHeight());
        assertThat(b.getMaxX()).as(id + " right edge " + when).isLessThanOrEqualTo(fx.window.scene().getWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void theControlsRowStaysInViewAfterARun(String language, FxRobot robot) throws TimeoutException {
        fx.openRobustness(robot, language, 1280, 700, QUARTERLY);
        fx.contribute(robot, "100");
        TabPane studies = robot.lookup("#robustStudies").queryAs(TabPane.class);

        robot.interact(() -> {
            studies.getSelectionModel().select(1);
            robot.lookup("#robustLength").queryAs(TextField.class).setText("12");
            robot.lookup("#robustStep").queryAs(TextField.class).setText("3");
        });
        TableView<?> windows = fx.runStudy(robot, "#robustWindowsRun", "#robustWindowsTable", 3);
        fx.screenshot(robot, "robustness-start-dates-1280x700-" + language + ".png");
        for (String id : new String[] {"#robustWindowsRun", "#robustLength", "#robustStep", "#robustWindowsCsv",
                "#robustPremiumPng", "#robustCancelButton"}) {
            inView(robot, id, "after a start-date study");
        }

        robot.interact(() -> {
            studies.getSelectionModel().select(2);
            robot.lookup("#robustPaths").queryAs(TextField.class).setText("50");
        });
        TableView<?> quantiles = fx.runStudy(robot, "#robustBootstrapRun", "#robustBootstrapTable", 2);
        fx.screenshot(robot, "robustness-bootstrap-1280x700-" + language + ".png");
        for (String id : new String[] {"#robustBootstrapRun", "#robustPaths", "#robustSeed", "#robustBootstrapCsv",
                "#robustFanPng", "#robustDiffPng", "#robustCancelButton"}) {
            inView(robot, id, "after a bootstrap");
        }
    }
}
