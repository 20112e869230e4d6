package foresto.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A daily dataset: a strictly ascending calendar and, per asset class column and date, a simple
 * close-to-close return ({@code NaN} = missing). The return on the first date is never used by a run
 * that starts there (the portfolio is bought at that close).
 */
public final class MarketData {
    /** The largest daily return accepted: +1000 % in a day. Returns are also &gt; −1 (a price stays positive). */
    public static final double MAX_DAILY_RETURN = 10;

    private final LocalDate[] dates;
    private final double[][] returns; // [ordinal][row]; null when the dataset has no such column
    // The simulation's view, built once: row-major returns (stride COUNT) with missing values as 0.0, and per
    // row a bit mask of the classes whose value is missing (absent columns count as missing).
    private final double[] zeroFilledRows;
    private final byte[] missingMask;
    private volatile String fingerprint;
    /** Per frequency and phase (slot ordinal·12 + phase), each row's period number (Frequency#periodOf), built on first use. */
    private final AtomicReferenceArray<int[]> periods = new AtomicReferenceArray<>(Frequency.values().length * 12);

    private MarketData(LocalDate[] dates, double[][] returns) {
        this.dates = dates;
        this.returns = returns;
        int n = dates.length;
        this.zeroFilledRows = new double[n * AssetClass.COUNT];
        this.missingMask = new byte[n];
        for (int c = 0; c < AssetClass.COUNT; c++) {
            double[] col = returns[c];
            for (int i = 0; i < n; i++) {
                double r = col == null ? Double.NaN : col[i];
                if (Double.isNaN(r)) {
                    missingMask[i] |= (byte) (1 << c);
                } else {
                    zeroFilledRows[i * AssetClass.COUNT + c] = r;
                }
            }
        }
    }

    /**
     * @param dates   strictly ascending
     * @param returns per asset-class ordinal a column as long as {@code dates}, or null when absent;
     *                NaN marks a missing value; every present value must be finite and &gt; −1
     */
    public static MarketData of(LocalDate[] dates, double[][] returns) {
        if (returns.length != AssetClass.COUNT) {
            throw new IllegalArgumentException("need one column slot per asset class");
        }
        if (dates.length == 0) {
            throw new EngineException(EngineException.Kind.INVALID_DATA, "the dataset has no dates");
        }
        for (int i = 1; i < dates.length; i++) {
            if (!dates[i].isAfter(dates[i - 1])) {
                throw new EngineException(EngineException.Kind.INVALID_DATA,
                        "dates must be strictly ascending: " + dates[i - 1] + " then " + dates[i]);
            }
        }
        double[][] copy = new double[AssetClass.COUNT][];
        for (int c = 0; c < returns.length; c++) {
            if (returns[c] == null) {
                continue;
            }
            if (returns[c].length != dates.length) {
                throw new IllegalArgumentException("column " + AssetClass.of(c) + " has the wrong length");
            }
            for (int i = 0; i < dates.length; i++) {
                double r = returns[c][i];
                if (!Double.isNaN(r) && !(r > -1 && r <= MAX_DAILY_RETURN)) {
                    throw new EngineException(EngineException.Kind.INVALID_DATA, "return of " + AssetClass.of(c)
                            + " on " + dates[i] + " must be > -1 and ≤ 10 (+1000 %), got " + r);
                }
            }
            copy[c] = returns[c].clone();
        }
        return new MarketData(dates.clone(), copy);
    }

    public int size() {
        return dates.length;
    }

    public LocalDate date(int row) {
        return dates[row];
    }

    public LocalDate firstDate() {
        return dates[0];
    }

    public LocalDate lastDate() {
        return dates[dates.length - 1];
    }

    public boolean hasColumn(AssetClass c) {
        return returns[c.ordinal()] != null;
    }

    public List<AssetClass> columns() {
        List<AssetClass> l = new ArrayList<>();
        for (AssetClass c : AssetClass.values()) {
            if (hasColumn(c)) {
                l.add(c);
            }
        }
        return l;
    }

    /** The return of class {@code c} on row {@code row}; NaN when missing or when the column is absent. */
    public double returnOf(AssetClass c, int row) {
        double[] col = returns[c.ordinal()];
        return col == null ? Double.NaN : col[row];
    }

    double[] column(int ordinal) {
        return returns[ordinal];
    }

    /** Each row's period number for {@code f} and {@code phase}: calendar rules compare these instead of dates. */
    int[] periods(Frequency f, int phase) {
        if (phase < 0 || phase >= f.monthsPerPeriod()) { // the rule checked it; a wrong slot would be another calendar
            throw new IllegalArgumentException("phase " + phase + " outside 0.." + (f.monthsPerPeriod() - 1) + " for " + f);
        }
        int slot = f.ordinal() * 12 + phase;
        int[] p = periods.get(slot);
        if (p == null) {
            p = new int[dates.length];
            for (int i = 0; i < dates.length; i++) {
                p[i] = f.periodOf(dates[i], phase);
            }
            periods.set(slot, p); // two threads racing build equal arrays: either is right
        }
        return p;
    }

    double[] zeroFilledRows() {
        return zeroFilledRows;
    }

    byte[] missingMask() {
        return missingMask;
    }

    LocalDate[] datesArray() {
        return dates;
    }

    /**
     * SHA-256 over the dates and every present value (as IEEE-754 bits), independent of file layout:
     * identical data gives an identical fingerprint, any changed value, date or column a different one.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = computeFingerprint();
            fingerprint = f;
        }
        return f;
    }

    private String computeFingerprint() {
        FingerprintDigest md = new FingerprintDigest();
        for (AssetClass c : AssetClass.values()) {
            double[] col = returns[c.ordinal()];
            if (col == null) {
                continue;
            }
            md.column(c);
            for (double v : col) {
                md.value(v);
            }
        }
        md.dates();
        for (LocalDate d : dates) {
            md.date(d);
        }
        return md.hex();
    }
}
