package foresto.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer: UTF-8 with a byte-order mark (so Excel shows Korean text), RFC 4180 quoting and CRLF
 * line ends, and text cells that start with {@code = + - @} (or tab / carriage return) prefixed with an
 * apostrophe so a spreadsheet never evaluates them. Plain numbers (e.g. {@code -0.05}) stay numbers.
 * Files are written to a temporary sibling and moved into place, so a failed export leaves no half file.
 */
public final class CsvWriter {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final char BOM = '\uFEFF';
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsvWriter() {
    }

    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a device or a pipe (/dev/stdout, a FIFO): write into it; never replace it with a file
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                write(out, header, rows);
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // created like any new file (mode from the umask), unlike createTempFile's 0600
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(out, header, rows);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(OutputStream out, List<String> header, List<List<String>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        writeRow(w, header);
        for (List<String> row : rows) {
            writeRow(w, row);
        }
        w.flush();
    }

    private static void writeRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell as written: made inert if it could be a formula, then quoted if needed. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
