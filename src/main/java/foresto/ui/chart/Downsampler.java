package foresto.ui.chart;

import java.util.Arrays;

/**
 * Chooses which points of a long series to draw: per bucket (a few pixels wide) the first, the lowest, the highest
 * and the last point (so every peak and trough survives), plus every point that must be kept (event days),
 * plus the ends of the range. Returns sorted, distinct indices.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /**
     * @param y       the series (NaN points are skipped)
     * @param from    first index of the visible range (inclusive)
     * @param to      last index of the visible range (inclusive)
     * @param buckets about the plot width in pixels
     * @param keep    indices that must always be drawn (sorted or not)
     */
    public static int[] indices(double[] y, int from, int to, int buckets, int[] keep) {
        int n = to - from + 1;
        if (n <= 0) {
            return new int[0];
        }
        if (n <= buckets * 4) {
            return range(from, to);
        }
        int[] out = new int[buckets * 4 + 2 + keep.length];
        int m = 0;
        out[m++] = from;
        for (int b = 0; b < buckets; b++) {
            int s = from + (int) ((long) n * b / buckets);
            int e = from + (int) ((long) n * (b + 1) / buckets) - 1;
            if (e < s) {
                continue;
            }
            int lo = s;
            int hi = s;
            for (int i = s; i <= e; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            out[m++] = s;
            out[m++] = lo;
            out[m++] = hi;
            out[m++] = e;
        }
        out[m++] = to;
        for (int k : keep) {
            if (k >= from && k <= to) {
                out[m++] = k;
            }
        }
        Arrays.sort(out, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
