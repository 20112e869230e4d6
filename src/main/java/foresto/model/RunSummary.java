package foresto.model;

import foresto.engine.Metrics;

/**
 * The per-path metrics of a stored run (the {@code simulation_run.summary} JSON); {@code on} is null when OFF. A
 * metric added after a run was stored reads back as NaN for it (RunRepository), so older runs stay readable.
 */
public record RunSummary(Metrics off, Metrics on) {
}
