package foresto.ui;

import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeoutException;

/**
 * Robot tests of the main window: one fixture database per class, a fresh window on the primary stage
 * before each test. (TestFX looks for {@code @Start} only on the test class itself, so the window is set up
 * here through FxToolkit; the extension still provides the FxRobot.)
 */
abstract class RobotTestBase extends FixtureTestBase {
    @BeforeEach
    void showWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setMaximized(false); // the shared primary stage may have been left maximized by an earlier test
            fx.start(stage);
        });
    }
}
