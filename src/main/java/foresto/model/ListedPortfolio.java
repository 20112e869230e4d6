package foresto.model;

/** A portfolio with whether it is active (deactivated ones stay stored for the runs that used them). */
public record ListedPortfolio(PortfolioRecord portfolio, boolean active) {
}
