package foresto.ui;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.engine.RebalancingRule;
import foresto.model.RunRecord;
import foresto.model.RunRequestInfo;
import foresto.ui.common.RuleText;
import foresto.ui.main.RunChoices;
import foresto.ui.main.RunModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a saved chart picture says above its plot: the chart's title as the screen shows it, and for a chart of the
 * Analysis tab the shown run's context (portfolio, rule, dataset, window), so a picture read later tells what it
 * shows. The title is the nearest visible heading (style class {@code title-4}) around the chart, else the text of
 * the tab the chart is in. Only the saved image carries it; the screen is unchanged.
 */
final class ChartCaption {
    /** The style class of a chart's heading. */
    static final String TITLE_CLASS = "title-4";

    private ChartCaption() {
    }

    /** The caption's lines for {@code chart}: its title, then the run's context when the chart shows the run. */
    static List<String> of(Node chart, TabPane mainTabs, RunModel shown) {
        List<String> lines = new ArrayList<>();
        String title = title(chart);
        if (!title.isEmpty()) {
            lines.add(title);
        }
        Tab analysis = mainTabs.getTabs().isEmpty() ? null : mainTabs.getTabs().get(0);
        if (shown != null && analysis != null && within(chart, analysis.getContent())) {
            lines.add(context(shown.run()));
        }
        return lines;
    }

    /**
     * The file name "Save image…" offers for {@code chart}, after what it shows and stable across languages (ASCII):
     * "foresto-run-4-value.png" for a chart of the shown run (Analysis tab), "foresto-sweep-heatmap.png",
     * "foresto-robustness-bootstrap-fan.png"; a chart this list does not know goes by its id in words
     * ("someChart" → "foresto-some.png").
     */
    static String fileName(Node chart, TabPane mainTabs, RunModel shown) {
        String id = chart.getId() == null || chart.getId().isBlank() ? "chart" : chart.getId();
        String what = FILE_WORDS.getOrDefault(id, words(id));
        Tab analysis = mainTabs.getTabs().isEmpty() ? null : mainTabs.getTabs().get(0);
        if (analysis != null && within(chart, analysis.getContent())) {
            long run = shown == null ? 0 : shown.run().runId();
            return "foresto-run-" + (run > 0 ? run + "-" : "") + what + ".png";
        }
        return "foresto-" + what + ".png";
    }

    /** The known charts' ids and what their pictures are named after. */
    private static final Map<String, String> FILE_WORDS = Map.ofEntries(
            Map.entry("valueChart", "value"), Map.entry("driftChart", "weight-drift"),
            Map.entry("drawdownChart", "drawdown"), Map.entry("costChart", "costs"),
            Map.entry("annualBars", "annual-returns"), Map.entry("sweepHeatmap", "sweep-heatmap"),
            Map.entry("sweepCompareChart", "sweep-comparison"), Map.entry("robustTimingChart", "robustness-timing"),
            Map.entry("robustPremiumChart", "robustness-window-premiums"),
            Map.entry("robustPremiumHistogram", "robustness-window-histogram"),
            Map.entry("robustFanChart", "robustness-bootstrap-fan"),
            Map.entry("robustDiffHistogram", "robustness-bootstrap-histogram"), Map.entry("studyChart", "study"));

    /** "someChart" → "some", "fooBarBaz" → "foo-bar-baz": lower-case ASCII words joined by hyphens. */
    static String words(String id) {
        String base = id.endsWith("Chart") && id.length() > "Chart".length() ? id.substring(0, id.length() - "Chart".length()) : id;
        String hyphened = base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String ascii = hyphened.replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return ascii.isEmpty() ? "chart" : ascii;
    }

    /**
     * "Portfolio …, rule …, data …, 2010-01-04 to 2019-12-31" in the screen's language; a rule given inline (a sweep
     * cell's) in words, as the legend writes it, not as its stored spec.
     */
    static String context(RunRecord run) {
        RunRequestInfo r = run.request();
        String words = RuleText.ofRun(r.ruleName(), r.rebalancingRuleId(), exactRule(run));
        String rule = words == null ? Messages.tr("common.imageNoRule") : words;
        return Messages.tr("common.imageContext", r.portfolioName(), rule, r.datasetName(),
                LocaleFormat.date(r.startDate()), LocaleFormat.date(r.endDate()));
    }

    /** The exact rule an inline-rule run ran with; null for none, a stored rule, or a request that cannot be read. */
    private static RebalancingRule exactRule(RunRecord run) {
        if (run.request().ruleName() == null || run.request().rebalancingRuleId() != null) {
            return null;
        }
        try {
            return RunChoices.of(run).rule();
        } catch (RuntimeException e) { // the stored name then
            return null;
        }
    }

    /** The nearest visible heading around {@code chart}, else its tab's text; "" for none. */
    static String title(Node chart) {
        for (Node n = chart.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TabPane tabs) {
                Tab t = tabs.getSelectionModel().getSelectedItem();
                return t == null || t.getText() == null ? "" : t.getText();
            }
            for (Node h : n.lookupAll("." + TITLE_CLASS)) {
                if (h instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isBlank()) {
                    return l.getText();
                }
            }
        }
        return "";
    }

    private static boolean within(Node n, Node root) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }
}
