package foresto.ui;

import foresto.ui.common.Fonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hangul renders with the bundled font on a machine without Korean fonts. The machine is made in a child JVM:
 * fontconfig (which JavaFX asks for the platform's fonts) is given a configuration that lists only the DejaVu
 * fonts, which have no Hangul. A font without Hangul draws every syllable as the same missing-glyph box, so two
 * different syllables give identical pixels (the control); with the bundled font they differ.
 */
class KoreanFontTest {
    @TempDir
    static Path dir;

    private static String probe(String mode, Path png) throws Exception {
        Path conf = dir.resolve("fonts.conf");
        Path cache = dir.resolve("fc-cache");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>/usr/share/fonts/truetype/dejavu</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(cache));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KoreanFontProbe.class.getName(), mode, png.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("FONTCONFIG_FILE", conf.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("same") || l.startsWith("different")).findFirst().orElse(out);
    }

    @Test
    void withoutKoreanFontsTheMachineDrawsBoxesAndTheBundledFontDrawsHangul() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/fonts/truetype/dejavu")),
                "the control needs the DejaVu fonts (Debian's fonts-dejavu-core)");
        String platform = probe("platform", dir.resolve("platform.png"));
        assertThat(platform).as("control: a machine without Korean fonts").startsWith("same");

        Path shot = Path.of("target/screenshots/korean-labels.png");
        String bundled = probe("bundled", shot.toAbsolutePath());
        assertThat(bundled).isEqualTo("different " + Fonts.FAMILY);
        assertThat(shot).exists();
    }
}
