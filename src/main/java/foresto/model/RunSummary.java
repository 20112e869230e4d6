package foresto.model;

import foresto.engine.Metrics;

/** The per-path metrics of a stored run (the {@code simulation_run.summary} JSON); {@code on} is null when OFF. */
public record RunSummary(Metrics off, Metrics on) {
}
