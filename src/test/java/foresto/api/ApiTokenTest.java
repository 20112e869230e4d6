package foresto.api;

import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API token: made private on first use, kept, refused when others could have read or planted it. */
class ApiTokenTest {
    @TempDir
    Path dir;

    @Test
    void theFirstServeMakesAPrivateRandomTokenFileAndLaterOnesReuseIt() throws Exception {
        Path data = dir.resolve("data");
        ApiToken first = ApiToken.resolve(null, data);
        Path file = data.resolve(ApiToken.FILE_NAME);
        assertThat(first.source()).isEqualTo(file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16); // at least 128 bits
        assertThat(first.accepts("Bearer " + token)).isTrue();
        ApiToken again = ApiToken.resolve(null, data);
        assertThat(again.accepts("Bearer " + token)).isTrue();
        assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(token);
        assertThat(first.toString()).doesNotContain(token);
    }

    @Test
    void tokensAreNotRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiToken.generate())).isTrue();
        }
    }

    @Test
    void aTokenFileOthersCanReadOrWriteIsRefused() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-", "rwx---r--"}) {
            Path file = dir.resolve("open-" + mode).resolve(ApiToken.FILE_NAME);
            Files.createDirectories(file.getParent());
            Files.writeString(file, ApiToken.generate());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> ApiToken.resolve(null, file.getParent())).as(mode)
                    .isInstanceOfSatisfying(ForestoException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_FILE);
                        assertThat(e.getMessage()).contains(file.toString()).contains("chmod 600");
                    });
        }
    }

    @Test
    void aLinkInPlaceOfTheTokenFileIsRefused() throws Exception {
        Path target = dir.resolve("elsewhere");
        Files.writeString(target, ApiToken.generate());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path data = dir.resolve("linked");
        Files.createDirectories(data);
        Files.createSymbolicLink(data.resolve(ApiToken.FILE_NAME), target);
        assertThatThrownBy(() -> ApiToken.resolve(null, data)).isInstanceOfSatisfying(ForestoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_FILE));
    }

    @Test
    void aTokenFileOfAnotherUserIsRefused() throws Exception {
        Path file = dir.resolve(ApiToken.FILE_NAME);
        Files.writeString(file, ApiToken.generate());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        try {
            Files.setOwner(file, nobody);
        } catch (IOException notRoot) {
            Assumptions.abort("giving a file away needs root: " + notRoot.getMessage());
        }
        assertThatThrownBy(() -> ApiToken.resolve(null, dir)).isInstanceOfSatisfying(ForestoException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_FILE);
            assertThat(e.getMessage()).contains("belongs to nobody");
        });
    }

    @Test
    void anEmptyOrShortTokenFileIsRefused() throws Exception {
        Path file = dir.resolve(ApiToken.FILE_NAME);
        Files.writeString(file, "short");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> ApiToken.resolve(null, dir)).isInstanceOf(ForestoException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void theEnvironmentTokenWinsAndNoFileIsMade() {
        String given = "given-by-the-environment-0123456789";
        ApiToken t = ApiToken.resolve(given, dir);
        assertThat(t.source()).isEqualTo(ApiToken.ENV);
        assertThat(t.accepts("Bearer " + given)).isTrue();
        assertThat(dir.resolve(ApiToken.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> ApiToken.resolve("too-short", dir)).isInstanceOfSatisfying(ForestoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> ApiToken.resolve("has spaces in it and is long enough", dir))
                .isInstanceOf(ForestoException.class);
    }

    @Test
    void onlyTheExactTokenAfterBearerIsAccepted() {
        ApiToken t = ApiToken.of(ApiServerTest.TOKEN, "the test");
        assertThat(t.accepts("Bearer " + ApiServerTest.TOKEN)).isTrue();
        assertThat(t.accepts("bearer " + ApiServerTest.TOKEN)).isTrue();
        assertThat(t.accepts(null)).isFalse();
        assertThat(t.accepts("")).isFalse();
        assertThat(t.accepts(ApiServerTest.TOKEN)).isFalse();
        assertThat(t.accepts("Basic " + ApiServerTest.TOKEN)).isFalse();
        assertThat(t.accepts("Bearer " + ApiServerTest.TOKEN.substring(1))).isFalse();
        assertThat(t.accepts("Bearer " + ApiServerTest.TOKEN + "a")).isFalse();
        assertThat(t.accepts("Bearer " + ApiServerTest.TOKEN.toUpperCase())).isFalse();
    }
}
