package foresto.ui;

import javafx.scene.shape.Arc;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's splash image in the jar is the app's own splash scene drawn (not a hand-made picture): drawn
 * again here and compared. After changing the splash, write the new image with
 * {@code mvn -Pgolden-write process-test-classes} ({@link SplashImageWriter}); this test only reads it.
 */
@ExtendWith(ApplicationExtension.class)
class SplashImageTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theLaunchersSplashImageIsTheSplashSceneDrawn(FxRobot robot) throws Exception {
        Path drawn = Path.of("target/splash.png");
        Files.createDirectories(drawn.getParent());
        robot.interact(() -> {
            try {
                Snapshots.write(ForestoApp.splashScene(new Text("Starting …"), new Arc(0, 0, 14, 14, 90, 270)), drawn);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        BufferedImage now = ImageIO.read(drawn.toFile());
        BufferedImage shipped;
        try (InputStream in = ForestoApp.class.getResourceAsStream("/foresto/ui/splash.png")) {
            assertThat(in).as("splash.png in the jar's resources").isNotNull();
            shipped = ImageIO.read(in);
        }
        assertThat(shipped.getWidth()).isEqualTo(ForestoApp.SPLASH_WIDTH).isEqualTo(now.getWidth());
        assertThat(shipped.getHeight()).isEqualTo(ForestoApp.SPLASH_HEIGHT).isEqualTo(now.getHeight());
        // the same picture: the text is ~7 % of the pixels, so another title or message would differ by several
        // levels on average; the same scene drawn on this machine differs by nothing
        double diff = 0;
        int ink = 0;
        for (int y = 0; y < now.getHeight(); y++) {
            for (int x = 0; x < now.getWidth(); x++) {
                int a = now.getRGB(x, y);
                int b = shipped.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    diff += Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
                }
                ink += (b & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        double meanLevels = diff / (3.0 * now.getWidth() * now.getHeight());
        assertThat(meanLevels).as("mean difference per channel (0–255)").isLessThan(1.0);
        assertThat(ink).as("pixels that are not white: title, spinner, message").isBetween(1500, 20000);
    }
}
