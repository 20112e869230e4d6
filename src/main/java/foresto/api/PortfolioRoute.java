package foresto.api;

import foresto.backtest.BacktestService;
import foresto.backtest.PortfolioService;
import foresto.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/portfolios}: every portfolio, active or not, as {@code {"portfolios": [{"id", "name",
 * "weights", "active"}]}} in the command line's shape ({@link PortfolioService#json}).
 */
final class PortfolioRoute {
    static final String PATH = "/api/v1/portfolios/?";

    private PortfolioRoute() {
    }

    static void list(Exchange ex, BacktestService service) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("portfolios", service.portfolioListing().stream().map(PortfolioService::json).toList());
        ex.sendJson(200, Json.mapper().valueToTree(m));
    }
}
