package foresto.csv;

import foresto.engine.AssetClass;
import foresto.engine.EngineException;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a daily market-data CSV ({@code date,<col>,...}, one row per date ascending, empty cell = missing)
 * into {@link MarketData}, or row by row into a {@link RowSink} ({@link #stream}). Everything is validated
 * before anything is returned; problems are reported with file, line and column, up to {@link #MAX_PROBLEMS}.
 * Columns are asset-class codes, or other headers mapped to codes ({@code US_EQUITY_SP500=EQUITY}); mapping a header to {@code -} ignores that column.
 */
public final class MarketCsvReader {
    public static final int MAX_PROBLEMS = 50;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Whether the cells are simple daily returns or price levels (converted to close-to-close returns). */
    public enum Kind {
        RETURNS, PRICES;

        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST, "kind must be returns or prices, got '" + s + "'");
            }
        }
    }

    private final Map<String, String> columnMapping;
    private final Kind kind;

    public MarketCsvReader(Map<String, String> columnMapping, Kind kind) {
        this.columnMapping = Map.copyOf(columnMapping);
        this.kind = kind;
    }

    /** Parses {@code SRC=CODE,SRC2=CODE2} (the CLI's --columns form). */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> m = new HashMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ForestoException(ErrorCode.INVALID_REQUEST,
                        "--columns takes SRC=CODE pairs separated by commas, got '" + part + "'");
            }
            m.put(kv[0].trim(), kv[1].trim());
        }
        return m;
    }

    /**
     * Receives the rows of a valid file one at a time, in date order, as long as no problem was found: a caller
     * that stores them must still discard them when the read ends with an exception.
     */
    @FunctionalInterface
    public interface RowSink {
        /** @param values the row's returns, {@code values[k]} for {@code columns[k]}; NaN where missing */
        void row(LocalDate date, AssetClass[] columns, double[] values);
    }

    /**
     * What a streamed read saw, once all of it is valid.
     *
     * @param columns   the asset classes read, in {@link AssetClass} order
     * @param epochDays the dates, ascending, as {@link LocalDate#toEpochDay()}
     */
    public record Summary(List<AssetClass> columns, long[] epochDays) {
        public int rows() {
            return epochDays.length;
        }

        public LocalDate firstDate() {
            return LocalDate.ofEpochDay(epochDays[0]);
        }

        public LocalDate lastDate() {
            return LocalDate.ofEpochDay(epochDays[epochDays.length - 1]);
        }

        public LocalDate[] dates() {
            LocalDate[] d = new LocalDate[epochDays.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = LocalDate.ofEpochDay(epochDays[i]);
            }
            return d;
        }
    }

    public MarketData read(Path file) {
        Collected rows = new Collected();
        return rows.toMarketData(stream(file, rows));
    }

    public MarketData read(String name, Reader reader) throws IOException {
        Collected rows = new Collected();
        return rows.toMarketData(stream(name, reader, rows));
    }

    /**
     * Reads and validates the file as {@link #read(Path)} does, with the same problems, but hands each row to
     * {@code sink} instead of keeping it: memory does not grow with the values, only by a few bytes per date.
     */
    public Summary stream(Path file, RowSink sink) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return stream(file.toString(), in, sink);
        } catch (NoSuchFileException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "no such file: " + file);
        } catch (MalformedInputException e) {
            throw new CsvValidationException(ErrorCode.INVALID_CSV,
                    List.of(new CsvProblem(file.toString(), 0, 0, "not UTF-8 text")), false);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "cannot read " + file + ": " + e.getMessage());
        }
    }

    public Summary stream(String name, Reader reader, RowSink sink) throws IOException {
        Problems problems = new Problems(name);
        BoundedLines in = new BoundedLines(reader);
        int[] at = {1};
        try {
            return read(in, problems, at, sink);
        } catch (BoundedLines.TooLong e) {
            problems.add(at[0], 0, "the line is longer than " + BoundedLines.MAX_LINE_CHARS
                    + " characters (1 MiB); this is not a market-data CSV");
            throw problems.exception();
        }
    }

    private Summary read(BoundedLines in, Problems problems, int[] at, RowSink sink) throws IOException {
        String header = in.readLine();
        if (header == null) {
            problems.add(1, 0, "the file is empty");
            throw problems.exception();
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> head = CsvLines.split(header);
        int[] target = headerTargets(head, problems);
        if (problems.any()) {
            throw problems.exception();
        }
        int width = head.size();
        Columns columns = new Columns(target, kind);
        SeenDates seen = new SeenDates();
        LocalDate previous = null;
        String line;
        int lineNo = 1;
        while (!problems.full()) {
            at[0] = lineNo + 1;
            line = in.readLine();
            if (line == null) {
                break;
            }
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = CsvLines.split(line);
            if (cells == null) {
                problems.add(lineNo, 0, "a quote is not closed");
                continue;
            }
            if (cells.size() != width) {
                problems.add(lineNo, 0, "expected " + width + " cells like the header, found " + cells.size());
                continue;
            }
            LocalDate date = parseDate(cells.get(0).trim(), lineNo, problems);
            double[] values = columns.values;
            for (int i = 1; i < width; i++) {
                int k = columns.slot[i];
                double v = target[i] < 0 ? Double.NaN : parseValue(cells.get(i).trim(), lineNo, i + 1, problems);
                if (k >= 0) {
                    values[k] = v;
                }
            }
            if (date == null) {
                continue;
            }
            int dup = seen.firstLineOf(date, lineNo);
            if (dup != 0) {
                problems.add(lineNo, 1, "duplicate date " + date + " (first on line " + dup + ")");
                continue;
            }
            if (previous != null && date.isBefore(previous)) {
                seen.outOfOrder(date, lineNo);
                problems.add(lineNo, 1, "dates not ascending: " + date + " comes after " + previous);
                continue;
            }
            seen.accepted(date, lineNo);
            previous = date;
            if (!problems.any()) {
                columns.toReturns(date);
                sink.row(date, columns.classes, values);
            }
        }
        if (!problems.any() && seen.acceptedCount() == 0) {
            problems.add(lineNo, 0, "the file has a header but no data rows");
        }
        if (problems.any()) {
            throw problems.exception();
        }
        columns.checkReturns();
        return new Summary(List.of(columns.classes), seen.acceptedDays());
    }

    private int[] headerTargets(List<String> head, Problems problems) {
        int[] target = new int[head == null ? 0 : head.size()];
        if (head == null) {
            problems.add(1, 0, "a quote is not closed in the header");
            return target;
        }
        if (!head.get(0).trim().equalsIgnoreCase("date")) {
            problems.add(1, 1, "the first column must be 'date', found '" + head.get(0) + "'");
        }
        boolean[] used = new boolean[AssetClass.COUNT];
        int columns = 0;
        for (int i = 1; i < head.size(); i++) {
            String h = head.get(i).trim();
            String code = columnMapping.getOrDefault(h, h);
            if (code.equals("-") || code.equalsIgnoreCase("IGNORE")) {
                target[i] = -1;
                continue;
            }
            try {
                AssetClass c = AssetClass.parse(code);
                if (used[c.ordinal()]) {
                    problems.add(1, i + 1, "asset class " + c + " appears in two columns");
                }
                used[c.ordinal()] = true;
                target[i] = c.ordinal();
                columns++;
            } catch (EngineException e) {
                problems.add(1, i + 1, "unknown asset class '" + h + "' (use a standard code: EQUITY, BOND, "
                        + "SHORT_TERM, GOLD, OTHER, or map it with --columns " + h + "=CODE, or " + h + "=- to ignore it)");
            }
        }
        for (String src : columnMapping.keySet()) {
            if (!head.subList(1, head.size()).stream().map(String::trim).toList().contains(src)) {
                problems.add(1, 0, "--columns names '" + src + "', which is not a column of the file");
            }
        }
        if (columns == 0 && !problems.any()) {
            problems.add(1, 0, "no asset-class column (header: " + String.join(",", head) + ")");
        }
        return target;
    }

    private static LocalDate parseDate(String cell, int line, Problems problems) {
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            problems.add(line, 1, "not a date (YYYY-MM-DD): '" + cell + "'");
            return null;
        }
    }

    /** Prices outside this range cannot be real closes; their ratios could also leave the double range. */
    static final double MIN_PRICE = 1e-9;
    static final double MAX_PRICE = 1e12;

    private double parseValue(String cell, int line, int column, Problems problems) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        if (!NUMBER.matcher(cell).matches()) {
            problems.add(line, column, "not a number: '" + cell + "'");
            return Double.NaN;
        }
        double v = Double.parseDouble(cell);
        if (kind == Kind.RETURNS && !(v > -1 && v <= MarketData.MAX_DAILY_RETURN)) {
            problems.add(line, column, "a daily return must be > -1 and ≤ 10 (+1000 %), got " + cell);
        } else if (kind == Kind.PRICES && !(v >= MIN_PRICE && v <= MAX_PRICE)) {
            problems.add(line, column, "a price must be from 1e-9 to 1e12, got " + cell);
        }
        return v;
    }

    /**
     * The asset-class columns of one file, in {@link AssetClass} order, and the row being read: prices become
     * close-to-close returns as the rows pass (a missing price gives a missing return and the next return spans the gap), and the
     * first return outside what {@link MarketData} admits is remembered per column, to be refused as it would.
     */
    private static final class Columns {
        final AssetClass[] classes;
        final int[] slot;
        final double[] values;
        private final boolean prices;
        private final double[] lastPrice;
        private final LocalDate[] badOn;
        private final double[] bad;

        Columns(int[] target, Kind kind) {
            boolean[] present = new boolean[AssetClass.COUNT];
            for (int i = 1; i < target.length; i++) {
                if (target[i] >= 0) {
                    present[target[i]] = true;
                }
            }
            List<AssetClass> in = new ArrayList<>();
            int[] slotOf = new int[AssetClass.COUNT];
            for (AssetClass c : AssetClass.values()) {
                if (present[c.ordinal()]) {
                    slotOf[c.ordinal()] = in.size();
                    in.add(c);
                }
            }
            classes = in.toArray(AssetClass[]::new);
            slot = new int[target.length];
            for (int i = 0; i < target.length; i++) {
                slot[i] = i == 0 || target[i] < 0 ? -1 : slotOf[target[i]];
            }
            values = new double[classes.length];
            prices = kind == Kind.PRICES;
            lastPrice = new double[classes.length];
            Arrays.fill(lastPrice, Double.NaN);
            badOn = new LocalDate[classes.length];
            bad = new double[classes.length];
        }

        void toReturns(LocalDate date) {
            if (!prices) {
                return;
            }
            for (int k = 0; k < values.length; k++) {
                double p = values[k];
                if (Double.isNaN(p)) {
                    continue;
                }
                double r = Double.isNaN(lastPrice[k]) ? Double.NaN : p / lastPrice[k] - 1;
                lastPrice[k] = p;
                values[k] = r;
                if (!Double.isNaN(r) && !(r > -1 && r <= MarketData.MAX_DAILY_RETURN) && badOn[k] == null) {
                    badOn[k] = date;
                    bad[k] = r;
                }
            }
        }

        /** Refuses, as {@link MarketData#of} does, the first return out of range in the first such column. */
        void checkReturns() {
            for (int k = 0; k < classes.length; k++) {
                if (badOn[k] != null) {
                    throw new EngineException(EngineException.Kind.INVALID_DATA, "return of " + classes[k]
                            + " on " + badOn[k] + " must be > -1 and ≤ 10 (+1000 %), got " + bad[k]);
                }
            }
        }
    }

    /**
     * The dates seen so far and the line each was first on. Accepted dates ascend, so they are kept as two
     * growing primitive arrays and found by binary search; the few dates out of order (each one a problem, so
     * at most {@link #MAX_PROBLEMS}) go to a small map.
     */
    private static final class SeenDates {
        private long[] days = new long[1024];
        private int[] lines = new int[1024];
        private int n;
        private final Map<LocalDate, Integer> outOfOrder = new HashMap<>();

        /** The line {@code date} was first seen on, or 0 when it is new. */
        int firstLineOf(LocalDate date, int line) {
            Integer other = outOfOrder.get(date);
            if (other != null) {
                return other;
            }
            int at = Arrays.binarySearch(days, 0, n, date.toEpochDay());
            return at >= 0 ? lines[at] : 0;
        }

        void outOfOrder(LocalDate date, int line) {
            outOfOrder.put(date, line);
        }

        void accepted(LocalDate date, int line) {
            if (n == days.length) {
                days = Arrays.copyOf(days, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
            }
            days[n] = date.toEpochDay();
            lines[n] = line;
            n++;
        }

        int acceptedCount() {
            return n;
        }

        long[] acceptedDays() {
            return Arrays.copyOf(days, n);
        }
    }

    /** Keeps every row, for a caller that wants the whole {@link MarketData}. */
    private static final class Collected implements RowSink {
        private final List<double[]> rows = new ArrayList<>();

        @Override
        public void row(LocalDate date, AssetClass[] columns, double[] values) {
            rows.add(values.clone());
        }

        MarketData toMarketData(Summary summary) {
            int n = summary.rows();
            double[][] cols = new double[AssetClass.COUNT][];
            List<AssetClass> classes = summary.columns();
            for (int k = 0; k < classes.size(); k++) {
                double[] col = new double[n];
                for (int r = 0; r < n; r++) {
                    col[r] = rows.get(r)[k];
                }
                cols[classes.get(k).ordinal()] = col;
            }
            return MarketData.of(summary.dates(), cols);
        }
    }

    /** Collects problems up to the limit. */
    private static final class Problems {
        private final String file;
        private final List<CsvProblem> list = new ArrayList<>();
        private boolean truncated;

        Problems(String file) {
            this.file = file;
        }

        void add(int line, int column, String message) {
            if (list.size() < MAX_PROBLEMS) {
                list.add(new CsvProblem(file, line, column, message));
            } else {
                truncated = true;
            }
        }

        boolean any() {
            return !list.isEmpty();
        }

        boolean full() {
            return list.size() >= MAX_PROBLEMS;
        }

        CsvValidationException exception() {
            return new CsvValidationException(ErrorCode.INVALID_CSV, list, truncated || full());
        }
    }
}
