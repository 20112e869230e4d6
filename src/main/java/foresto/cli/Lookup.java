package foresto.cli;

import foresto.backtest.BacktestService;
import foresto.model.DatasetRecord;
import foresto.model.PortfolioRecord;
import foresto.model.RuleRecord;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Resolves the NAME_OR_ID arguments of the commands. */
final class Lookup {
    private Lookup() {
    }

    /**
     * An active portfolio by name, else an id (the service refuses a deactivated one with PORTFOLIO_INACTIVE). The
     * name of a deactivated portfolio stays PORTFOLIO_NOT_FOUND, as the pickers do not offer it, and says why.
     */
    static long portfolio(BacktestService s, String nameOrId) {
        boolean deactivated = s.portfolioListing().stream()
                .anyMatch(p -> !p.active() && p.portfolio().name().equals(nameOrId));
        if (deactivated && s.portfolios().stream().noneMatch(p -> p.name().equals(nameOrId))) {
            throw new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no active portfolio named '" + nameOrId
                    + "': it is deactivated and takes no new runs (its stored runs still open)");
        }
        return resolve(s.portfolios(), nameOrId, PortfolioRecord::portfolioId, PortfolioRecord::name,
                ErrorCode.PORTFOLIO_NOT_FOUND, "portfolio");
    }

    static long dataset(BacktestService s, String nameOrId) {
        return resolve(s.datasets(), nameOrId, DatasetRecord::datasetId, DatasetRecord::name, ErrorCode.DATASET_NOT_FOUND, "dataset");
    }

    /**
     * A rule by its name only (ids go through --rule-id, so "3" never means two things). Rules resolve against
     * all rules, so an inactive one gets RULE_INACTIVE rather than "not found".
     */
    static long ruleByName(List<RuleRecord> all, String name) {
        for (RuleRecord r : all) {
            if (r.ruleName().equals(name)) {
                return r.ruleId();
            }
        }
        throw new ForestoException(ErrorCode.RULE_NOT_FOUND, "no rebalancing rule named '" + name + "'"
                + (name.matches("\\d{1,18}") ? " (to choose a rule by id use --rule-id " + name + ")" : ""));
    }

    private static <T> long resolve(List<T> all, String nameOrId, ToLongFunction<T> id, Function<T, String> name,
                                    ErrorCode notFound, String what) {
        for (T t : all) {
            if (name.apply(t).equals(nameOrId)) {
                return id.applyAsLong(t);
            }
        }
        if (nameOrId.matches("\\d{1,18}")) {
            return Long.parseLong(nameOrId); // the service reports an unknown id with its own code
        }
        throw new ForestoException(notFound, "no " + what + " named '" + nameOrId + "'");
    }
}
