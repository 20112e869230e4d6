package foresto.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The calendar around the close being evaluated: the previous trading date (null at the purchase close)
 * and the next one (null at the dataset's last date; it may lie beyond the run's end date).
 */
public record StepContext(LocalDate date, LocalDate previousDate, LocalDate nextDate) {
    public StepContext {
        Objects.requireNonNull(date, "date");
    }
}
