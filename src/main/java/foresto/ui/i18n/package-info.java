/**
 * The desktop app's language: chosen before the first screen from the remembered choice or the machine's locale,
 * and switched in the status bar (remembered; the whole window follows at the next start).
 */
package foresto.ui.i18n;
