package foresto.ui.main;

import foresto.engine.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Summary in the screen's number forms, worked by hand. */
class SummaryRowTest {
    @Test
    void moneyHasTwoDecimalsFractionsArePercentagesAndDifferencesArePoints() {
        Metrics off = new Metrics(33030.3647, 2.3030, 0.0849, 0.1234, -0.2950, 0, 0, 0);
        Metrics on = new Metrics(34512.004, 2.4512, 0.0871, 0.1201, -0.2712, 1922, 12.5, 161.2345);
        Map<String, SummaryRow> rows = SummaryRow.of(off, on).stream()
                .collect(Collectors.toMap(SummaryRow::metric, r -> r));
        assertThat(rows.get("Final value")).isEqualTo(new SummaryRow("Final value", "33,030.36", "34,512.00", "+1,481.64"));
        assertThat(rows.get("CAGR")).isEqualTo(new SummaryRow("CAGR", "8.49 %", "8.71 %", "+0.22 %p"));
        assertThat(rows.get("Events")).isEqualTo(new SummaryRow("Events", "0", "1,922", "+1,922"));
        assertThat(rows.get("Total cost")).isEqualTo(new SummaryRow("Total cost", "0.00", "161.23", "+161.23"));
        assertThat(rows.get("Total turnover").on()).isEqualTo("1,250.00 %");
        // an OFF-only run: no ON column, no difference
        List<SummaryRow> offOnly = SummaryRow.of(off, null);
        assertThat(offOnly.get(0)).isEqualTo(new SummaryRow("Final value", "33,030.36", "—", "—"));
    }

    /** A run with cash flows labels its total return as the time-weighted one; the figures and other rows stay. */
    @Test
    void withCashFlowsTheTotalReturnRowSaysItIsTimeWeighted() {
        List<SummaryRow> rows = List.of(new SummaryRow("Final value", "1.00", "2.00", "+1.00"),
                new SummaryRow("Total return", "197.20 %", "202.47 %", "+5.27 %p"));
        assertThat(SummaryRow.timeWeighted(rows)).containsExactly(new SummaryRow("Final value", "1.00", "2.00", "+1.00"),
                new SummaryRow("Total return (time-weighted)", "197.20 %", "202.47 %", "+5.27 %p"));
    }
}
