package foresto.ui.chart;

import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One set of chart colours, immutable: what a chart read from its style sheet ({@link CanvasChart#theme()}), or
 * {@link #DEFAULT}. The series palette is ON, OFF, then six more; a line or bar series given one of the default
 * palette's colours (e.g. {@link TimeSeriesChart#ON_COLOUR}) is drawn in this theme's colour of the same slot.
 */
public final class ChartTheme {
    /** The palette's slots, in order. */
    private static final List<ChartColour> PALETTE = List.of(ChartColour.ON, ChartColour.OFF, ChartColour.SERIES_3,
            ChartColour.SERIES_4, ChartColour.SERIES_5, ChartColour.SERIES_6, ChartColour.SERIES_7, ChartColour.SERIES_8);

    /** Every colour at its default (the values app.css declares). */
    public static final ChartTheme DEFAULT = new ChartTheme(defaults());

    private final Map<ChartColour, Color> colours;

    private ChartTheme(Map<ChartColour, Color> colours) {
        this.colours = colours;
    }

    private static Map<ChartColour, Color> defaults() {
        Map<ChartColour, Color> m = new EnumMap<>(ChartColour.class);
        for (ChartColour c : ChartColour.values()) {
            m.put(c, c.fallback());
        }
        return m;
    }

    /** A theme with every colour from {@code lookup} (null: the default). */
    static ChartTheme of(Function<ChartColour, Color> lookup) {
        Map<ChartColour, Color> m = new EnumMap<>(ChartColour.class);
        for (ChartColour c : ChartColour.values()) {
            Color v = lookup.apply(c);
            m.put(c, v != null ? v : c.fallback());
        }
        return new ChartTheme(m);
    }

    /** This theme with one colour changed. */
    public ChartTheme with(ChartColour key, Color colour) {
        Map<ChartColour, Color> m = new EnumMap<>(colours);
        m.put(key, colour);
        return new ChartTheme(m);
    }

    public Color colour(ChartColour key) {
        return colours.get(key);
    }

    /** The palette's colour number {@code i} (wrapping round). */
    public Color palette(int i) {
        return colour(PALETTE.get(i % PALETTE.size()));
    }

    /**
     * The colour a series given {@code given} is drawn in: this theme's palette slot when {@code given} is a default
     * palette colour, {@code given} itself when it is another colour, the palette's {@code index}-th when null.
     */
    public Color series(int index, Color given) {
        if (given == null) {
            return palette(index);
        }
        for (ChartColour slot : PALETTE) {
            if (slot.fallback().equals(given)) {
                return colour(slot);
            }
        }
        return given;
    }
}
