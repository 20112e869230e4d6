package foresto.csv;

import foresto.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Input lines are bounded: a line over 1 MiB is refused with its file and line, before it can fill the heap. */
class LineBoundTest {
    private static final MarketCsvReader READER = new MarketCsvReader(Map.of(), MarketCsvReader.Kind.RETURNS);

    @Test
    void aLineOverOneMebibyteIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        char[] big = new char[BoundedLines.MAX_LINE_CHARS + 1];
        Arrays.fill(big, '1');
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "date,EQUITY\n2024-01-02,0.01\n2024-01-03," + new String(big) + "\n2024-01-04,0\n",
                StandardCharsets.UTF_8);
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> READER.read(file));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CSV);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(e.getMessage()).startsWith(file + ":3: the line is longer than 1048576 characters");
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws IOException {
        char[] line = new char[BoundedLines.MAX_LINE_CHARS];
        Arrays.fill(line, 'x');
        BoundedLines in = new BoundedLines(new StringReader(new String(line) + "\r\nnext\rlast"));
        assertThat(in.readLine()).hasSize(BoundedLines.MAX_LINE_CHARS);
        assertThat(in.readLine()).isEqualTo("next");
        assertThat(in.readLine()).isEqualTo("last");
        assertThat(in.readLine()).isNull();
    }

    /** What {@code --returns /dev/zero} gives: NUL characters without end and without a line break. */
    @Test
    void anEndlessStreamWithoutLineBreaksStopsAtTheLimit() {
        long[] served = {0};
        Reader zeros = new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) {
                Arrays.fill(cbuf, off, off + len, '\0');
                served[0] += len;
                return len;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        CsvValidationException e = catchThrowableOfType(CsvValidationException.class, () -> READER.read("/dev/zero", zeros));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
        assertThat(served[0]).isLessThan(BoundedLines.MAX_LINE_CHARS + 100_000L);
    }
}
