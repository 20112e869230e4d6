package foresto.ui.main;

import foresto.engine.AssetClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Analysis, History and Portfolios screens write a percentage one way, with a space before the sign ("47.19 %",
 * "+0.22 %p", as {@code DisplayNumber} does): no format of their own glues the sign to the digits ("47.19%").
 */
class OnePercentFormTest {
    /** A format that writes digits straight into a percent sign: "%.2f%%", "%+.2f%%p". */
    private static final Pattern GLUED = Pattern.compile("%[-+,]*\\.?\\d*f%%");

    @Test
    void noScreenFormatGluesThePercentSignToItsDigits() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String dir : List.of("main", "common", "portfolios")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/foresto/ui", dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (GLUED.matcher(lines.get(i)).find()) {
                            offenders.add(f.getFileName() + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theWeightsAtCloseAndTheirDriftReadWithASpace() {
        RunModel.ClassWeight w = new RunModel.ClassWeight(AssetClass.EQUITY, 0.4719, 0.4891, 0.5, 0.05);
        assertThat(w.driftText()).startsWith("-2.81 %p (56 % of band 5.00 %p)");
    }
}
