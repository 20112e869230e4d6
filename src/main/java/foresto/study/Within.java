package foresto.study;

/** Whether each of a column's figures lies within its tolerance of the published one. */
public record Within(boolean avgEquity, boolean events, boolean cagr, boolean volatility) {
    /** How many of the four figures are within. */
    public int count() {
        return (avgEquity ? 1 : 0) + (events ? 1 : 0) + (cagr ? 1 : 0) + (volatility ? 1 : 0);
    }
}
