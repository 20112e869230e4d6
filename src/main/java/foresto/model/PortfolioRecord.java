package foresto.model;

import foresto.engine.Weights;

/** A model portfolio and its target weights. */
public record PortfolioRecord(long portfolioId, String name, String description, Weights weights) {
    @Override
    public String toString() {
        return name;
    }
}
