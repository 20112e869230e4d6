package foresto.db;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL's programs run only from a folder private to the user: a copy planted where the embedded library
 * looks by default (its shared temporary folder) is never executed, and a private folder others can write to is
 * refused before anything runs.
 */
class PrivateBinariesTest {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    /**
     * The attack of the probe: another local user plants {@code <tmp>/embedded-pg/PG-<md5>} with an {@code .exists}
     * marker and their own programs. A fresh JVM (the library caches its folder per JVM) runs {@code db info} with that
     * temporary folder; none of the planted programs may run.
     */
    @Test
    void programsPlantedInTheSharedTempFolderAreNeverRun(@TempDir Path root) throws Exception {
        String md5 = archiveMd5();
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path shared = Files.createDirectories(tmp.resolve("embedded-pg"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = Files.createDirectories(shared.resolve("PG-" + md5));
        Files.createFile(planted.resolve(".exists"));
        Path bin = Files.createDirectories(planted.resolve("bin"));
        Path marker = root.resolve("ran-as-victim");
        for (String program : new String[] {"pg_ctl", "initdb", "postgres"}) {
            Path p = bin.resolve(program);
            Files.writeString(p, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path home = Files.createDirectories(root.resolve("home"));
        Path privateBinaries = root.resolve("cache").resolve("postgresql");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "foresto.cli.Main", "db", "info");
        pb.environment().put("FORESTO_DATA_DIR", home.toString());
        pb.environment().put("FORESTO_CONFIG", "/nonexistent");
        pb.environment().put("FORESTO_PG_BINARIES", privateBinaries.toString());
        pb.environment().remove("FORESTO_DB_URL");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(marker).as("a planted program ran as this user; output:%n%s", output).doesNotExist();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateBinaries))).isEqualTo("rwx------");
        assertThat(privateBinaries.resolve(PrivateBinaries.UNPACKED).resolve("PG-" + md5).resolve("bin").resolve("pg_ctl"))
                .isExecutable();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateBinaries.resolve(PrivateBinaries.UNPACKED))))
                .isEqualTo("rwx------");
    }

    @Test
    void aGroupWritableBinariesFolderIsRefusedBeforeAnythingRuns(@TempDir Path root) throws Exception {
        Path binaries = Files.createDirectories(root.resolve("postgresql"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwx---"));
        Path dataDir = root.resolve("pgdata");
        assertThatThrownBy(() -> EmbeddedServer.start(dataDir, binaries, m -> { }))
                .isInstanceOfSatisfying(ForestoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE))
                .hasMessageContaining("refusing to run PostgreSQL's programs from " + binaries)
                .hasMessageContaining("writable by other users");
        assertThat(dataDir).doesNotExist();
        assertThat(binaries.resolve(PrivateBinaries.UNPACKED)).doesNotExist();
    }

    @Test
    void aFolderAboveItThatOthersCanWriteIsRefused(@TempDir Path root) throws Exception {
        Path open = Files.createDirectories(root.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx")); // no sticky bit
        Path binaries = open.resolve("mine").resolve("postgresql");
        assertThatThrownBy(() -> EmbeddedServer.start(root.resolve("pgdata"), binaries, m -> { }))
                .isInstanceOf(ForestoException.class)
                .hasMessageContaining("refusing to run PostgreSQL's programs from " + open)
                .hasMessageContaining("writable by other users");
    }

    @Test
    void aFreshPrivateFolderIsCreatedOwnerOnly(@TempDir Path root) {
        Path binaries = root.resolve("a").resolve("postgresql");
        Path unpacked = PrivateBinaries.prepare(binaries);
        assertThat(unpacked).isEqualTo(binaries.resolve(PrivateBinaries.UNPACKED));
        assertThat(binaries).isDirectory();
        assertThat(unpacked).isDirectory();
        assertThat(PrivateBinaries.resolverFor(unpacked)).isSameAs(PrivateBinaries.resolverFor(unpacked));
    }

    private static String archiveMd5() throws IOException {
        try (InputStream raw = PrivateBinariesTest.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            assumeTrue(raw != null, "the Linux x86_64 PostgreSQL archive is not on the class path");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (DigestInputStream in = new DigestInputStream(raw, md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
