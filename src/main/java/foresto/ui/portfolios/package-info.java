/**
 * The Portfolios tab: the analyst's own model portfolios listed, created, copied, edited and deactivated through
 * {@link foresto.backtest.PortfolioService}, with a live check of the weights that uses the service's own validation.
 */
package foresto.ui.portfolios;
