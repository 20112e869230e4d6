package foresto.cli;

import foresto.api.ApiServer;
import foresto.backtest.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Serves the HTTP API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API (binds 127.0.0.1 by default).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port (0 = any free port; default 8080)")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to bind (default 127.0.0.1)")
    String host;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Backend backend = main.startBackend(spec);
        ApiServer server = ApiServer.start(backend.backtests(), host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            backend.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("Foresto API listening on " + server.baseUrl() + " (USE_REBALANCING="
                + (backend.backtests().flags().useRebalancing() ? "on" : "off") + "); Ctrl+C stops it");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
