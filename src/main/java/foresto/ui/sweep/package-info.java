/**
 * The Sweep screen: a family of rules across a range of bands or calendars and cost rates, run in the background
 * on all cores; the heatmap, the cells table and the overlay of chosen cells' value paths.
 */
package foresto.ui.sweep;
