package foresto.csv;

import foresto.engine.AssetClass;
import foresto.engine.MarketData;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset as a returns CSV that {@code import-returns} and {@code simulate --returns} read back bit for bit:
 * {@code date,<codes>…}, each value the shortest decimal that round-trips the double, missing values empty.
 */
public final class ReturnsTable {
    private ReturnsTable() {
    }

    public static void write(Path file, MarketData data) {
        List<AssetClass> cols = data.columns();
        List<String> header = new ArrayList<>();
        header.add("date");
        cols.forEach(c -> header.add(c.name()));
        List<List<String>> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            List<String> row = new ArrayList<>(cols.size() + 1);
            row.add(data.date(i).toString());
            for (AssetClass c : cols) {
                double r = data.returnOf(c, i);
                row.add(Double.isNaN(r) ? "" : Double.toString(r));
            }
            rows.add(row);
        }
        try {
            CsvWriter.write(file, header, rows);
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
