package foresto.model;

import java.time.LocalDate;
import java.util.Locale;

/** A market dataset's header row (the returns are loaded separately). */
public record DatasetRecord(long datasetId, String name, String description, String source, boolean synthetic,
                            String fingerprint, LocalDate firstDate, LocalDate lastDate, int rowCount) {
    /** The name as shown to people: synthetic data always says so. */
    public String label() {
        return synthetic && !name.toUpperCase(Locale.ROOT).contains("SYNTHETIC") ? name + " (SYNTHETIC)" : name;
    }

    @Override
    public String toString() {
        return label();
    }
}
