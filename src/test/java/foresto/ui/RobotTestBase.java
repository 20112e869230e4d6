package foresto.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.concurrent.TimeoutException;

/**
 * Robot tests of the main window: one fixture database per class, a fresh window on the primary stage
 * before each test. (TestFX looks for {@code @Start} only on the test class itself, so the window is set up
 * here through FxToolkit; the extension still provides the FxRobot.)
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RobotTestBase {
    UiFixture fx;

    /** Whether USE_REBALANCING is on for this class's window. */
    boolean rebalancing() {
        return true;
    }

    @BeforeAll
    void createFixture() {
        fx = new UiFixture(rebalancing());
    }

    @BeforeEach
    void showWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setMaximized(false); // the shared primary stage may have been left maximized by an earlier test
            fx.start(stage);
        });
    }

    @AfterAll
    void closeFixture() {
        fx.close();
    }
}
