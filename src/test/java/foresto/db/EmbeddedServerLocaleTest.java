package foresto.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start on a desktop whose locale the C library does not have (a Korean LANG on a machine where ko_KR.UTF-8
 * was never generated) still creates the database: initdb must not take the user's LANG. Run in a child JVM, because
 * only a new process gets another environment.
 */
class EmbeddedServerLocaleTest {

    @Test
    void aFirstStartUnderALocaleTheSystemLacksStillCreatesTheDatabase(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        Path console = home.resolve("console.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString()))
                .redirectErrorStream(true).redirectOutput(console.toFile());
        pb.environment().put("LANG", "ko_KR.UTF-8");
        pb.environment().put("LC_ALL", "xx_NO.UTF-8"); // a locale no C library has
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM done").isTrue();
        String printed = Files.readString(console);
        assertThat(p.exitValue()).as(printed).isZero();
        assertThat(printed).contains("collate=C");
    }

    /** Starts the embedded server on the data directory given and prints the database's collation. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            try (EmbeddedServer pg = EmbeddedServer.start(Path.of(args[0]), m -> { });
                 Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedServer.USER, pg.password());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
                rs.next();
                System.out.println("collate=" + rs.getString(1));
            }
        }
    }
}
