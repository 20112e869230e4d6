/**
 * The Analysis screen: the setup (portfolio, rule, dataset, window), the ON/OFF value and drift charts with the
 * event lane, the events table, the Summary, Drawdown, Annual returns and Costs views, and History. The
 * controller only binds; the view-models hold the state and talk to the backtest services through a
 * {@link foresto.ui.common.TaskExecutor}.
 */
package foresto.ui.main;
