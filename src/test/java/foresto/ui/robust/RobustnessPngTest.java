package foresto.ui.robust;

import foresto.cli.CliRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code robustness timing|windows|bootstrap --png DIR}: each writes its charts headless, PNGs of the expected size
 * with their lines and bars drawn, nothing on stderr.
 */
class RobustnessPngTest {
    @TempDir
    static Path dir;
    static Path returns;

    /** Every weekday of 2016 … 2020, returns from a fixed pattern. */
    @BeforeAll
    static void writeReturns() throws Exception {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        int i = 0;
        for (LocalDate d = LocalDate.of(2016, 1, 4); !d.isAfter(LocalDate.of(2020, 12, 31)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                sb.append(d).append(',').append(String.format(Locale.ROOT, "%.5f", 0.011 * Math.sin(i * 0.7) + 0.0004))
                        .append(',').append(String.format(Locale.ROOT, "%.5f", 0.003 * Math.cos(i * 0.3))).append('\n');
                i++;
            }
        }
        returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
    }

    private static CliRunner.Result run(String study, Path out, String... more) {
        String[] base = {"robustness", study, "--returns", returns.toString(), "--columns", "SP500=EQUITY,UST10Y=BOND",
                "--weights", "EQUITY=0.6,BOND=0.4", "--png", out.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        CliRunner.Result r = CliRunner.on(all);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    /** Reads a PNG of {@code w} × {@code h} with many colours and at least {@code min} pixels that {@code kind} picks. */
    private static void assertDrawn(Path png, int w, int h, PixelKind kind, int min) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as(png + " is a PNG").isNotNull();
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        Set<Integer> colours = new HashSet<>();
        int picked = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                picked += kind.is((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF) ? 1 : 0;
            }
        }
        assertThat(colours.size()).as(png + " is not blank").isGreaterThan(20);
        assertThat(picked).as(png + ": pixels of its series").isGreaterThan(min);
    }

    @FunctionalInterface
    private interface PixelKind {
        boolean is(int r, int g, int b);
    }

    private static final PixelKind BLUE = (r, g, b) -> b > r + 80 && b > g + 30; // the ON colour, #0969da
    private static final PixelKind BARS = (r, g, b) -> Math.abs(r - g) > 80; // the histogram's green and red

    @Test
    void timingWritesTheValuePaths() throws Exception {
        Path out = dir.resolve("timing");
        run("timing", out, "--rule", "quarterly");
        assertDrawn(out.resolve("timing.png"), 1200, 650, BLUE, 2000);
    }

    @Test
    void windowsWritesThePremiumsByStartDateAndTheirHistogram() throws Exception {
        Path out = dir.resolve("windows");
        run("windows", out, "--rule", "monthly", "--length-months", "24", "--step-months", "3");
        assertDrawn(out.resolve("windows-premium.png"), 1200, 500, BLUE, 300);
        assertDrawn(out.resolve("windows-histogram.png"), 1200, 450, BARS, 2000);
    }

    @Test
    void bootstrapWritesTheFanAndTheHistogramOfTheCagrDifference() throws Exception {
        Path out = dir.resolve("bootstrap");
        run("bootstrap", out, "--rule", "monthly", "--paths", "60");
        assertDrawn(out.resolve("bootstrap-fan.png"), 1200, 650, BLUE, 5000);
        assertDrawn(out.resolve("bootstrap-cagr-diff.png"), 1200, 450, BARS, 2000);
    }
}
