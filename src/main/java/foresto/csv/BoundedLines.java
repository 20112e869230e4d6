package foresto.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (ended by {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader} does) of at most
 * {@link #MAX_LINE_CHARS} characters: a longer line (a binary file, {@code /dev/zero}) is refused as soon as the
 * limit is passed, so memory stays bounded whatever the input.
 */
final class BoundedLines {
    /** 1 MiB of characters: far beyond any real CSV row, far below what would strain the heap. */
    static final int MAX_LINE_CHARS = 1 << 20;

    /** A line longer than the limit. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("line longer than " + MAX_LINE_CHARS + " characters");
        }
    }

    private final Reader in;
    private final int max;
    private final char[] buf = new char[16_384];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int len;
    private boolean skipLf;

    BoundedLines(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its terminator, or null at the end; {@link TooLong} past the limit. */
    String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? line.toString() : null;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            if (line.length() + (pos - start) > max) {
                throw new TooLong();
            }
            line.append(buf, start, pos - start);
            if (pos < len) {
                skipLf = buf[pos] == '\r';
                pos++;
                return line.toString();
            }
        }
    }
}
