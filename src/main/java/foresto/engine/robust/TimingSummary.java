package foresto.engine.robust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The timing study's figures over its variants (SEMANTICS §12.2): timing luck (sample standard deviation, n − 1,
 * of the variants' CAGRs; 0 for one variant), spread (max − min CAGR), best and worst (highest / lowest CAGR, the
 * first in variant order on ties), and the tranched portfolio: N sleeves of V0/N, never re-equalised, whose value
 * path is the mean of the variants' paths (summed in variant order, then divided by N), whose cost is the mean of
 * the variants' costs and whose event count is the sum of theirs. Variant order: phases ascending, then offsets
 * ascending. The tranche's other metrics (§5) are the engine's metrics of {@link Tranche#values()}.
 */
public final class TimingSummary {

    /**
     * One variant's run, as far as the summary needs it.
     *
     * @param values the variant's value path (every variant of a study has the same dates); shared, not copied
     */
    public record Variant(int phase, int dayOffset, double cagr, double[] values, double totalCost, int eventCount) {
    }

    /**
     * The tranched portfolio: its value path (same dates as the variants; a fresh array, handed over), its cost
     * and its event count.
     */
    public record Tranche(double[] values, double totalCost, int eventCount) {
    }

    private static final Comparator<Variant> VARIANT_ORDER =
            Comparator.comparingInt(Variant::phase).thenComparingInt(Variant::dayOffset);

    private final List<Variant> variants;
    private final double timingLuck;
    private final double spread;
    private final Variant best;
    private final Variant worst;
    private final Tranche tranche;

    private TimingSummary(List<Variant> variants, double timingLuck, double spread, Variant best, Variant worst,
                          Tranche tranche) {
        this.variants = variants;
        this.timingLuck = timingLuck;
        this.spread = spread;
        this.best = best;
        this.worst = worst;
        this.tranche = tranche;
    }

    /** The summary of {@code variants} (any order; put in variant order first). */
    public static TimingSummary of(List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a timing study needs at least one variant");
        }
        List<Variant> v = new ArrayList<>(variants);
        v.sort(VARIANT_ORDER);
        int n = v.size();
        int length = v.get(0).values().length;
        for (int j = 0; j < n; j++) {
            Variant x = v.get(j);
            if (j > 0 && VARIANT_ORDER.compare(v.get(j - 1), x) == 0) {
                throw new IllegalArgumentException("two variants with phase " + x.phase() + " and day offset "
                        + x.dayOffset());
            }
            if (x.values().length != length || length == 0) {
                throw new IllegalArgumentException("every variant needs a value path of the same, non-zero length");
            }
            if (Double.isNaN(x.cagr())) {
                throw new IllegalArgumentException("variant " + x.phase() + "/" + x.dayOffset() + " has no CAGR");
            }
        }

        double mean = 0;
        for (Variant x : v) {
            mean += x.cagr();
        }
        mean /= n;
        double ss = 0;
        for (Variant x : v) {
            double d = x.cagr() - mean;
            ss += d * d;
        }
        double luck = n < 2 ? 0.0 : Math.sqrt(ss / (n - 1));

        Variant best = v.get(0);
        Variant worst = v.get(0);
        for (Variant x : v) {
            if (x.cagr() > best.cagr()) {
                best = x;
            }
            if (x.cagr() < worst.cagr()) {
                worst = x;
            }
        }

        double[] path = new double[length];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (Variant x : v) {
                sum += x.values()[t];
            }
            path[t] = sum / n;
        }
        double cost = 0;
        int events = 0;
        for (Variant x : v) {
            cost += x.totalCost();
            events += x.eventCount();
        }
        return new TimingSummary(List.copyOf(v), luck, best.cagr() - worst.cagr(), best, worst,
                new Tranche(path, cost / n, events));
    }

    /** The variants in variant order (phases ascending, then offsets ascending). */
    public List<Variant> variants() {
        return variants;
    }

    public double timingLuck() {
        return timingLuck;
    }

    public double spread() {
        return spread;
    }

    public Variant best() {
        return best;
    }

    public Variant worst() {
        return worst;
    }

    public Tranche tranche() {
        return tranche;
    }
}
