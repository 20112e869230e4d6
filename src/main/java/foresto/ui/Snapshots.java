package foresto.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
