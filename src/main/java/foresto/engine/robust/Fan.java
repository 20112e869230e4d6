package foresto.engine.robust;

import foresto.engine.BatchEngine;
import foresto.engine.robust.BootstrapSummary.Quantiles;

/**
 * A fan chart of one rule across the bootstrap's paths (SEMANTICS §12.4): for each date t of the window, the
 * type-7 p5/p25/p50/p75/p95 of the paths' values at t. Holds J × (n + 1) values (about 60 MB for 1,000 paths of
 * 28 years of daily data). Path j writes only its own slots, so paths may be put from several threads; read the
 * bands after every put has happened-before (e.g. after the executor's tasks were joined).
 */
public final class Fan {
    private final double[][] byDate; // [t][j]
    private final int paths;

    public Fan(int paths, int dates) {
        if (paths < 1 || dates < 1) {
            throw new IllegalArgumentException("a fan needs at least one path and one date, got " + paths + " × " + dates);
        }
        this.paths = paths;
        this.byDate = new double[dates][paths];
    }

    /** Path j's value path (one value per date). */
    public void put(int j, double[] values) {
        if (j < 0 || j >= paths) {
            throw new IllegalArgumentException("path index must be in 0.." + (paths - 1) + ", got " + j);
        }
        if (values.length != byDate.length) {
            throw new IllegalArgumentException("need " + byDate.length + " values, got " + values.length);
        }
        for (int t = 0; t < values.length; t++) {
            byDate[t][j] = values[t];
        }
    }

    /** The value paths of a batch's lanes as paths {@code firstPath} … (lane l is path firstPath + l), date by date. */
    public void put(int firstPath, BatchEngine.Batch batch) {
        int lanes = batch.lanes();
        if (firstPath < 0 || firstPath + lanes > paths) {
            throw new IllegalArgumentException("paths " + firstPath + ".." + (firstPath + lanes - 1) + " are not all in 0.."
                    + (paths - 1));
        }
        for (int t = 0; t < byDate.length; t++) {
            batch.valuesAt(t, byDate[t], firstPath);
        }
    }

    public int dates() {
        return byDate.length;
    }

    /** The five bands at date t. */
    public Quantiles at(int t) {
        return Quantiles.of(byDate[t]);
    }

    /** All dates' bands as five series: [0] p5, [1] p25, [2] p50, [3] p75, [4] p95, each one value per date. */
    public double[][] bands() {
        double[][] out = new double[5][byDate.length];
        for (int t = 0; t < byDate.length; t++) {
            Quantiles q = at(t);
            out[0][t] = q.p5();
            out[1][t] = q.p25();
            out[2][t] = q.median();
            out[3][t] = q.p75();
            out[4][t] = q.p95();
        }
        return out;
    }
}
