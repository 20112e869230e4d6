package foresto.db;

import foresto.config.Secrets;
import foresto.error.ForestoException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * Run in a child JVM by {@link SecretsInLogsTest} with slf4j-simple at its most verbose: connects with every URL
 * form (templates with {@code {port}}, one per line of the file given) to a trust-authenticated server, and logs
 * everything the app would show of each.
 */
public final class SecretsProbe {
    private SecretsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger(SecretsProbe.class);
        List<String> templates = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (String template : templates) {
                String url = template.replace("{port}", Integer.toString(pg.getPort()));
                log.warn("shown: {} | {}", Database.redact(url), Secrets.redact("configured " + url, Secrets.inUrl(url)));
                try (Database db = Database.connect(url, null, null); Connection c = db.dataSource().getConnection()) {
                    log.warn("connected: {} valid={}", db.displayUrl(), c.isValid(2));
                } catch (ForestoException e) {
                    log.warn("failed: {}", e.getMessage());
                }
            }
        }
        log.warn("probe done");
    }
}
