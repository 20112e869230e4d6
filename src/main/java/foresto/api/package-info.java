/** The HTTP API on the JDK's server: /api/v1/backtest/..., JSON bodies, {"code","message"} errors. */
package foresto.api;
