package foresto.engine;

/**
 * The largest fall from a running peak of a series fed one value at a time in path order, from its first value (the
 * first peak), as a positive fraction: {@link Metrics}' max drawdown. The division 1 − x / peak runs only for a value
 * below {@link Metrics#drawdownFloor}, so every value that could deepen the drawdown is tested exactly. A local of
 * the loop that feeds it, so the compiler keeps its three numbers in registers.
 */
final class RunningDrawdown {
    private double peak;
    private double floor;
    private double max;

    RunningDrawdown(double first) {
        this.peak = first;
        this.floor = first;
    }

    void add(double x) {
        if (x > peak) {
            peak = x;
            floor = Metrics.drawdownFloor(peak, max);
        } else if (x < floor) {
            double dd = 1 - x / peak;
            if (dd > max) {
                max = dd;
                floor = Metrics.drawdownFloor(peak, max);
            }
        }
    }

    double max() {
        return max;
    }
}
