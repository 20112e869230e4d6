package foresto.ui;

import foresto.i18n.Messages;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes the README's pictures of the window in each language, {@code assets/screenshot-en.png} and
 * {@code assets/screenshot-ko.png} at 1280 × 800, after one run on the test data. Not a test (its name keeps it out
 * of {@code mvn verify}); run it with
 * {@code mvn -B -ntp test -Dtest=LanguageScreenshots -Dsurefire.failIfNoSpecifiedTests=false} and look at the files.
 */
class LanguageScreenshots extends FixtureTestBase {
    private static final Path ASSETS = Path.of("assets");

    @Test
    void writeBothLanguages(FxRobot robot) throws Exception {
        for (Locale language : Messages.LANGUAGES) {
            Messages.use(language);
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage((Stage stage) -> fx.startAt(stage, 1280, 800));
            UiFixture.waitUntil(() -> !fx.window.mainViewModel().busyProperty().get());
            robot.interact(() -> fx.window.mainViewModel().run());
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx.window.mainViewModel().resultProperty().get() != null
                    && !fx.window.mainViewModel().busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(500); // the charts paint on the next frames
            Path file = ASSETS.resolve("screenshot-" + language.getLanguage() + ".png");
            robot.interact(() -> {
                try {
                    Snapshots.write(fx.window.scene(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
