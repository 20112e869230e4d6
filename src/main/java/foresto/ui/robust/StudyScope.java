package foresto.ui.robust;

import foresto.backtest.BacktestRequest;
import foresto.engine.MarketData;
import foresto.engine.MissingDataPolicy;
import foresto.engine.Scenario;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;

import java.time.LocalDate;

/**
 * What a study runs on: the Analysis tab's portfolio, dataset, window (null: the dataset's first or last date),
 * initial value and missing-data policy, taken as the Sweep tab takes them; {@code request} is the same scenario as
 * the stored service takes it (without a rule: each study names its own).
 */
public record StudyScope(PortfolioRecord portfolio, DatasetRecord dataset, LocalDate start, LocalDate end,
                         double initialValue, MissingDataPolicy missingDataPolicy, BacktestRequest request) {

    /** The engine's scenario on {@code data} (the dataset's first or last date where the window leaves one open). */
    public Scenario scenario(MarketData data) {
        return new Scenario(portfolio.weights(), start == null ? data.firstDate() : start, end == null ? data.lastDate() : end,
                initialValue, missingDataPolicy);
    }

    /** "Balanced 60/30/10, SYNTHETIC ui 2010-2019, 2010-01-04..2019-12-31" (charts' titles, status lines). */
    public String heading() {
        return portfolio.name() + ", " + dataset.label() + ", " + (start == null ? dataset.firstDate() : start) + ".."
                + (end == null ? dataset.lastDate() : end);
    }
}
