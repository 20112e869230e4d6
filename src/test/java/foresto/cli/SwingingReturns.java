package foresto.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A returns CSV for the robustness command tests: every weekday from {@code from} to {@code to}, equity (column
 * SP500) swinging +1.5 % / −1.3 % in runs of three days, bonds (UST10Y) drifting up 0.07 % a day with a −0.2 % day in
 * every five, so calendar and band rules trade and the premiums change sign.
 */
final class SwingingReturns {
    static final String COLUMNS = "SP500=EQUITY,UST10Y=BOND";
    static final String WEIGHTS = "EQUITY=0.6,BOND=0.4";

    private SwingingReturns() {
    }

    static Path write(Path dir, LocalDate from, LocalDate to) throws IOException {
        StringBuilder sb = new StringBuilder("date,SP500,UST10Y\n");
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            sb.append(d).append(',').append((i / 3) % 2 == 0 ? "0.015" : "-0.013").append(',')
                    .append(i % 5 == 0 ? "-0.002" : "0.0007").append('\n');
            i++;
        }
        Path returns = dir.resolve("r.csv");
        Files.writeString(returns, sb.toString());
        return returns;
    }
}
