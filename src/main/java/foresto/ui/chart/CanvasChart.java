package foresto.ui.chart;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A chart drawn on one canvas that fills the region: any number of changes in a pulse ask for one redraw
 * ({@link #invalidate()}), which happens in the next layout pass, at the region's size.
 */
public abstract class CanvasChart extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean dirty = true;

    protected CanvasChart() {
        getChildren().add(canvas);
        setMinSize(120, 80);
        setPrefSize(800, 400);
    }

    /** Redraw at the next layout pass. */
    protected final void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        layoutOverlays(w, h);
        if (dirty) {
            dirty = false;
            paint(canvas.getGraphicsContext2D(), w, h);
        }
    }

    /** Places any nodes over the canvas (called on every layout pass). */
    protected void layoutOverlays(double w, double h) {
    }

    /** Draws everything, {@code w} × {@code h}. */
    protected abstract void paint(GraphicsContext g, double w, double h);

    /** The width of {@code s} in {@code f}. */
    protected static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
