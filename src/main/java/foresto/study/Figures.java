package foresto.study;

/**
 * One column's four figures, as fractions (0.601 for 60.1 %): the average equity weight, the rebalancing events
 * (a count), the annualised return (CAGR) and the annualised volatility.
 */
public record Figures(double avgEquity, int events, double cagr, double volatility) {
}
