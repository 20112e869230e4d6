package foresto.cli;

import foresto.api.ApiServer;
import foresto.api.ApiToken;
import foresto.backtest.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the HTTP API until the process is stopped. Every route but the health check needs the API token
 * ({@code FORESTO_API_TOKEN}, else {@code <data dir>/api-token}, made 0600 on the first start): this says
 * where the token is, never the token itself.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API (binds 127.0.0.1 by default; "
        + "clients send Authorization: Bearer <token>, the token from FORESTO_API_TOKEN or <data dir>/api-token).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port (0 = any free port; default 8080)")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "address to bind (default 127.0.0.1)")
    String host;

    @Override
    public Integer call() throws IOException, InterruptedException {
        // the token first: a refused token file stops us before the database starts
        ApiToken token = ApiToken.resolve(main.config().apiToken(), main.config().dataDirectory());
        Backend backend = main.startBackend(spec);
        ApiServer server;
        try {
            server = ApiServer.start(backend.backtests(), host, port, token);
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            backend.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().println("Foresto API listening on " + server.baseUrl() + " (USE_REBALANCING="
                + (backend.backtests().flags().useRebalancing() ? "on" : "off") + "); Ctrl+C stops it");
        spec.commandLine().getOut().println("API token: " + (token.source().equals(ApiToken.ENV) ? "given in " + ApiToken.ENV
                : "in " + token.source()) + " (send Authorization: Bearer <token>; /api/v1/health needs none)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
