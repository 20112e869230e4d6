package foresto.ui;

import foresto.ui.common.Fonts;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Child-process probe for {@link KoreanFontTest}: renders two different Hangul syllables and says whether
 * their pixels are the {@code same} (a missing-glyph box twice) or {@code different} (real glyphs), then writes
 * a screenshot of a Korean label styled by the app's style sheet. Argument 1: {@code bundled} (load the
 * bundled font as the app does) or {@code platform} (the machine's fonts only); argument 2: the PNG.
 */
public final class KoreanFontProbe {
    private KoreanFontProbe() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessReport.useHeadlessPlatform();
        boolean bundled = args[0].equals("bundled");
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                String family = Font.getDefault().getFamily();
                if (bundled) {
                    MainWindow.applyTheme();
                    family = Fonts.FAMILY;
                }
                boolean same = Arrays.equals(pixels("가", family), pixels("나", family));
                Label label = new Label("채권 국내주식 해외주식 — 리밸런싱 이벤트 (" + args[0] + ")");
                VBox box = new VBox(label);
                box.setStyle("-fx-padding: 12; -fx-background-color: white;");
                Scene scene = new Scene(box, 620, 60);
                if (bundled) {
                    scene.getStylesheets().add(MainWindow.class.getResource("/foresto/ui/app.css").toExternalForm());
                }
                box.applyCss();
                Snapshots.write(scene, Path.of(args[1]));
                result.complete((same ? "same" : "different") + " " + label.getFont().getFamily());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        System.out.println(result.get(60, TimeUnit.SECONDS));
        Platform.exit();
        System.exit(0);
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
        int[] out = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
