package foresto.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the engine's golden files: the Phase 1 OFF outputs ({@link GoldenCases}) and the v1 rules' ON paths
 * ({@link GoldenOnPathTest}), both on the recorded input market {@code market_a.csv} (an input: not written, see
 * {@link GoldenCases#writeAll}). Never run by a test, and never to make a test pass: only by the explicit
 * {@code mvn -Pgolden-write process-test-classes} ({@code -Dgolden.root=DIR} writes under DIR instead of the project,
 * to compare). The tests only read the files.
 */
public final class GoldenWriter {
    /** Where the golden files live under the project (or another root). */
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private GoldenWriter() {
    }

    /** @param args the project root to write under (default: the working directory) */
    public static void main(String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : ".").resolve(DIR));
    }

    static void write(Path dir) throws Exception {
        GoldenCases.writeAll(dir);
        Files.writeString(dir.resolve(GoldenOnPathTest.FILE), GoldenCases.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(GoldenOnPathTest.record()));
    }
}
