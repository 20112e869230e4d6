package foresto.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration, read once: the environment ({@code FORESTO_DB_URL}, {@code FORESTO_DB_USER},
 * {@code FORESTO_DB_PASSWORD}, {@code USE_REBALANCING}, {@code FORESTO_DATA_DIR}, {@code FORESTO_PG_BINARIES}) and the config file
 * {@code $XDG_CONFIG_HOME/foresto/foresto.properties} (default {@code ~/.config/foresto/}; another file with
 * {@code FORESTO_CONFIG}) with keys {@code db.url}, {@code db.user}, {@code db.password},
 * {@code use_rebalancing}. Database settings: environment first, then file. The flag: the file overrides the
 * environment (SEMANTICS §7: "overridable by the app's config").
 */
public final class AppConfig {
    private final Map<String, String> env;
    private final Properties file;
    private final Path configFile;

    AppConfig(Map<String, String> env, Path configFile) {
        this.env = Map.copyOf(env);
        this.configFile = configFile;
        this.file = new Properties();
        if (configFile != null && Files.isRegularFile(configFile)) {
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read config file " + configFile + ": " + e.getMessage(), e);
            }
        }
    }

    public static AppConfig load() {
        return of(System.getenv());
    }

    public static AppConfig of(Map<String, String> env) {
        return new AppConfig(env, configFile(env));
    }

    static Path configFile(Map<String, String> env) {
        String explicit = env.get("FORESTO_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return configHome(env).resolve("foresto").resolve("foresto.properties");
    }

    private static Path configHome(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    }

    /** Where the embedded database and the app's state live ({@code $XDG_DATA_HOME/foresto}, default ~/.local/share). */
    public Path dataDirectory() {
        String override = env.get("FORESTO_DATA_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("foresto");
    }

    /**
     * Where the embedded PostgreSQL's programs are unpacked: {@code FORESTO_PG_BINARIES}, else
     * {@code $XDG_CACHE_HOME/foresto/postgresql} (default {@code ~/.cache/foresto/postgresql}). Shared by every data
     * directory of this user; the folder must be private to the user (it is checked before each start).
     */
    public Path postgresBinaries() {
        String override = env.get("FORESTO_PG_BINARIES");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("foresto").resolve("postgresql");
    }

    public Path configFile() {
        return configFile;
    }

    private Optional<String> setting(String envName, String fileKey) {
        String v = env.get(envName);
        if (v != null && !v.isBlank()) {
            return Optional.of(v);
        }
        return Optional.ofNullable(file.getProperty(fileKey)).filter(s -> !s.isBlank());
    }

    /** A team server's JDBC URL, when one is configured; empty means the embedded PostgreSQL. */
    public Optional<String> dbUrl() {
        return setting("FORESTO_DB_URL", "db.url");
    }

    public Optional<String> dbUser() {
        return setting("FORESTO_DB_USER", "db.user");
    }

    public Optional<String> dbPassword() {
        return setting("FORESTO_DB_PASSWORD", "db.password");
    }

    /**
     * The currency the portfolio values are in, for labels only ({@code FORESTO_CURRENCY} or {@code currency} in
     * the file, e.g. KRW; the data carry none): empty when not set. Letters only, at most 8.
     */
    public String currency() {
        return setting("FORESTO_CURRENCY", "currency").map(String::trim)
                .filter(c -> c.matches("[\\p{L}]{1,8}")).orElse("");
    }

    /** The value axis's label: "Portfolio value (KRW)", or "Portfolio value" without a currency. */
    public static String valueLabel(String currency) {
        return currency == null || currency.isBlank() ? "Portfolio value" : "Portfolio value (" + currency + ")";
    }

    /** The HTTP API's token from {@code FORESTO_API_TOKEN} (environment only), or null when not set. */
    public String apiToken() {
        String v = env.get("FORESTO_API_TOKEN");
        return v == null || v.isBlank() ? null : v;
    }

    /** The raw USE_REBALANCING setting (file over environment), or null when neither sets it. */
    public String useRebalancing() {
        String fromFile = file.getProperty("use_rebalancing");
        if (fromFile != null && !fromFile.isBlank()) {
            return fromFile;
        }
        return env.get("USE_REBALANCING");
    }
}
