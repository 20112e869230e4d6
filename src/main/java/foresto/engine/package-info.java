/**
 * The pure rebalancing engine: value types, the buy-and-hold path, the rebalancing step and metrics.
 * No I/O, no threads, no JavaFX, JDBC or Jackson (an ArchUnit test keeps it so).
 * The contract is SEMANTICS.md; decisions where it is silent are listed in the README.
 */
package foresto.engine;
