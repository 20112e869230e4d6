/**
 * The pure building blocks of the robustness studies (SEMANTICS §12): the SplitMix64 generator and the
 * stationary bootstrap's index sequence (§12.4), type-7 percentiles (§12.5), the rolling windows and their
 * summary (§12.3), the timing study's figures and tranche (§12.2) and the phase/day-offset calendar (§12.1).
 * Like the engine: no I/O, no threads, no JavaFX, JDBC or Jackson; deterministic, sums in a fixed order.
 * It reads types of {@code foresto.engine}; the engine does not depend on it.
 */
package foresto.engine.robust;
