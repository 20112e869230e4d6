package foresto.config;

import foresto.backtest.FeatureFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppConfigTest {

    @Test
    void environmentWinsForTheDatabaseAndTheFileWinsForTheFlag(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("foresto.properties");
        Files.writeString(file, "db.url=jdbc:postgresql://file-host/db\ndb.user=fileuser\ndb.password=filepw\nuse_rebalancing=false\n");
        AppConfig both = AppConfig.of(Map.of("FORESTO_CONFIG", file.toString(), "FORESTO_DB_URL", "jdbc:postgresql://env-host/db",
                "USE_REBALANCING", "1"));
        assertThat(both.dbUrl()).hasValue("jdbc:postgresql://env-host/db");
        assertThat(both.dbUser()).hasValue("fileuser");
        assertThat(both.dbPassword()).hasValue("filepw");
        assertThat(FeatureFlags.from(both).useRebalancing()).isFalse();

        AppConfig envOnly = AppConfig.of(Map.of("FORESTO_CONFIG", dir.resolve("missing.properties").toString(), "USE_REBALANCING", "true"));
        assertThat(envOnly.dbUrl()).isEmpty();
        assertThat(FeatureFlags.from(envOnly).useRebalancing()).isTrue();
        assertThat(FeatureFlags.from(AppConfig.of(Map.of("FORESTO_CONFIG", "/nonexistent"))).useRebalancing()).as("default OFF").isFalse();
    }

    @Test
    void dataAndConfigLocationsFollowXdgAndOverrides() {
        AppConfig xdg = AppConfig.of(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"));
        assertThat(xdg.configFile()).isEqualTo(Path.of("/cfg/foresto/foresto.properties"));
        assertThat(xdg.dataDirectory()).isEqualTo(Path.of("/data/foresto"));
        assertThat(AppConfig.of(Map.of("FORESTO_DATA_DIR", "/x")).dataDirectory()).isEqualTo(Path.of("/x"));
    }

    @Test
    void flagValues() {
        assertThat(FeatureFlags.parse("1")).isTrue();
        assertThat(FeatureFlags.parse("TRUE")).isTrue();
        assertThat(FeatureFlags.parse(" on ")).isTrue();
        assertThat(FeatureFlags.parse("0")).isFalse();
        assertThat(FeatureFlags.parse("nope")).isFalse();
        assertThat(FeatureFlags.parse(null)).isFalse();
    }

    @Test
    void theCurrencyLabelsTheValueAxisAndOnlyLettersAreTaken(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("foresto.properties");
        Files.writeString(file, "currency=USD\n");
        assertThat(AppConfig.of(Map.of("FORESTO_CONFIG", file.toString())).currency()).isEqualTo("USD");
        assertThat(AppConfig.of(Map.of("FORESTO_CONFIG", file.toString(), "FORESTO_CURRENCY", " KRW ")).currency())
                .as("the environment wins, trimmed").isEqualTo("KRW");
        assertThat(AppConfig.of(Map.of("FORESTO_CONFIG", "/nonexistent", "FORESTO_CURRENCY", "원")).currency()).isEqualTo("원");
        assertThat(AppConfig.of(Map.of("FORESTO_CONFIG", "/nonexistent", "FORESTO_CURRENCY", "KRW); x")).currency())
                .as("anything but letters is not a currency").isEmpty();
        assertThat(AppConfig.of(Map.of("FORESTO_CONFIG", "/nonexistent")).currency()).isEmpty();
        assertThat(AppConfig.valueLabel("KRW")).isEqualTo("Portfolio value (KRW)");
        assertThat(AppConfig.valueLabel("")).isEqualTo("Portfolio value");
    }
}
