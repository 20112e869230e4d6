/**
 * Use cases: where a request becomes a run. Validation, the feature-flag gate, the request hash,
 * reuse-or-simulate and persistence in one transaction. Every face (UI, CLI, HTTP) calls this package.
 */
package foresto.backtest;
