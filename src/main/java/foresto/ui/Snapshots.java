package foresto.ui;

import foresto.ui.common.Fonts;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** PNG snapshots of scenes and nodes without javafx-swing (pixels copied through a PixelReader). */
public final class Snapshots {
    private Snapshots() {
    }

    /** Must run on the FX thread. */
    public static void write(Scene scene, Path file) throws IOException {
        write(scene.snapshot(null), file);
    }

    /** Must run on the FX thread. */
    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(null, null), file);
    }

    /**
     * The node's picture with {@code caption} above it: the first line as a title in bold, the others (the run's
     * context) below it in the regular face, on white, in the app's font (Hangul included). No caption: the node's
     * picture alone. FX thread.
     */
    public static void write(Node node, List<String> caption, Path file) throws IOException {
        write(captioned(node, caption), file);
    }

    /** {@link #write(Node, List, Path)}'s picture. FX thread. */
    static WritableImage captioned(Node node, List<String> caption) {
        WritableImage plot = node.snapshot(null, null);
        if (caption.isEmpty()) {
            return plot;
        }
        VBox box = new VBox(CAPTION_GAP);
        box.setPadding(new Insets(CAPTION_PAD, CAPTION_PAD, CAPTION_PAD / 2, CAPTION_PAD));
        box.setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        for (int i = 0; i < caption.size(); i++) {
            Label line = new Label(caption.get(i));
            line.setFont(i == 0 ? Fonts.bold(TITLE_SIZE) : Fonts.regular(CONTEXT_SIZE));
            line.setTextFill(i == 0 ? Color.web("#1f2328") : Color.web("#57606a"));
            line.setWrapText(true);
            line.setMaxWidth(plot.getWidth() - 2 * CAPTION_PAD);
            box.getChildren().add(line);
        }
        VBox page = new VBox(box, new ImageView(plot));
        page.setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        new Scene(page);
        page.applyCss();
        page.layout();
        page.resize(plot.getWidth(), page.prefHeight(plot.getWidth()));
        page.layout();
        return page.snapshot(null, null);
    }

    /** The caption's padding, the gap between its lines, and its font sizes (px). */
    private static final double CAPTION_PAD = 10;
    private static final double CAPTION_GAP = 2;
    private static final double TITLE_SIZE = 15;
    private static final double CONTEXT_SIZE = 12;

    static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }
}
