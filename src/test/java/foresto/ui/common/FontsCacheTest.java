package foresto.ui.common;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled faces are kept as files in a cache folder: written once, whole, named by size; rewritten when cut. */
class FontsCacheTest {
    private static final String REGULAR = "/foresto/fonts/400Regular/NotoSansKR_400Regular.ttf";

    @TempDir
    Path dir;

    private static byte[] resource() throws Exception {
        try (InputStream in = Fonts.class.getResourceAsStream(REGULAR)) {
            Assumptions.assumeTrue(in != null, "the build put the font on the class path");
            return in.readAllBytes();
        }
    }

    @Test
    void aFaceIsWrittenOnceWholeAndUsedFromThenOn() throws Exception {
        byte[] bytes = resource();
        Path file = Fonts.extract(REGULAR, dir).orElseThrow();
        assertThat(file.getFileName().toString()).isEqualTo("NotoSansKR_400Regular-" + bytes.length + ".ttf");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("no part file left").isEqualTo(1);
        }

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        assertThat(Fonts.extract(REGULAR, dir)).contains(file);
        assertThat(Files.getLastModifiedTime(file)).as("not written again").isEqualTo(old);

        // a file cut short (a disk that filled up under an older version) is written again
        Files.write(file, Arrays.copyOf(bytes, 1000));
        assertThat(Fonts.extract(REGULAR, dir)).contains(file);
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }

    @Test
    void withoutTheFontOrAPlaceToWriteTheStreamIsUsed() throws Exception {
        resource();
        assertThat(Fonts.extract("/foresto/fonts/none.ttf", dir)).isEmpty();
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThat(Fonts.extract(REGULAR, notADirectory)).isEmpty();
    }
}
