package foresto.ui.common;

import foresto.backtest.Metric;
import foresto.i18n.Messages;

/**
 * A metric's name on screen in the app's language: its Summary label and its Sweep title from the bundles
 * ({@code metric.<key>.label}, {@code metric.<key>.title}), the English names of {@link Metric} where a bundle has none.
 * Files for scripts keep {@link Metric#key()}.
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** The Summary's name of {@code m}. */
    public static String label(Metric m) {
        String key = "metric." + m.key() + ".label";
        return Messages.has(key) ? Messages.tr(key) : m.label();
    }

    /** The Sweep's (heatmap, table) name of {@code m}. */
    public static String title(Metric m) {
        String key = "metric." + m.key() + ".title";
        return Messages.has(key) ? Messages.tr(key) : m.title();
    }
}
