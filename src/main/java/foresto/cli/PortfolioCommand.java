package foresto.cli;

import foresto.backtest.Backend;
import foresto.backtest.PortfolioService;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code foresto portfolio add|list|edit|deactivate}: portfolios of one's own, through {@link PortfolioService} (the
 * validation the API and the desktop share). Each prints one JSON object.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "Add, list, edit and deactivate model portfolios (weights by asset class code, summing to 1).",
        subcommands = {PortfolioCommand.Add.class, PortfolioCommand.ListAll.class, PortfolioCommand.Edit.class,
                PortfolioCommand.Deactivate.class})
final class PortfolioCommand extends CommandGroup {
    /** A portfolio subcommand: starts the backend, does its work, prints one JSON object. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        PortfolioCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() {
            check();
            try (Backend backend = parent.main.startBackend(spec)) {
                Object answer = work(backend.portfolios());
                PrintWriter out = spec.commandLine().getOut();
                out.println(Json.write(answer));
                out.flush();
            }
            return 0;
        }

        /** Checks the arguments before the database starts. */
        void check() {
        }

        abstract Object work(PortfolioService portfolios);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a portfolio.")
    static final class Add extends Subcommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "a unique name, one line (Korean is fine)")
        String name;
        @Option(names = "--weights", required = true, paramLabel = "CODE=W,…",
                description = "e.g. EQUITY=0.6,BOND=0.4; each in [0, 1], summing to 1 (±1e-9)")
        String weights;

        @Override
        Object work(PortfolioService portfolios) {
            return PortfolioService.json(portfolios.add(name, PortfolioService.parseWeights(weights)));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every portfolio (ids, names, weights, active).")
    static final class ListAll extends Subcommand {
        @Override
        Object work(PortfolioService portfolios) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("portfolios", portfolios.list().stream().map(PortfolioService::json).toList());
            return m;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Rename and/or re-weight a portfolio (weights of one used by stored runs cannot change).")
    static final class Edit extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        String nameOrId;
        @Option(names = "--name", paramLabel = "NAME", description = "the new name")
        String name;
        @Option(names = "--weights", paramLabel = "CODE=W,…", description = "the new weights")
        String weights;

        @Override
        void check() {
            if (name == null && weights == null) {
                throw new ForestoException(ErrorCode.INVALID_ARGUMENT, "edit needs --name or --weights (or both)");
            }
        }

        @Override
        Object work(PortfolioService portfolios) {
            return PortfolioService.json(portfolios.edit(nameOrId, name,
                    weights == null ? null : PortfolioService.parseWeights(weights)));
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Deactivate a portfolio: hidden from the pickers, kept for the stored runs that used it.")
    static final class Deactivate extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        String nameOrId;

        @Override
        Object work(PortfolioService portfolios) {
            return PortfolioService.json(portfolios.deactivate(nameOrId));
        }
    }
}
