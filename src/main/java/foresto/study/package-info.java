/**
 * Published results reproduced inside the lab: the Vanguard 2010 rebalancing table (Jaconetti, Kinniry &amp;
 * Zilbering) run by the engine on the bundled monthly dataset, next to the published figures with each cell's
 * tolerance. A pure computation over {@code foresto.engine} and the rule codec (no database, no JavaFX); its JSON,
 * CSV and text forms are here too, so the command line and the desktop app show the same table.
 */
package foresto.study;
