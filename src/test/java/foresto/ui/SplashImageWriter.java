package foresto.ui;

import javafx.application.Platform;
import javafx.scene.shape.Arc;
import javafx.scene.text.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes the launcher's splash image ({@code src/main/resources/foresto/ui/splash.png}) by drawing the app's own
 * splash scene, headless, exactly as {@link SplashImageTest} draws it to compare. Run by
 * {@code mvn -Pgolden-write process-test-classes} after changing the splash; never by a test.
 */
public final class SplashImageWriter {
    private SplashImageWriter() {
    }

    /** {@code args[0]}: the project root to write under (default: the working folder). */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path target = root.resolve("src/main/resources/foresto/ui/splash.png");
        // the same platform the UI tests run on (pom.xml: testfx.argLine), so the test compares like with like
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(target.getParent());
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                Snapshots.write(ForestoApp.splashScene(new Text("Starting …"), new Arc(0, 0, 14, 14, 90, 270)), target);
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } finally {
            Platform.exit();
        }
    }
}
