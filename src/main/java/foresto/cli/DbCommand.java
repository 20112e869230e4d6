package foresto.cli;

import foresto.db.Database;
import foresto.db.DbInfo;
import foresto.db.SqlScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;

/** Database maintenance: migrate, seed, info. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance (migrate, seed, info).",
        subcommands = {DbCommand.Migrate.class, DbCommand.Seed.class, DbCommand.Info.class})
final class DbCommand {
    @ParentCommand
    Main main;

    /** A db subcommand: opens the configured database (no sample data), does its work, closes it. */
    abstract static class Subcommand implements Runnable {
        @ParentCommand
        DbCommand db;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public final void run() {
            PrintWriter err = spec.commandLine().getErr();
            try (Database d = Database.open(db.main.config(), msg -> err.println("… " + msg))) {
                PrintWriter out = spec.commandLine().getOut();
                work(d, out);
                out.flush();
            }
        }

        abstract void work(Database d, PrintWriter out);
    }

    @Command(name = "migrate", description = "Apply pending schema migrations (Flyway, from seed/migration).")
    static final class Migrate extends Subcommand {
        @Override
        void work(Database d, PrintWriter out) {
            out.println("schema version " + d.migrate() + " at " + d.displayUrl());
        }
    }

    @Command(name = "seed", description = "Run seed/Foresto_Phase2_EpicB_Rebalancing_Seed.sql (upserts the P2_ rules).")
    static final class Seed extends Subcommand {
        @Override
        void work(Database d, PrintWriter out) {
            d.migrate();
            SqlScripts.run(d.dataSource(), SqlScripts.RULE_SEED);
            out.println("seed rules applied at " + d.displayUrl());
        }
    }

    @Command(name = "info", description = "Print the database URL (without password), schema version and row counts.")
    static final class Info extends Subcommand {
        @Override
        void work(Database d, PrintWriter out) {
            DbInfo info = DbInfo.of(d);
            out.println("url:            " + info.url());
            out.println("schema version: " + info.schemaVersion());
            if (info.rowCounts().isEmpty()) {
                out.println("(no tables yet: run 'db migrate', or start the app, to create them)");
            }
            for (Map.Entry<String, Long> e : info.rowCounts().entrySet()) {
                out.printf("%-18s %,d%n", e.getKey(), e.getValue());
            }
        }
    }
}
