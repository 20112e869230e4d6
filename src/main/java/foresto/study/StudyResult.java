package foresto.study;

import foresto.engine.BaseDayPolicy;

import java.time.LocalDate;
import java.util.List;

/**
 * The study's answer: per column ours vs published, and the equity weight at each close before any rebalancing
 * ({@code equityWeights.get(i)[k]} for column i at {@code dates[k]}; the purchase close holds the target), which the
 * view charts. The arrays are the engine's, shared and read-only.
 */
public record StudyResult(BaseDayPolicy baseDay, List<StudyCell> cells, LocalDate[] dates, List<double[]> equityWeights) {
    public StudyResult {
        cells = List.copyOf(cells);
        equityWeights = List.copyOf(equityWeights);
    }

    /** Figures within tolerance, over all columns. */
    public int withinCount() {
        int n = 0;
        for (StudyCell c : cells) {
            n += c.within().count();
        }
        return n;
    }

    /** Figures compared: four per column. */
    public int total() {
        return cells.size() * 4;
    }

    /** "44 of 44 within tolerance". */
    public String countText() {
        return withinCount() + " of " + total() + " within tolerance";
    }

    /** The equity weights of the column named {@code name}. */
    public double[] equityWeights(String name) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).column().equals(name)) {
                return equityWeights.get(i);
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}
