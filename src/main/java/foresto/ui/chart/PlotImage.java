package foresto.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A chart's data drawn into a pixel buffer ({@link Raster}) over a rectangle of its canvas, then put on the canvas
 * as one image: lines and filled bands in canvas coordinates. JavaFX's software pipeline strokes canvas polylines and
 * fills polygons with its general shape rasteriser on the render thread, which the FX thread then waits for; here the
 * same drawing costs a millisecond or two of Java and leaves the renderer a single image to copy. Nothing is drawn
 * outside the rectangle, so no canvas clip is needed.
 */
public final class PlotImage {
    private final Raster raster;
    private final int left;
    private final int top;

    /** An empty image over the canvas's pixels from ({@code x}, {@code y}), {@code w} × {@code h}. */
    public PlotImage(double x, double y, double w, double h) {
        this.left = (int) Math.floor(x);
        this.top = (int) Math.floor(y);
        this.raster = new Raster((int) Math.ceil(x + w) - left, (int) Math.ceil(y + h) - top);
    }

    /** Strokes the polyline through the first {@code n} points (canvas coordinates), {@code width} pixels wide. */
    public void polyline(double[] xs, double[] ys, int n, double width, Color colour) {
        raster.polyline(shifted(xs, n, left), shifted(ys, n, top), n, width, colour);
    }

    /**
     * Fills between {@code upper} and {@code lower} (canvas rows, {@code upper} ≤ {@code lower}) through the first
     * {@code n} x positions (canvas columns, ascending).
     */
    public void band(double[] xs, double[] upper, double[] lower, int n, Color colour) {
        raster.band(shifted(xs, n, left), shifted(upper, n, top), shifted(lower, n, top), n, colour);
    }

    /** Puts the image on the canvas (draw nothing more into it afterwards). */
    public void drawOn(GraphicsContext g) {
        g.drawImage(raster.toImage(), left, top);
    }

    private static double[] shifted(double[] v, int n, int by) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i] - by;
        }
        return out;
    }
}
