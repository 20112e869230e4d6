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
 * into {@link MarketData}. Everything is validated before anything is returned; problems are reported with
 * file, line and column, up to {@link #MAX_PROBLEMS}. Columns are asset-class codes, or other headers
 * mapped to codes ({@code US_EQUITY_SP500=EQUITY}); mapping a header to {@code -} ignores that column.
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

    public MarketData read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "no such file: " + file);
        } catch (MalformedInputException e) {
            throw new CsvValidationException(ErrorCode.INVALID_CSV,
                    List.of(new CsvProblem(file.toString(), 0, 0, "not UTF-8 text")), false);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.INVALID_REQUEST, "cannot read " + file + ": " + e.getMessage());
        }
    }

    public MarketData read(String name, Reader reader) throws IOException {
        Problems problems = new Problems(name);
        BoundedLines in = new BoundedLines(reader);
        int[] at = {1};
        try {
            return read(in, problems, at);
        } catch (BoundedLines.TooLong e) {
            problems.add(at[0], 0, "the line is longer than " + BoundedLines.MAX_LINE_CHARS
                    + " characters (1 MiB); this is not a market-data CSV");
            throw problems.exception();
        }
    }

    private MarketData read(BoundedLines in, Problems problems, int[] at) throws IOException {
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
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<LocalDate, Integer> seenOn = new HashMap<>();
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
            double[] values = new double[width - 1];
            for (int i = 1; i < width; i++) {
                values[i - 1] = target[i] < 0 ? Double.NaN : parseValue(cells.get(i).trim(), lineNo, i + 1, problems);
            }
            if (date == null) {
                continue;
            }
            Integer dup = seenOn.putIfAbsent(date, lineNo);
            if (dup != null) {
                problems.add(lineNo, 1, "duplicate date " + date + " (first on line " + dup + ")");
                continue;
            }
            if (previous != null && date.isBefore(previous)) {
                problems.add(lineNo, 1, "dates not ascending: " + date + " comes after " + previous);
                continue;
            }
            previous = date;
            dates.add(date);
            rows.add(values);
        }
        if (!problems.any() && dates.isEmpty()) {
            problems.add(lineNo, 0, "the file has a header but no data rows");
        }
        if (problems.any()) {
            throw problems.exception();
        }
        return toMarketData(dates, rows, target);
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

    private MarketData toMarketData(List<LocalDate> dates, List<double[]> rows, int[] target) {
        int n = dates.size();
        double[][] cols = new double[AssetClass.COUNT][];
        for (int i = 1; i < target.length; i++) {
            if (target[i] < 0) {
                continue;
            }
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = rows.get(r)[i - 1];
            }
            cols[target[i]] = kind == Kind.PRICES ? pricesToReturns(col) : col;
        }
        return MarketData.of(dates.toArray(LocalDate[]::new), cols);
    }

    /** Close-to-close returns; a missing price gives a missing return and the next return spans the gap. */
    static double[] pricesToReturns(double[] prices) {
        double[] r = new double[prices.length];
        Arrays.fill(r, Double.NaN);
        double last = Double.NaN;
        for (int i = 0; i < prices.length; i++) {
            if (Double.isNaN(prices[i])) {
                continue;
            }
            if (!Double.isNaN(last)) {
                r[i] = prices[i] / last - 1;
            }
            last = prices[i];
        }
        return r;
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
