package foresto.engine.robust;

import foresto.engine.EngineException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The timing study's variant sets (SEMANTICS §12.2): the phases P and day offsets K, by default P = {0, …, m−1}
 * and K = {the rule's k} for m &gt; 1, P = {0} and K = {0, …, 9} for MONTHLY (m = 1); the variants are every
 * (p, k) in P × K in variant order (phases ascending, then offsets ascending).
 */
public final class TimingGrid {
    /** The offsets a MONTHLY rule's study shifts through by default: 0 … 9. */
    public static final int DEFAULT_MONTHLY_OFFSETS = 10;

    private TimingGrid() {
    }

    /** One variant's rule parameters. */
    public record Cell(int phase, int dayOffset) {
    }

    /** P's default for m months per period. */
    public static int[] defaultPhases(int monthsPerPeriod) {
        PeriodPhase.requirePhase(0, monthsPerPeriod);
        int[] p = new int[monthsPerPeriod];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    /** K's default for m months per period and the rule's own day offset k. */
    public static int[] defaultOffsets(int monthsPerPeriod, int ruleDayOffset) {
        PeriodPhase.requirePhase(0, monthsPerPeriod);
        PeriodPhase.requireDayOffset(ruleDayOffset);
        if (monthsPerPeriod > 1) {
            return new int[]{ruleDayOffset};
        }
        int[] k = new int[DEFAULT_MONTHLY_OFFSETS];
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
        }
        return k;
    }

    /**
     * The variants P × K in variant order; throws INVALID_RULE for an empty set, a repeated value, a phase
     * outside 0 … m−1 or an offset outside 0 … 20.
     */
    public static List<Cell> variants(int[] phases, int[] offsets, int monthsPerPeriod) {
        int[] p = sortedDistinct(phases, "phases");
        int[] k = sortedDistinct(offsets, "day offsets");
        for (int x : p) {
            PeriodPhase.requirePhase(x, monthsPerPeriod);
        }
        for (int x : k) {
            PeriodPhase.requireDayOffset(x);
        }
        List<Cell> out = new ArrayList<>(p.length * k.length);
        for (int x : p) {
            for (int y : k) {
                out.add(new Cell(x, y));
            }
        }
        return out;
    }

    private static int[] sortedDistinct(int[] values, String what) {
        if (values == null || values.length == 0) {
            throw new EngineException(EngineException.Kind.INVALID_RULE, "a timing study needs at least one of its " + what);
        }
        int[] s = values.clone();
        Arrays.sort(s);
        for (int i = 1; i < s.length; i++) {
            if (s[i] == s[i - 1]) {
                throw new EngineException(EngineException.Kind.INVALID_RULE, "the " + what + " repeat " + s[i]);
            }
        }
        return s;
    }

    /** Why {@link #parseSet} refused a text. */
    public enum BadSet {
        /** Neither A..B nor a list of integers. */
        MALFORMED,
        /** A..B with B &lt; A. */
        BACKWARDS,
        /** A..B of 1000 values or more. */
        TOO_MANY
    }

    /**
     * A set of small integers as written in a form or on the command line: {@code A..B} (A ≤ B, both included,
     * fewer than 1000 values) or a comma-separated list; the range checks (0 … m−1, 0 … 20) are the study's.
     *
     * @param refuse the exception to throw for a text that is no such set, given why
     */
    public static int[] parseSet(String text, Function<BadSet, RuntimeException> refuse) {
        String s = text.trim();
        int range = s.indexOf("..");
        if (range >= 0) {
            int a;
            int b;
            try {
                a = Integer.parseInt(s.substring(0, range).trim());
                b = Integer.parseInt(s.substring(range + 2).trim());
            } catch (NumberFormatException e) {
                throw refuse.apply(BadSet.MALFORMED);
            }
            if (b < a) {
                throw refuse.apply(BadSet.BACKWARDS);
            }
            if ((long) b - a >= 1000) {
                throw refuse.apply(BadSet.TOO_MANY);
            }
            int[] out = new int[b - a + 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = a + i;
            }
            return out;
        }
        String[] parts = s.split(",");
        int[] out = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw refuse.apply(BadSet.MALFORMED);
        }
        return out;
    }
}
