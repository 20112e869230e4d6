package foresto.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import foresto.csv.CsvWriter;
import foresto.engine.BaseDayPolicy;
import foresto.json.Json;
import foresto.text.PlainNumber;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The study as JSON (figures as fractions, like every other JSON answer), as CSV (one row per column, through the
 * shared Excel-safe writer) and as a text table for a person; the same words the desktop view shows.
 */
public final class StudyOutput {
    /** The four figures: JSON key, label, and how a person reads one. */
    public enum Figure {
        AVG_EQUITY("avg_equity", "Average equity weight", Figures::avgEquity, Within::avgEquity),
        EVENTS("events", "Rebalancing events", f -> (double) f.events(), Within::events),
        CAGR("cagr", "Annualised return (CAGR)", Figures::cagr, Within::cagr),
        VOLATILITY("volatility", "Annualised volatility (f = 12)", Figures::volatility, Within::volatility);

        private final String key;
        private final String label;
        private final Function<Figures, Double> value;
        private final Function<Within, Boolean> within;

        Figure(String key, String label, Function<Figures, Double> value, Function<Within, Boolean> within) {
            this.key = key;
            this.label = label;
            this.value = value;
            this.within = within;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public double of(Figures f) {
            return value.apply(f);
        }

        public boolean of(Within w) {
            return within.apply(w);
        }

        /** A person's form: a count, or a percentage with one decimal more than published (60.14 %). */
        public String format(double v) {
            return this == EVENTS ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f %%", v * 100);
        }

        /** The published figure as printed in the paper (60.1 %, 1008). */
        public String formatPublished(double v) {
            return this == EVENTS ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f %%", v * 100);
        }
    }

    private StudyOutput() {
    }

    /** "first" or "last", the command line's word. */
    public static String baseDayWord(BaseDayPolicy p) {
        return p == BaseDayPolicy.LAST_TRADING_DAY ? "last" : "first";
    }

    /**
     * {@code {"base_day", "cells": [{"column", "avg_equity", "events", "cagr", "volatility", "published": {…},
     * "within": {…}}], "within_count", "total"}}.
     */
    public static ObjectNode json(StudyResult r) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("base_day", baseDayWord(r.baseDay()));
        ArrayNode cells = out.putArray("cells");
        for (StudyCell c : r.cells()) {
            ObjectNode cell = cells.addObject();
            cell.put("column", c.column());
            putFigures(cell, c.ours());
            putFigures(cell.putObject("published"), c.published());
            ObjectNode within = cell.putObject("within");
            for (Figure f : Figure.values()) {
                within.put(f.key(), f.of(c.within()));
            }
        }
        out.put("within_count", r.withinCount());
        out.put("total", r.total());
        return out;
    }

    private static void putFigures(ObjectNode node, Figures f) {
        node.put("avg_equity", f.avgEquity());
        node.put("events", f.events());
        node.put("cagr", f.cagr());
        node.put("volatility", f.volatility());
    }

    /** The CSV's header: the column, ours, published and within for each figure. */
    public static List<String> csvHeader() {
        List<String> h = new ArrayList<>(List.of("column"));
        for (Figure f : Figure.values()) {
            h.add(f.key());
        }
        for (Figure f : Figure.values()) {
            h.add("published_" + f.key());
        }
        for (Figure f : Figure.values()) {
            h.add("within_" + f.key());
        }
        h.add("base_day");
        return h;
    }

    /** One row per column, figures as plain fractions. */
    public static List<List<String>> csvRows(StudyResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyCell c : r.cells()) {
            List<String> row = new ArrayList<>(List.of(c.column()));
            for (Figure f : Figure.values()) {
                row.add(number(f, f.of(c.ours())));
            }
            for (Figure f : Figure.values()) {
                row.add(number(f, f.of(c.published())));
            }
            for (Figure f : Figure.values()) {
                row.add(Boolean.toString(f.of(c.within())));
            }
            row.add(baseDayWord(r.baseDay()));
            rows.add(row);
        }
        return rows;
    }

    private static String number(Figure f, double v) {
        return f == Figure.EVENTS ? Long.toString(Math.round(v)) : PlainNumber.of(v);
    }

    public static void writeCsv(Path file, StudyResult r) throws IOException {
        CsvWriter.write(file, csvHeader(), csvRows(r));
    }

    /**
     * The table for a terminal: per figure a line of ours, one of the published and one of within / OUTSIDE under
     * the eleven columns; then the count, the tolerances and the note.
     */
    public static String text(StudyResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Vanguard2010.TITLE).append(", base day ").append(baseDayWord(r.baseDay()).toUpperCase(Locale.ROOT))
                .append('\n');
        String rowFormat = "%-34s";
        String cellFormat = "%9s";
        sb.append(String.format(Locale.ROOT, rowFormat, ""));
        for (StudyCell c : r.cells()) {
            sb.append(String.format(Locale.ROOT, cellFormat, c.column()));
        }
        sb.append('\n');
        for (Figure f : Figure.values()) {
            sb.append(String.format(Locale.ROOT, rowFormat, f.label() + ", ours"));
            for (StudyCell c : r.cells()) {
                sb.append(String.format(Locale.ROOT, cellFormat, f.format(f.of(c.ours()))));
            }
            sb.append('\n').append(String.format(Locale.ROOT, rowFormat, "  published"));
            for (StudyCell c : r.cells()) {
                sb.append(String.format(Locale.ROOT, cellFormat, f.formatPublished(f.of(c.published()))));
            }
            sb.append('\n').append(String.format(Locale.ROOT, rowFormat, "  within tolerance"));
            for (StudyCell c : r.cells()) {
                sb.append(String.format(Locale.ROOT, cellFormat, f.of(c.within()) ? "yes" : "OUTSIDE"));
            }
            sb.append('\n');
        }
        sb.append(r.countText()).append(" (").append(Vanguard2010.TOLERANCES).append(").\n");
        sb.append(Vanguard2010.NOTE).append('\n');
        return sb.toString();
    }
}
