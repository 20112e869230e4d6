package foresto.engine.robust;

import foresto.engine.BatchEngine;
import foresto.engine.robust.BootstrapSummary.Quantiles;

import java.util.Objects;

/**
 * A fan chart of one rule across the bootstrap's paths (SEMANTICS §12.4): for each date t of the window, the
 * type-7 p5/p25/p50/p75/p95 of the paths' values at t. Holds J × (n + 1) values (about 60 MB for 1,000 paths of
 * 28 years of daily data). Path j writes only its own slots, so paths may be put from several threads; read the
 * bands after every put has happened-before (e.g. after the executor's tasks were joined).
 *
 * <p>The values lie date by date in a few large arrays (one for any study short of 134 million values), not in one
 * small array per date: G1 places an array that large in old regions of its own and never copies it, while the
 * thousands of 8 KB arrays per date lived in the young generation and were copied at young collections while the
 * study ran, with every thread stopped, the FX thread too.
 */
public final class Fan {
    /** Values per array at most (1 GB of doubles): dates × paths may exceed an int. */
    private static final int CHUNK_VALUES = 1 << 27;

    private final double[][] chunks; // chunk c: dates c·perChunk … , date t of it at (t − c·perChunk)·paths + j
    private final int paths;
    private final int dates;
    private final int perChunk;

    public Fan(int paths, int dates) {
        this(paths, dates, CHUNK_VALUES);
    }

    /** With at most {@code chunkValues} values per array (a test's small chunks cross chunk edges). */
    Fan(int paths, int dates, int chunkValues) {
        if (paths < 1 || dates < 1) {
            throw new IllegalArgumentException("a fan needs at least one path and one date, got " + paths + " × " + dates);
        }
        this.paths = paths;
        this.dates = dates;
        this.perChunk = Math.max(1, Math.min(dates, chunkValues / paths));
        int count = (dates + perChunk - 1) / perChunk;
        this.chunks = new double[count][];
        for (int c = 0; c < count; c++) {
            chunks[c] = new double[Math.min(perChunk, dates - c * perChunk) * paths];
        }
    }

    /** Path j's value path (one value per date). */
    public void put(int j, double[] values) {
        if (j < 0 || j >= paths) {
            throw new IllegalArgumentException("path index must be in 0.." + (paths - 1) + ", got " + j);
        }
        if (values.length != dates) {
            throw new IllegalArgumentException("need " + dates + " values, got " + values.length);
        }
        for (int t = 0; t < dates; t++) {
            chunks[t / perChunk][offset(t) + j] = values[t];
        }
    }

    /** The value paths of a batch's lanes as paths {@code firstPath} … (lane l is path firstPath + l), date by date. */
    public void put(int firstPath, BatchEngine.Batch batch) {
        int lanes = batch.lanes();
        if (firstPath < 0 || firstPath + lanes > paths) {
            throw new IllegalArgumentException("paths " + firstPath + ".." + (firstPath + lanes - 1) + " are not all in 0.."
                    + (paths - 1));
        }
        for (int t = 0; t < dates; t++) {
            batch.valuesAt(t, chunks[t / perChunk], offset(t) + firstPath);
        }
    }

    /** Where date t's values begin in its chunk. */
    private int offset(int t) {
        return (t % perChunk) * paths;
    }

    public int dates() {
        return dates;
    }

    /** The five bands at date t. */
    public Quantiles at(int t) {
        Objects.checkIndex(t, dates);
        int from = offset(t);
        return Quantiles.of(chunks[t / perChunk], from, from + paths);
    }

    /** All dates' bands as five series: [0] p5, [1] p25, [2] p50, [3] p75, [4] p95, each one value per date. */
    public double[][] bands() {
        double[][] out = new double[5][dates];
        for (int t = 0; t < dates; t++) {
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
