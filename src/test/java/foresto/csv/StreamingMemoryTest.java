package foresto.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming a CSV keeps memory independent of the values: a million rows of five columns (well over 100 MB once held
 * as rows, arrays and a column copy) stream through a JVM with 64 MB of heap, where reading them whole runs out.
 */
class StreamingMemoryTest {
    static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsStreamThroughA64MbHeapThatReadingThemWholeCannotHold() throws Exception {
        assertThat(child("stream")).contains("streamed " + ROWS + " rows, 5 columns, checksum ").doesNotContain("OutOfMemoryError");
        // the same file and heap, read whole as before streaming: the check above is not met by luck
        assertThat(child("whole")).contains("OutOfMemoryError").doesNotContain("read whole");
    }

    private static String child(String mode) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("streaming-heap", ".txt");
        try {
            Process p = new ProcessBuilder(javaBin.toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), ManyRows.class.getName(), mode).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as(out).isTrue();
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The child JVM: a generated CSV of {@link #ROWS} daily rows, streamed (counted) or read whole. */
    public static final class ManyRows {
        public static void main(String[] args) throws IOException {
            MarketCsvReader reader = new MarketCsvReader(Map.of(), MarketCsvReader.Kind.RETURNS);
            if (args[0].equals("whole")) {
                System.out.println("read whole " + reader.read("gen.csv", new Generated()).size());
                return;
            }
            double[] sum = {0};
            long[] n = {0};
            MarketCsvReader.Summary s = reader.stream("gen.csv", new Generated(), (date, columns, values) -> {
                for (double v : values) {
                    sum[0] += v;
                }
                n[0]++;
            });
            System.out.println("streamed " + n[0] + " rows, " + s.columns().size() + " columns, checksum " + sum[0]);
        }
    }

    /** {@code date,EQUITY,BOND,SHORT_TERM,GOLD,OTHER} and {@link #ROWS} rows, made as they are read. */
    static final class Generated extends Reader {
        private final StringBuilder pending = new StringBuilder("date,EQUITY,BOND,SHORT_TERM,GOLD,OTHER\n");
        private final LocalDate start = LocalDate.of(1000, 1, 1);
        private int row;
        private int at;

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (at == pending.length()) {
                if (row == ROWS) {
                    return -1;
                }
                pending.setLength(0);
                at = 0;
                pending.append(start.plusDays(row));
                for (int c = 0; c < 5; c++) {
                    pending.append(',').append(((row * 31 + c * 7) % 2001 - 1000) / 1e5);
                }
                pending.append('\n');
                row++;
            }
            int k = Math.min(len, pending.length() - at);
            pending.getChars(at, at + k, cbuf, off);
            at += k;
            return k;
        }

        @Override
        public void close() {
        }
    }
}
