/**
 * The Studies tab: published results reproduced inside the lab ({@code foresto.study}), shown as ours vs published
 * with each figure's tolerance, a chart, and CSV and PNG export. Depends on the study, the charts and
 * {@code ui.common}, never on another screen or on the app's root package.
 */
package foresto.ui.studies;
