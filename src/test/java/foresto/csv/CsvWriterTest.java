package foresto.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {
    @Test
    void formulaLikeTextIsMadeInertButNumbersStayNumbers() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.cell("+1+2")).isEqualTo("'+1+2");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.cell("-0.05")).isEqualTo("-0.05");
        assertThat(CsvWriter.cell("6.4E-6")).isEqualTo("6.4E-6");
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
    }

    @Test
    void quotesPerRfc4180AndStartsWithABom() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, List.of("a", "b"), List.of(List.of("x,y", "say \"hi\""), List.of("주식 EQUITY", "line\nbreak")));
        String s = out.toString(StandardCharsets.UTF_8);
        assertThat(s).isEqualTo("\uFEFFa,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n주식 EQUITY,\"line\nbreak\"\r\n");
        assertThat(out.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void writesFilesAtomically(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.csv");
        CsvWriter.write(f, List.of("h"), List.of(List.of("v")));
        assertThat(Files.readString(f)).isEqualTo("\uFEFFh\r\nv\r\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
