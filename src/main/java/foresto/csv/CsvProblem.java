package foresto.csv;

/** One thing wrong with a CSV file, with where it is (1-based line and column; column 0 = whole line). */
public record CsvProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
