/**
 * The charts, drawn on one canvas each: date and value axes on calendar and round-number ticks, lines and event
 * marks rasterised once per frame from the visible range only, annual bars. Charts know no run or service: a
 * screen hands them plain series.
 */
package foresto.ui.chart;
