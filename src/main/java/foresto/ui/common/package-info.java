/**
 * What every screen of the desktop app shares: the background-work seam ({@link foresto.ui.common.TaskExecutor}
 * and its JavaFX implementation), error display, the remembered choices, the bundled font, and frame-timed
 * updates. It depends on no screen package, so the screens and the app's start-up can all use it without a
 * package cycle (ArchitectureTest).
 */
package foresto.ui.common;
