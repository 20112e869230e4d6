package foresto.ui.chart;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * A small premultiplied-ARGB pixel buffer into which the charts draw their data lines and event ticks, shown on the
 * canvas as one image. JavaFX's software pipeline strokes a canvas polyline with its general shape rasteriser on the
 * render thread, which the FX thread then waits for (~100–250 ms for a run's lines and ticks cold); filling a few
 * thousand pixels here costs a millisecond or two and leaves the render thread a single image to copy.
 *
 * <p>Lines are anti-aliased by area: a segment is walked along its major axis one pixel column (or row) at a time,
 * and each pixel across it is covered by the part of the line's band — its width measured across the major axis,
 * {@code width·√(1+slope²)} — that falls into it, times the part of the column the segment spans. Coverage from the
 * segments of one polyline is added (so the two halves of a column shared by consecutive segments make a whole one)
 * and capped at 1, then the line's colour is put over the pixels once.
 */
final class Raster {
    final int width;
    final int height;
    final int[] argb;
    /**
     * Coverage of the line being drawn, all zero between lines: one buffer per thread, kept for the next chart (a
     * chart is repainted on every step of a zoom drag; only the pixels are new each time).
     */
    private static final ThreadLocal<float[]> SCRATCH = new ThreadLocal<>();
    private final float[] cover;
    private int[] touched = new int[1024];
    private int touchedCount;
    private int clipTop;
    private int clipBottom;

    Raster(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.argb = new int[this.width * this.height];
        float[] c = SCRATCH.get();
        if (c == null || c.length < this.width * this.height) {
            c = new float[this.width * this.height];
            SCRATCH.set(c);
        }
        this.cover = c;
        this.clipBottom = this.height;
    }

    /** Rows a line may cover: [{@code top}, {@code bottom}) (the plot, not the event lane under it). */
    void clipRows(int top, int bottom) {
        clipTop = Math.max(0, top);
        clipBottom = Math.min(height, bottom);
    }

    /** Strokes the polyline through the first {@code n} points, {@code lineWidth} pixels wide. */
    void polyline(double[] xs, double[] ys, int n, double lineWidth, Color colour) {
        try {
            for (int i = 1; i < n; i++) {
                segment(xs[i - 1], ys[i - 1], xs[i], ys[i], lineWidth);
            }
        } finally {
            composite(colour); // also clears the coverage for the next line
        }
    }

    /**
     * Fills the area between two polylines through the same {@code n} x positions (ascending): {@code top} and
     * {@code bottom} (rows, top ≤ bottom), anti-aliased by area as a line is, in {@code colour}.
     */
    void band(double[] xs, double[] top, double[] bottom, int n, Color colour) {
        try {
            for (int i = 1; i < n; i++) {
                bandSegment(xs[i - 1], top[i - 1], bottom[i - 1], xs[i], top[i], bottom[i]);
            }
        } finally {
            composite(colour); // also clears the coverage for the next shape
        }
    }

    /** Covers, column by column, the part between the two edges of one stretch of a band. */
    private void bandSegment(double x0, double t0, double b0, double x1, double t1, double b1) {
        double dx = x1 - x0;
        if (!(dx > 0 && dx < 1e7) || !(Math.abs(t0) < 1e7 && Math.abs(t1) < 1e7 && Math.abs(b0) < 1e7
                && Math.abs(b1) < 1e7)) {
            return; // a vertical step, or not finite
        }
        double topSlope = (t1 - t0) / dx;
        double bottomSlope = (b1 - b0) / dx;
        int first = (int) Math.max(0, Math.floor(x0));
        int last = (int) Math.min(width - 1, Math.ceil(x1) - 1);
        for (int u = first; u <= last; u++) {
            double a = Math.max(u, x0);
            double b = Math.min(u + 1, x1);
            if (b <= a) {
                continue;
            }
            double mid = (a + b) / 2 - x0;
            span(u, t0 + topSlope * mid, b0 + bottomSlope * mid, b - a, true);
        }
    }

    /** A solid vertical line one pixel wide in column {@code x}, rows [{@code y0}, {@code y1}). */
    void verticalLine(int x, int y0, int y1, Color colour) {
        if (x < 0 || x >= width) {
            return;
        }
        int c = premultiplied(colour, 1);
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            argb[y * width + x] = over(c, argb[y * width + x], colour.getOpacity());
        }
    }

    /** The pixels as an image (shares the buffer: draw nothing more once it is shown). */
    WritableImage toImage() {
        return new WritableImage(new PixelBuffer<>(width, height, IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance()));
    }

    /** The alpha (0–255) of the pixel at column {@code x}, row {@code y}. */
    int alphaAt(int x, int y) {
        return argb[y * width + x] >>> 24;
    }

    private void segment(double x0, double y0, double x1, double y1, double lineWidth) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (!(Math.abs(dx) < 1e7 && Math.abs(dy) < 1e7) || dx == 0 && dy == 0) {
            return; // not finite, or a point
        }
        if (Math.abs(dx) >= Math.abs(dy)) {
            walk(x0, y0, x1, y1, lineWidth, true);
        } else {
            walk(y0, x0, y1, x1, lineWidth, false);
        }
    }

    /**
     * Walks a segment along its major axis u (x when {@code xMajor}, else y) one pixel line at a time, covering
     * across it (v) the line's band, its width measured along v.
     */
    private void walk(double u0, double v0, double u1, double v1, double lineWidth, boolean xMajor) {
        if (u1 < u0) {
            walk(u1, v1, u0, v0, lineWidth, xMajor);
            return;
        }
        double slope = (v1 - v0) / (u1 - u0);
        double half = lineWidth / 2 * Math.sqrt(1 + slope * slope);
        int first = (int) Math.max(xMajor ? 0 : clipTop, Math.floor(u0));
        int last = (int) Math.min((xMajor ? width : clipBottom) - 1, Math.ceil(u1) - 1);
        for (int u = first; u <= last; u++) {
            double a = Math.max(u, u0);
            double b = Math.min(u + 1, u1);
            if (b <= a) {
                continue;
            }
            double centre = v0 + slope * ((a + b) / 2 - u0);
            span(u, centre - half, centre + half, b - a, xMajor);
        }
    }

    /** Covers pixel line {@code u} between {@code lo} and {@code hi} across it, {@code share} of it along. */
    private void span(int u, double lo, double hi, double share, boolean xMajor) {
        int first = (int) Math.max(xMajor ? clipTop : 0, Math.floor(lo));
        int last = (int) Math.min((xMajor ? clipBottom : width) - 1, Math.ceil(hi) - 1);
        for (int v = first; v <= last; v++) {
            double overlap = Math.min(v + 1, hi) - Math.max(v, lo);
            if (overlap > 0) {
                add(xMajor ? v * width + u : u * width + v, overlap * share);
            }
        }
    }

    private void add(int cell, double amount) {
        if (cover[cell] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = cell;
        }
        cover[cell] = (float) Math.min(1, cover[cell] + amount);
    }

    /** Puts {@code colour} over every covered pixel, as much as it is covered, and clears the coverage. */
    private void composite(Color colour) {
        double opacity = colour.getOpacity();
        double red = colour.getRed() * 255;
        double green = colour.getGreen() * 255;
        double blue = colour.getBlue() * 255;
        int solid = premultiplied(colour, 1);
        for (int i = 0; i < touchedCount; i++) {
            int cell = touched[i];
            float c = cover[cell];
            cover[cell] = 0;
            if (c == 1 && opacity == 1) {
                argb[cell] = solid; // covered by an opaque colour: nothing shows through
                continue;
            }
            double a = c * opacity;
            int src = round(a * 255) << 24 | round(red * a) << 16 | round(green * a) << 8 | round(blue * a);
            argb[cell] = over(src, argb[cell], a);
        }
        touchedCount = 0;
    }

    /** {@code v} (≥ 0) rounded half up, as {@link Math#round(double)} for the non-negative values used here. */
    private static int round(double v) {
        return (int) (v + 0.5);
    }

    /** {@code colour} at {@code coverage}, premultiplied ARGB. */
    private static int premultiplied(Color colour, double coverage) {
        double a = colour.getOpacity() * coverage;
        return round(a * 255) << 24 | round(colour.getRed() * 255 * a) << 16 | round(colour.getGreen() * 255 * a) << 8
                | round(colour.getBlue() * 255 * a);
    }

    /** Source-over of premultiplied {@code src} (alpha {@code a}) onto premultiplied {@code dst}. */
    private static int over(int src, int dst, double a) {
        if (dst == 0) {
            return src; // nothing under it yet
        }
        double keep = 1 - a;
        int sa = src >>> 24;
        int r = (src >> 16 & 0xff) + round((dst >> 16 & 0xff) * keep);
        int g = (src >> 8 & 0xff) + round((dst >> 8 & 0xff) * keep);
        int b = (src & 0xff) + round((dst & 0xff) * keep);
        int al = sa + round((dst >>> 24) * keep);
        return Math.min(255, al) << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }
}
