package foresto.csv;

import foresto.engine.AssetClass;
import foresto.engine.BaseDayPolicy;
import foresto.engine.CheckFrequency;
import foresto.engine.RebalancingEvent;
import foresto.engine.TriggerDetail;
import foresto.error.ErrorCode;
import foresto.error.ForestoException;
import foresto.text.PlainNumber;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of the event table, shared by the desktop table, the app's "Export CSV…" and the
 * {@code export-events} command, so all three always agree. Exported values are full precision.
 *
 * <p>The file has {@link #COLUMNS} and then, for scripts and spreadsheets, one column per asset class for the weights
 * before and after ({@link #CLASS_HEADERS}: {@code weight_before_EQUITY} … {@code weight_after_OTHER}, every class in
 * code order whatever the portfolio, so the header is the same for every run; a class the portfolio does not hold is
 * empty). The packed {@code before_weights} and {@code after_weights} stay where they were for existing scripts.
 */
public final class EventTable {
    /** A column: its header and how to render an event's raw value. */
    public record Column(String header, String title, Function<RebalancingEvent, String> raw) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("event_date", "Date", e -> e.eventDate().toString()),
            new Column("trigger_type", "Trigger", e -> e.triggerType().name()),
            new Column("trigger_detail", "Why it fired", EventTable::why),
            new Column("band_kind", "Band", e -> e.triggerDetail().match(p -> "", d -> d.band().name())),
            new Column("breached_asset_class", "Breached", e -> e.triggerDetail().match(p -> "",
                    d -> d.breachedAssetClass().name())),
            new Column("turnover", "Turnover", e -> Double.toString(e.turnover())),
            new Column("cost_rate", "Cost rate", e -> Double.toString(e.costRate())),
            new Column("cost_amount", "Cost", e -> Double.toString(e.costAmount())),
            new Column("value_before", "Value before", e -> Double.toString(e.valueBefore())),
            new Column("value_after", "Value after", e -> Double.toString(e.valueAfter())),
            new Column("before_weights", "Before weights", e -> weights(e.beforeWeights())),
            new Column("after_weights", "After weights", e -> weights(e.afterWeights())));

    /** The per-class weight columns after {@link #COLUMNS}: every class's weight before, then every class's after. */
    public static final List<String> CLASS_HEADERS = classHeaders();

    private EventTable() {
    }

    private static List<String> classHeaders() {
        List<String> h = new ArrayList<>();
        for (String side : List.of("before", "after")) {
            for (AssetClass c : AssetClass.values()) {
                h.add("weight_" + side + "_" + c.name());
            }
        }
        return List.copyOf(h);
    }

    /** The file's header: {@link #COLUMNS}' headers, then {@link #CLASS_HEADERS}. */
    public static List<String> headers() {
        List<String> h = new ArrayList<>(COLUMNS.stream().map(Column::header).toList());
        h.addAll(CLASS_HEADERS);
        return h;
    }

    /** One event's line of the file, in {@link #headers()}' order. */
    public static List<String> row(RebalancingEvent e) {
        List<String> r = new ArrayList<>(COLUMNS.size() + CLASS_HEADERS.size());
        for (Column c : COLUMNS) {
            r.add(c.raw().apply(e));
        }
        for (Map<String, Double> w : List.of(e.beforeWeights(), e.afterWeights())) {
            for (AssetClass c : AssetClass.values()) {
                Double v = w.get(c.name());
                r.add(v == null ? "" : Double.toString(v));
            }
        }
        return r;
    }

    /** Writes the table; a failure to write (disk full, no permission) is ours to report: WRITE_FAILED. */
    public static void export(Path file, List<RebalancingEvent> events) {
        try {
            CsvWriter.write(file, headers(), events.stream().map(EventTable::row).toList());
        } catch (IOException e) {
            throw new ForestoException(ErrorCode.WRITE_FAILED, "cannot write " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** A person's explanation of the trigger, with Korean class names (e.g. "EQUITY(주식) +5.21%p ≥ band 5%p"). */
    public static String why(RebalancingEvent e) {
        return e.triggerDetail().match(EventTable::why, EventTable::why);
    }

    private static String why(TriggerDetail.Periodic p) {
        String period = switch (p.frequency()) {
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case SEMIANNUAL -> "half-year";
            case ANNUAL -> "year";
        };
        return (p.baseDayPolicy() == BaseDayPolicy.FIRST_TRADING_DAY ? "first" : "last")
                + " trading day of the " + period + " (" + p.frequency() + ", " + p.baseDayPolicy() + ")";
    }

    private static String why(TriggerDetail.Drift d) {
        AssetClass c = d.breachedAssetClass();
        double signed = d.drifts().get(c.name());
        double band = d.bands() != null ? d.bands().get(c.name()) : d.threshold();
        return String.format(Locale.ROOT, "%s(%s) drifted %+.2f%%p, |drift| %.4f ≥ %s band %s", c.name(), c.koreanName(),
                signed * 100, Math.abs(signed), d.band(), PlainNumber.of(band))
                + (d.checkFrequency() == null || d.checkFrequency() == CheckFrequency.DAILY ? ""
                : ", checked " + d.checkFrequency().name().toLowerCase(Locale.ROOT))
                + (d.rebalanceTo() == null || d.rebalanceTo() == 0 ? "" : ", traded to " + PlainNumber.of(d.rebalanceTo()) + " of the band");
    }


    /** "BOND=0.3; EQUITY=0.6; SHORT_TERM=0.1" in code order, full precision. */
    public static String weights(Map<String, Double> w) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : w.entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
