package foresto.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hangul renders with the bundled font, on a machine whose own fonts have no Korean (this build machine:
 * {@code fc-list :lang=ko} is empty). A font without Hangul draws every syllable as the same "missing glyph"
 * box, so two different syllables give identical pixels; with the bundled font they differ.
 */
@ExtendWith(ApplicationExtension.class)
class KoreanFontTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.applyTheme();
    }

    private static int[] pixels(String text, String family) {
        Label l = new Label(text);
        l.setFont(Font.font(family, 28));
        l.setStyle("-fx-text-fill: black; -fx-background-color: white;");
        new Scene(new VBox(l));
        l.applyCss();
        l.autosize();
        WritableImage img = l.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h + 2];
        PixelReader r = img.getPixelReader();
        r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 2, w);
        out[0] = w;
        out[1] = h;
        return out;
    }

    private static int inkPixels(int[] p) {
        int n = 0;
        for (int i = 2; i < p.length; i++) {
            if ((p[i] & 0xff) < 128) {
                n++;
            }
        }
        return n;
    }

    @Test
    void bundledFontLoadsAndDrawsDistinctHangulGlyphs(FxRobot robot) throws Exception {
        assertThat(Fonts.load()).contains(Fonts.FAMILY);
        assertThat(Font.getFamilies()).contains(Fonts.FAMILY);
        AtomicReference<int[][]> got = new AtomicReference<>();
        robot.interact(() -> got.set(new int[][]{
                pixels("가", Fonts.FAMILY), pixels("나", Fonts.FAMILY), pixels("리밸런싱", Fonts.FAMILY)}));
        int[] ga = got.get()[0];
        int[] na = got.get()[1];
        assertThat(inkPixels(ga)).isGreaterThan(40);
        assertThat(inkPixels(na)).isGreaterThan(40);
        assertThat(ga).isNotEqualTo(na); // real glyphs, not the same box twice

        // the whole screen uses it: the root style of app.css names the bundled family
        robot.interact(() -> {
            Label label = new Label("채권 국내주식 해외주식 — 리밸런싱 이벤트");
            VBox box = new VBox(label);
            box.setStyle("-fx-padding: 12; -fx-background-color: white;");
            Scene scene = new Scene(box, 560, 60);
            scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
            box.applyCss();
            assertThat(label.getFont().getFamily()).isEqualTo(Fonts.FAMILY);
            try {
                Snapshots.write(scene, Path.of("target/screenshots/korean-labels.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Path.of("target/screenshots/korean-labels.png")).exists();
    }

    @Test
    void withoutTheBundledFontThisMachineDrawsBoxes(FxRobot robot) {
        // the control experiment: the platform's default family. Where the machine has a Korean font of its own
        // the default may fall back to it; the test then only checks that the comparison is meaningful.
        AtomicReference<int[][]> got = new AtomicReference<>();
        robot.interact(() -> got.set(new int[][]{pixels("가", "DejaVu Sans"), pixels("나", "DejaVu Sans"),
                pixels("A", "DejaVu Sans"), pixels("B", "DejaVu Sans")}));
        assertThat(got.get()[2]).isNotEqualTo(got.get()[3]); // the method tells different glyphs apart
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.equals(got.get()[0], got.get()[1]),
                "this machine has a Korean fallback font; the control shows nothing here");
        assertThat(got.get()[0]).isEqualTo(got.get()[1]);
    }
}
