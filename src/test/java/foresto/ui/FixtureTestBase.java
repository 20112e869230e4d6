package foresto.ui;

import foresto.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.Locale;

/**
 * Robot tests that start their own windows: one fixture database per class ({@link UiFixture}), the screen's
 * language back to English after the class, as the other tests of the JVM read English.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FixtureTestBase {
    UiFixture fx;

    /** Whether USE_REBALANCING is on for this class's windows. */
    boolean rebalancing() {
        return true;
    }

    @BeforeAll
    void createFixture() {
        fx = new UiFixture(rebalancing());
    }

    @AfterAll
    void closeFixture() {
        Messages.use(Locale.ENGLISH);
        fx.close();
    }
}
