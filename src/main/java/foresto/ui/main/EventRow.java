package foresto.ui.main;

import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the events table: the event, its index in the run's events, and its cells' texts (the CSV's columns,
 * numbers rounded, weights as percentages). The texts are made when first asked for, once: a run's table formats only
 * the rows it shows (formatting all of a monthly rule's 359 events up front took ~0.1–0.2 s, cold, before the run
 * reached the screen). FX thread (or one thread at a time).
 */
public final class EventRow {
    private final int index;
    private final RebalancingEvent event;
    private List<String> cells;

    private EventRow(int index, RebalancingEvent event) {
        this.index = index;
        this.event = event;
    }

    /** The row of {@code event}, the {@code index}-th of its run. */
    public static EventRow of(int index, RebalancingEvent event) {
        return new EventRow(index, event);
    }

    /** The event's index in its run's events. */
    public int index() {
        return index;
    }

    public RebalancingEvent event() {
        return event;
    }

    /** The cells' texts, in {@link EventTable#COLUMNS}' order. */
    public List<String> cells() {
        if (cells == null) {
            cells = EventTable.COLUMNS.stream().map(c -> text(c, event)).toList();
        }
        return cells;
    }

    /** The text of the {@code k}-th column. */
    public String cell(int k) {
        return cells().get(k);
    }

    /** Whether the column with this CSV header holds a number (right-aligned, sorted by value). */
    static boolean isNumeric(String header) {
        return header.equals("turnover") || header.startsWith("cost") || header.startsWith("value");
    }

    /** Same columns as the CSV; numbers shown rounded, weights as percentages. */
    static String text(EventTable.Column c, RebalancingEvent e) {
        return switch (c.header()) {
            case "turnover" -> String.format(Locale.ROOT, "%.4f%%", e.turnover() * 100);
            case "cost_amount" -> String.format(Locale.ROOT, "%,.6f", e.costAmount());
            case "value_before" -> String.format(Locale.ROOT, "%,.4f", e.valueBefore());
            case "value_after" -> String.format(Locale.ROOT, "%,.4f", e.valueAfter());
            case "before_weights" -> percentMap(e.beforeWeights());
            case "after_weights" -> percentMap(e.afterWeights());
            default -> c.raw().apply(e);
        };
    }

    private static String percentMap(Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "  ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.2f%%", v * 100)));
        return sb.toString();
    }
}
