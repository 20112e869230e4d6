package foresto.backtest;

import foresto.config.AppConfig;
import foresto.db.Database;
import foresto.model.StartupProgress;

import java.time.Clock;
import java.util.function.Consumer;

/** The database plus the services on it, as every face (desktop, CLI, HTTP) starts them. */
public final class Backend implements AutoCloseable {
    private final Database database;
    private final BacktestService backtests;
    private final RuleService rules;
    private final ImportService imports;
    private final PortfolioService portfolios;

    /** The services on {@code database}'s stores (one set of repositories, shared by the services). */
    public Backend(Database database, FeatureFlags flags, Clock clock) {
        this.database = database;
        Stores stores = JdbcStores.on(database.dataSource());
        this.backtests = new BacktestService(stores, flags, clock);
        this.rules = new RuleService(stores.rules());
        this.imports = new ImportService(database.dataSource());
        this.portfolios = new PortfolioService(database.dataSource());
    }

    /** Opens the configured database, migrates it, loads first-start data, and builds the services. */
    public static Backend start(AppConfig config, Consumer<StartupProgress> progress) {
        Database db = Database.openReady(config, progress);
        return new Backend(db, FeatureFlags.from(config), Clock.systemDefaultZone());
    }

    public Database database() {
        return database;
    }

    public BacktestService backtests() {
        return backtests;
    }

    public RuleService rules() {
        return rules;
    }

    public ImportService imports() {
        return imports;
    }

    /** Portfolios of one's own: add, list, edit, deactivate. */
    public PortfolioService portfolios() {
        return portfolios;
    }

    @Override
    public void close() {
        database.close();
    }
}
