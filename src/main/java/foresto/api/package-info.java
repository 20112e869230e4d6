/** The HTTP API on Jetty's core server, with a bearer token: /api/v1/backtest/..., JSON bodies, {"code","message"} errors. */
package foresto.api;
