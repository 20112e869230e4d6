package foresto.ui.main;

import foresto.ui.common.AssetClassText;
import foresto.csv.EventTable;
import foresto.engine.RebalancingEvent;
import foresto.text.DisplayNumber;

import java.util.List;
import java.util.Map;

/**
 * One row of the events table: the event, its index in the run's events, its numbers (sorted as numbers) and its
 * cells' texts (the CSV's columns in the screen's number forms, {@link DisplayNumber}: money with two decimals,
 * turnover and weights as percentages, the cost rate as an exact percentage). The texts are made when first asked for, once: a run's table formats only
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

    /** The number in the column with this (numeric) CSV header, as the engine computed it. */
    static double number(String header, RebalancingEvent e) {
        return switch (header) {
            case "turnover" -> e.turnover();
            case "cost_rate" -> e.costRate();
            case "cost_amount" -> e.costAmount();
            case "value_before" -> e.valueBefore();
            case "value_after" -> e.valueAfter();
            default -> throw new IllegalArgumentException("not a numeric column: " + header);
        };
    }

    /** Same columns as the CSV; money with two decimals, turnover and weights as percentages, the trigger in the app's language. */
    static String text(EventTable.Column c, RebalancingEvent e) {
        if (isNumeric(c.header())) {
            return numberText(c.header(), number(c.header(), e));
        }
        return switch (c.header()) {
            case "before_weights" -> percentMap(e.beforeWeights());
            case "after_weights" -> percentMap(e.afterWeights());
            case "trigger_type" -> WhyText.trigger(e);
            case "trigger_detail" -> WhyText.of(e);
            case "band_kind" -> WhyText.band(e);
            case "breached_asset_class" -> AssetClassText.of(c.raw().apply(e));
            default -> c.raw().apply(e);
        };
    }

    /** How the numeric column with this CSV header shows {@code v}. */
    static String numberText(String header, double v) {
        return switch (header) {
            case "turnover" -> DisplayNumber.percent(v);
            case "cost_rate" -> DisplayNumber.rate(v);
            default -> DisplayNumber.money(v); // the cost and the values
        };
    }

    private static String percentMap(Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        AssetClassText.inStandardOrder(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "  ").append(AssetClassText.of(k)).append(' ')
                .append(DisplayNumber.percent(v)));
        return sb.toString();
    }
}
