package foresto.model;

import foresto.engine.Metrics;
import foresto.engine.PeriodsPerYear;

/**
 * The per-path metrics of a stored run (the {@code simulation_run.summary} JSON); {@code on} is null when OFF. A
 * metric added after a run was stored reads back as NaN for it (RunRepository), so older runs stay readable.
 * {@code periodsPerYear} is the f its annualised figures used (SEMANTICS §5); null for a run stored before f was
 * recorded, all of which were computed with f = 252 ({@link #frequency()}).
 */
public record RunSummary(Metrics off, Metrics on, Integer periodsPerYear) {
    /** f of this run: the stored one, or 252 for a run stored before f was recorded. */
    public PeriodsPerYear frequency() {
        return PeriodsPerYear.ofStored(periodsPerYear);
    }

    /** Whether f was stored with the run (false: an older run, read as f = 252). */
    public boolean recordsFrequency() {
        return periodsPerYear != null;
    }
}
