package foresto.ui;

import foresto.i18n.LocaleFormat;
import foresto.i18n.Messages;
import foresto.model.RunRequestInfo;
import foresto.ui.main.RunModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.ArrayList;
import java.util.List;

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
            lines.add(context(shown.run().request()));
        }
        return lines;
    }

    /** "Portfolio …, rule …, data …, 2010-01-04 to 2019-12-31" in the screen's language. */
    static String context(RunRequestInfo r) {
        String rule = r.ruleName() == null ? Messages.tr("common.imageNoRule") : r.ruleName();
        return Messages.tr("common.imageContext", r.portfolioName(), rule, r.datasetName(),
                LocaleFormat.date(r.startDate()), LocaleFormat.date(r.endDate()));
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
