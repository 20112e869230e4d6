package foresto.backtest;

import foresto.db.PortfolioRepository;
import foresto.engine.AssetClass;
import foresto.engine.EngineException;
import foresto.engine.Weights;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.model.ListedPortfolio;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Portfolios of one's own: adding, listing, editing and deactivating, with one validation every face shares
 * (command line, API, desktop). Errors are 400-class {@link ForestoException}s whose message starts with the field
 * ({@code name:} or {@code weights:}).
 *
 * <p>A portfolio that stored runs or robustness studies were computed with never changes under them: its weights
 * cannot be edited (PORTFOLIO_IN_USE; add a new portfolio instead), while its name may change (runs keep its id and
 * their own copy of the weights) and it may be deactivated (hidden from the pickers, kept for the runs).
 */
public final class PortfolioService {
    public static final int MAX_NAME = 100;
    private final PortfolioRepository repo;

    public PortfolioService(PortfolioRepository repo) {
        this.repo = repo;
    }

    /** The service on one PostgreSQL database, as every face wires it. */
    public PortfolioService(DataSource ds) {
        this(new PortfolioRepository(ds));
    }

    /** Every portfolio, active or not, by id. */
    public List<ListedPortfolio> list() {
        return repo.listAll();
    }

    /** The active portfolios, as the pickers offer them. */
    public List<ListedPortfolio> active() {
        return repo.listAll().stream().filter(ListedPortfolio::active).toList();
    }

    /**
     * A portfolio's name checked and with its surrounding spaces removed: required, at most {@value #MAX_NAME}
     * characters, single-line printable ({@link Names}; Korean is fine) and not only digits (it would read as an id).
     */
    public static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw invalidName("is required");
        }
        if (n.length() > MAX_NAME) {
            throw invalidName("is longer than " + MAX_NAME + " characters");
        }
        if (!Names.isSingleLinePrintable(n)) {
            throw invalidName("must be one line of printable characters");
        }
        if (n.matches("\\d+")) {
            throw invalidName("must not be only digits (it would read as a portfolio id)");
        }
        return n;
    }

    /**
     * Weights by asset class code checked: known codes, each a number in [0, 1], summing to 1 within
     * {@link Weights#SUM_TOLERANCE}. Classes at 0 are not held.
     */
    public static Weights validWeights(Map<String, ? extends Number> byCode) {
        if (byCode == null || byCode.isEmpty()) {
            throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: at least one asset class is required");
        }
        Map<AssetClass, Double> m = new EnumMap<>(AssetClass.class);
        for (Map.Entry<String, ? extends Number> e : byCode.entrySet()) {
            AssetClass c;
            try {
                c = AssetClass.parse(e.getKey());
            } catch (EngineException unknown) {
                throw new ForestoException(ErrorCode.UNKNOWN_ASSET_CLASS, "weights: " + unknown.getMessage(), unknown);
            }
            double w = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
            if (!(w >= 0 && w <= 1)) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: " + c + " must be a number from 0 to 1, got "
                        + e.getValue());
            }
            m.put(c, w);
        }
        try {
            return Weights.of(m);
        } catch (EngineException e) {
            throw new ForestoException(Failures.code(e.kind()), "weights: " + e.getMessage(), e);
        }
    }

    /** Parses and checks {@code CODE=W,CODE=W,…} (the command line's form), e.g. {@code EQUITY=0.6,BOND=0.4}. */
    public static Weights parseWeights(String spec) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : (spec == null ? "" : spec).split(",", -1)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: expected CODE=WEIGHT, got '" + p + "'");
            }
            String code = p.substring(0, eq).strip();
            double w;
            try {
                w = Double.parseDouble(p.substring(eq + 1).strip());
            } catch (NumberFormatException notANumber) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: " + code + " is not a number: '"
                        + p.substring(eq + 1).strip() + "'");
            }
            if (m.put(code, w) != null) {
                throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: " + code + " is given twice");
            }
        }
        return validWeights(m);
    }

    /** Adds an active portfolio; its name must be free. */
    public ListedPortfolio add(String name, Weights weights) {
        String n = validName(name);
        requireWeights(weights);
        requireFree(n, null);
        long id = repo.insert(n, null, weights);
        return get(id);
    }

    /** A portfolio by its exact name, else by id when {@code nameOrId} is all digits; active or not. */
    public ListedPortfolio resolve(String nameOrId) {
        String key = nameOrId == null ? "" : nameOrId.strip();
        for (ListedPortfolio l : repo.listAll()) {
            if (l.portfolio().name().equals(key)) {
                return l;
            }
        }
        if (key.matches("\\d{1,18}")) {
            return get(Long.parseLong(key));
        }
        throw new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio named '" + key + "'");
    }

    /**
     * Renames and/or re-weights a portfolio ({@code null} keeps that part). New weights equal to the current ones are
     * no change; different weights of a portfolio used by stored runs or studies are refused (PORTFOLIO_IN_USE).
     */
    public ListedPortfolio edit(String nameOrId, String newName, Weights newWeights) {
        ListedPortfolio current = resolve(nameOrId);
        long id = current.portfolio().portfolioId();
        String n = newName == null ? current.portfolio().name() : validName(newName);
        if (!n.equals(current.portfolio().name())) {
            requireFree(n, id);
        }
        Weights w = newWeights == null || newWeights.equals(current.portfolio().weights()) ? null : newWeights;
        if (w != null) {
            long uses = repo.usageCount(id);
            if (uses > 0) {
                throw PortfolioRepository.inUse(current.portfolio().name(), uses);
            }
        }
        repo.update(id, n, w);
        return get(id);
    }

    /** Deactivates a portfolio: hidden from the pickers, kept for the stored runs that used it. */
    public ListedPortfolio deactivate(String nameOrId) {
        ListedPortfolio current = resolve(nameOrId);
        repo.setActive(current.portfolio().portfolioId(), false);
        return get(current.portfolio().portfolioId());
    }

    /** The JSON shape every face uses: {@code id, name, weights (by code), active}. */
    public static Map<String, Object> json(ListedPortfolio l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.portfolio().portfolioId());
        m.put("name", l.portfolio().name());
        m.put("weights", l.portfolio().weights().byCode());
        m.put("active", l.active());
        return m;
    }

    private ListedPortfolio get(long id) {
        return repo.findListed(id).orElseThrow(() ->
                new ForestoException(ErrorCode.PORTFOLIO_NOT_FOUND, "no portfolio with id " + id));
    }

    private void requireFree(String name, Long self) {
        Optional<ListedPortfolio> other = repo.listAll().stream().filter(l -> l.portfolio().name().equals(name)).findFirst();
        if (other.isPresent() && (self == null || other.get().portfolio().portfolioId() != self)) {
            throw new ForestoException(ErrorCode.PORTFOLIO_NAME_TAKEN, "name: a portfolio named '" + name + "' already exists");
        }
    }

    private static void requireWeights(Weights weights) {
        if (weights == null) {
            throw new ForestoException(ErrorCode.INVALID_WEIGHTS, "weights: are required");
        }
    }

    private static ForestoException invalidName(String why) {
        return new ForestoException(ErrorCode.INVALID_REQUEST, "name: " + why);
    }
}
