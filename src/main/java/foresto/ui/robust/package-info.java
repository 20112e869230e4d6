/**
 * The Robustness tab (SEMANTICS §12): the timing, start-date and bootstrap studies on the Analysis tab's portfolio,
 * dataset and window, their charts (also rendered headless for the command line's {@code --png}) and tables.
 */
package foresto.ui.robust;
