package foresto.ui.chart;

import foresto.ui.common.Fonts;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A chart drawn on one canvas that fills the region: any number of changes in a pulse ask for one redraw
 * ({@link #invalidate()}), which happens in the next layout pass, at the region's size.
 * <p>
 * Its colours ({@link #theme()}) come from the style sheet: each {@link ChartColour} is an inherited CSS property
 * of every chart, so the looked-up colours declared on {@code .root} in app.css (e.g. {@code -chart-on: #0969da;})
 * reach every chart of the scene, and a chart repaints when the style sheet changes one.
 */
public abstract class CanvasChart extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean dirty = true;
    private final Map<ChartColour, SimpleStyleableObjectProperty<Paint>> colours = new EnumMap<>(ChartColour.class);
    private ChartTheme theme;

    protected CanvasChart() {
        getChildren().add(canvas);
        setMinSize(120, 80);
        setPrefSize(800, 400);
        for (ChartColour c : ChartColour.values()) {
            SimpleStyleableObjectProperty<Paint> p = new SimpleStyleableObjectProperty<>(META.get(c), this,
                    c.property(), c.fallback());
            p.addListener((o, a, b) -> {
                theme = null;
                invalidate();
            });
            colours.put(c, p);
        }
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

    /** The colours this chart draws with: its style sheet's, each one's default where none is set. */
    public final ChartTheme theme() {
        if (theme == null) {
            theme = ChartTheme.of(c -> colours.get(c).get() instanceof Color colour ? colour : null);
        }
        return theme;
    }

    /** The width of {@code s} in {@code f}. */
    protected static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    /** Fills the whole canvas with the theme's background. */
    protected static void paintBackground(GraphicsContext g, ChartTheme theme, double w, double h) {
        g.setFill(theme.colour(ChartColour.BACKGROUND));
        g.fillRect(0, 0, w, h);
    }

    /** What a chart says while it has nothing to show, centred. */
    protected static void paintPlaceholder(GraphicsContext g, ChartTheme theme, String text, double w, double h) {
        g.setFill(theme.colour(ChartColour.AXIS_TEXT));
        g.setFont(Fonts.regular(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, w / 2, h / 2);
    }

    /** The title at the top, starting at {@code x}; nothing when it is empty. */
    protected static void paintTitle(GraphicsContext g, ChartTheme theme, String title, double x) {
        if (!title.isEmpty()) {
            g.setFont(Fonts.bold(14));
            g.setFill(theme.colour(ChartColour.TEXT));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(title, x, 6);
        }
    }

    // ---- the colours as CSS properties ----

    /** One inherited paint property per chart colour, named as its looked-up colour. */
    private static final Map<ChartColour, CssMetaData<CanvasChart, Paint>> META = new EnumMap<>(ChartColour.class);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        for (ChartColour c : ChartColour.values()) {
            CssMetaData<CanvasChart, Paint> m = new CssMetaData<>(c.property(), PaintConverter.getInstance(), c.fallback(),
                    true) {
                @Override
                public boolean isSettable(CanvasChart chart) {
                    return !chart.colours.get(c).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(CanvasChart chart) {
                    return chart.colours.get(c);
                }
            };
            META.put(c, m);
            all.add(m);
        }
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
