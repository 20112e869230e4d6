/** Deterministic synthetic sample data (a realistic trading calendar and returns), labelled synthetic. */
package foresto.sample;
